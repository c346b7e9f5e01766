import { useAsyncEntity } from '@backstage/plugin-catalog-react';
import { CloudflareArea } from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  cloudflareNameOfResource,
  isCloudflareResource,
  splitAnnotation,
} from '../../conditions';

/**
 * Names of the area's resources that a card shows: the `name` prop, else the entity's annotation, else
 * (on the area's own `Resource` entity) the resource's name.
 */
export function useAreaNames(area: CloudflareArea, name?: string): string[] {
  const { entity } = useAsyncEntity();
  if (name) return [name];
  if (!entity) return [];
  const annotated = splitAnnotation(
    area.annotation
      ? entity.metadata.annotations?.[area.annotation]
      : undefined,
  );
  if (annotated.length) return annotated;
  if (isCloudflareResource(entity) && entity.spec?.type === area.resourceType) {
    return [cloudflareNameOfResource(entity)];
  }
  return [];
}
