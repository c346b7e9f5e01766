import { Entity } from '@backstage/catalog-model';
import {
  CLOUDFLARE_AREAS,
  CloudflareArea,
} from '@cloudflare-backstage/plugin-cloudflare-common';

/**
 * Names listed in one annotation value (`a`, or `a, b` for several resources of the area).
 */
export function splitAnnotation(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map(s => s.trim())
    .filter(Boolean);
}

/**
 * The areas an entity annotates, with the resource names of each.
 *
 * @public
 */
export function getCloudflareAnnotatedAreas(
  entity: Entity,
): Array<{ area: CloudflareArea; names: string[] }> {
  const annotations = entity.metadata.annotations ?? {};
  return CLOUDFLARE_AREAS.flatMap(area => {
    if (!area.annotation) return [];
    const names = splitAnnotation(annotations[area.annotation]);
    return names.length ? [{ area, names }] : [];
  });
}

/**
 * True when the entity carries at least one `cloudflare.com/<area>` annotation of the registry.
 *
 * @public
 */
export function isCloudflareAvailable(entity: Entity): boolean {
  return getCloudflareAnnotatedAreas(entity).length > 0;
}

/**
 * True for `Resource` entities of the suite (`spec.type` starting with `cloudflare-`).
 *
 * @public
 */
export function isCloudflareResource(entity: Entity): boolean {
  const type = entity.spec?.type;
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    typeof type === 'string' &&
    type.startsWith('cloudflare-')
  );
}

/**
 * The registry area of a Cloudflare `Resource` entity.
 */
export function areaOfResource(entity: Entity): CloudflareArea | undefined {
  return CLOUDFLARE_AREAS.find(a => a.resourceType === entity.spec?.type);
}

/**
 * The Cloudflare name of a suite `Resource` entity: `spec.parameters.name`, else the title, else the
 * entity name without its `cf-<prefix>-` segment.
 */
export function cloudflareNameOfResource(entity: Entity): string {
  const params = (entity.spec?.parameters ?? {}) as Record<string, unknown>;
  for (const key of [
    'name',
    'scriptName',
    'script',
    'projectName',
    'project',
  ]) {
    const v = params[key];
    if (typeof v === 'string' && v) return v;
  }
  if (entity.metadata.title) return entity.metadata.title;
  const area = areaOfResource(entity);
  const prefix = area ? `cf-${area.entityPrefix}-` : 'cf-';
  return entity.metadata.name.startsWith(prefix)
    ? entity.metadata.name.slice(prefix.length)
    : entity.metadata.name;
}
