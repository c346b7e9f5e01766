import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  CLOUDFLARE_AREAS,
  CloudflareArea,
} from '@cloudflare-backstage/plugin-cloudflare-common';

/** The catalog index page of `@backstage/plugin-catalog` where the app does not say where it is. */
export const DEFAULT_CATALOG_INDEX_PATH = '/catalog';

/** One area's Resource entities in the catalog. */
export interface AreaCount {
  area: CloudflareArea;
  count: number;
}

/** One owner's suite Resource entities in the catalog, and their types. */
export interface OwnerCount {
  /** Full entity ref of the owner (`group:default/platform`). */
  owner: string;
  count: number;
  /** Resource types of the owner's entities, in registry order. */
  types: string[];
}

/** The catalog's suite Resource entities per area (every area, 0 too) and per owner. */
export interface Inventory {
  total: number;
  areas: AreaCount[];
  /** Most entities first, then by ref. */
  owners: OwnerCount[];
  /** Entities whose `spec.owner` is missing or not an entity ref. */
  withoutOwner: number;
}

function ownerRefOf(entity: Entity): string | undefined {
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || owner === '') return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

/** Counts the suite Resource entities (`spec.type`, `spec.owner`) per area of the registry and per owner. */
export function inventoryOf(resources: readonly Entity[]): Inventory {
  const perType = new Map<string, number>();
  const perOwner = new Map<string, { count: number; types: Set<string> }>();
  let withoutOwner = 0;
  for (const resource of resources) {
    const type = String(resource.spec?.type);
    perType.set(type, (perType.get(type) ?? 0) + 1);
    const owner = ownerRefOf(resource);
    if (!owner) {
      withoutOwner += 1;
      continue;
    }
    const entry = perOwner.get(owner) ?? { count: 0, types: new Set() };
    entry.count += 1;
    entry.types.add(type);
    perOwner.set(owner, entry);
  }
  const areas = CLOUDFLARE_AREAS.map(area => ({
    area,
    count: perType.get(area.resourceType) ?? 0,
  }));
  const owners = [...perOwner.entries()]
    .map(([owner, { count, types }]) => ({
      owner,
      count,
      types: CLOUDFLARE_AREAS.map(a => a.resourceType).filter(t =>
        types.has(t),
      ),
    }))
    .sort((a, b) => b.count - a.count || a.owner.localeCompare(b.owner));
  return {
    total: areas.reduce((sum, a) => sum + a.count, 0),
    areas,
    owners,
    withoutOwner,
  };
}

/**
 * Link to the catalog index page (at `catalogIndexPath`) filtered to Resources of the given types (and owner), over all
 * entities rather than the user's own (the page's default is "Owned"). The page drops a type
 * filter that no entity has, so link only types that have entities.
 */
export function catalogResourcesLink(
  catalogIndexPath: string,
  options: { types: readonly string[]; owner?: string },
): string {
  const params = [
    ['filters[kind]', 'resource'],
    ...options.types.map(t => ['filters[type]', t]),
    ...(options.owner ? [['filters[owners]', options.owner]] : []),
    ['filters[user]', 'all'],
  ];
  const query = params
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  return `${catalogIndexPath}?${query}`;
}
