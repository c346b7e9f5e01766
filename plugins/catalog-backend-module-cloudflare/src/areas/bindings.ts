import { CloudflareAreaId } from '@cloudflare-backstage/plugin-cloudflare-common';
import { resourceRefIn } from './entity';
import { CatalogMapContext } from './types';

/**
 * A resource another one points at: its area and either its Cloudflare name or, for references
 * that carry only an id (KV namespaces, D1 databases, Hyperdrive configs, Secrets Stores), its id,
 * which the run's index turns into the name; or index keys tried in order, with the name to use
 * when the index knows none of them (a Durable Object binding: namespace id, then script and class,
 * then the class).
 */
export type ResourceTarget =
  | { area: CloudflareAreaId; name: string }
  | { area: CloudflareAreaId; id: string }
  | { area: CloudflareAreaId; keys: string[]; otherwise?: string };

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
 * A target named by the first of `keys` the run's index knows, else by `otherwise`; none when
 * neither is there.
 */
export function byKnownKey(
  area: CloudflareAreaId,
  keys: Array<string | null | undefined>,
  otherwise: string | null | undefined,
): ResourceTarget | undefined {
  const present = keys.filter((k): k is string => !!k);
  if (present.length === 0 && !otherwise) return undefined;
  return { area, keys: present, ...(otherwise ? { otherwise } : {}) };
}

/** The name a target stands for in the run, or undefined when the run cannot name it. */
function nameOfTarget(
  t: ResourceTarget,
  ctx: CatalogMapContext,
): string | undefined {
  if ('name' in t) return t.name;
  if ('id' in t) return ctx.nameOf(t.area, t.id);
  for (const key of t.keys) {
    const name = ctx.nameOf(t.area, key);
    if (name !== key) return name;
  }
  return t.otherwise;
}

/**
 * Entity refs of the targets (`spec.dependsOn`): sorted, without duplicates. Names follow the other
 * areas' entities: KV namespaces by title, D1 databases by name, R2 buckets by name, queues by
 * name, Durable Objects by the name their area gives them (see `durableObjectResourceNames`), Hyperdrive configs by name, Vectorize indexes by name,
 * Analytics Engine datasets by name, Secrets Stores by store name.
 */
export function dependsOnRefs(
  targets: Array<ResourceTarget | undefined>,
  ctx: CatalogMapContext,
): string[] {
  const refs = new Set<string>();
  for (const t of targets) {
    if (!t) continue;
    const name = nameOfTarget(t, ctx);
    if (name === undefined) continue;
    refs.add(resourceRefIn(ctx, t.area, name));
  }
  return [...refs].sort();
}
