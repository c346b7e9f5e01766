import { Entity } from '@backstage/catalog-model';
import { CloudflareResourceDeployment } from './types';

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

/**
 * Reader of `spec.parameters.lastDeployment` of an area whose `Resource` entities name the
 * resource under `spec.parameters[nameKey]`. A deployment without a version or a time is no
 * deployment (the catalog module always sets both).
 */
export function lastDeploymentIn(nameKey: string) {
  return (entity: Entity): CloudflareResourceDeployment | undefined => {
    const parameters = (entity.spec?.parameters ?? {}) as Record<
      string,
      unknown
    >;
    const resource = text(parameters[nameKey]);
    const d = parameters.lastDeployment as Record<string, unknown> | undefined;
    const version = text(d?.version);
    const createdOn = text(d?.createdOn);
    if (!resource || !version || !createdOn) return undefined;
    const commitSha = text(d?.commitSha);
    const ciRunUrl = text(d?.ciRunUrl);
    return {
      resource,
      version,
      createdOn,
      ...(commitSha ? { commitSha } : {}),
      ...(ciRunUrl ? { ciRunUrl } : {}),
    };
  };
}
