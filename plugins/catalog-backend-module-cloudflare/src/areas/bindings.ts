import { CloudflareAreaId } from '@cloudflare-backstage/plugin-cloudflare-common';
import { resourceRefIn } from './entity';
import { CatalogMapContext } from './types';

/**
 * A resource another one points at: its area and either its Cloudflare name or, for references
 * that carry only an id (KV namespaces, D1 databases, Hyperdrive configs, Secrets Stores), its id,
 * which the run's index turns into the name.
 */
export type ResourceTarget =
  | { area: CloudflareAreaId; name: string }
  | { area: CloudflareAreaId; id: string };

/** A target named by id, or none when the id is absent. */
export function byId(
  area: CloudflareAreaId,
  id: string | null | undefined,
): ResourceTarget | undefined {
  return id ? { area, id } : undefined;
}

/** A target named by name, or none when the name is absent. */
export function byName(
  area: CloudflareAreaId,
  name: string | null | undefined,
): ResourceTarget | undefined {
  return name ? { area, name } : undefined;
}

/**
 * Entity refs of the targets (`spec.dependsOn`): sorted, without duplicates. Names follow the other
 * areas' entities: KV namespaces by title, D1 databases by name, R2 buckets by name, queues by
 * name, Durable Objects by class name, Hyperdrive configs by name, Vectorize indexes by name,
 * Analytics Engine datasets by name, Secrets Stores by store name.
 */
export function dependsOnRefs(
  targets: Array<ResourceTarget | undefined>,
  ctx: CatalogMapContext,
): string[] {
  const refs = new Set<string>();
  for (const t of targets) {
    if (!t) continue;
    const name = 'name' in t ? t.name : ctx.nameOf(t.area, t.id);
    refs.add(resourceRefIn(ctx, t.area, name));
  }
  return [...refs].sort();
}
