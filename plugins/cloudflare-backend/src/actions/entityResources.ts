import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { JsonValue } from '@backstage/types';
import {
  ANNOTATION_CLOUDFLARE_RESOURCE_ID,
  CLOUDFLARE_AREAS,
  CloudflareArea,
  CloudflareView,
  cloudflareReadPermissions,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { RouteContext } from '../service/context';
import { readCloudflare } from '../service/readRoutes';
import { AreaAction } from './areaActions';

/** An entity as the catalog service answers it (the fields read here). */
type CatalogEntity = NonNullable<
  Awaited<ReturnType<RouteContext['catalog']['getEntityByRef']>>
>;

/** `kind:namespace/name` of an entity, lower-cased as the catalog compares refs. */
export const refOf = (e: CatalogEntity) =>
  `${e.kind}:${e.metadata.namespace ?? 'default'}/${
    e.metadata.name
  }`.toLowerCase();

/** A ref a caller may write: `[kind:][namespace/]name` (default kind Component). */
const REF =
  /^(?:([A-Za-z]+):)?(?:([a-z0-9][a-z0-9._-]*)\/)?([A-Za-z0-9][A-Za-z0-9._-]*)$/;

/**
 * The entity an agent names: an entity ref (`component:default/acme-api`, or `acme-api` for a
 * Component of the default namespace), else the one entity whose `metadata.title` or name is the
 * text. Read with the caller's credentials, so the catalog's own permissions apply.
 *
 * @throws NotFoundError when nothing matches, InputError when several entities share the title
 */
export async function resolveEntity(
  ctx: RouteContext,
  credentials: BackstageCredentials,
  text: string,
): Promise<CatalogEntity> {
  const m = REF.exec(text);
  if (m) {
    const ref = `${m[1] ?? 'component'}:${m[2] ?? 'default'}/${m[3]}`;
    const entity = await ctx.catalog.getEntityByRef(ref.toLowerCase(), {
      credentials,
    });
    if (entity) return entity;
  }
  const { items } = await ctx.catalog.getEntities(
    { filter: [{ 'metadata.title': text }, { 'metadata.name': text }] },
    { credentials },
  );
  if (items.length === 1) return items[0];
  if (items.length === 0) {
    throw new NotFoundError('No catalog entity has that ref, name or title');
  }
  throw new InputError(
    `Several entities match; name one by its ref: ${items
      .slice(0, 10)
      .map(refOf)
      .join(', ')}`,
  );
}

const AREA_BY_TYPE = new Map(CLOUDFLARE_AREAS.map(a => [a.resourceType, a]));

/** The Cloudflare area of a suite `Resource` entity, if it is one. */
const areaOf = (e: CatalogEntity): CloudflareArea | undefined =>
  e.kind.toLowerCase() === 'resource'
    ? AREA_BY_TYPE.get(String(e.spec?.type ?? ''))
    : undefined;

/** The suite's Resource entities of an entity: itself, or what it depends on. */
export async function cloudflareResourcesOf(
  ctx: RouteContext,
  credentials: BackstageCredentials,
  entity: CatalogEntity,
): Promise<Array<{ entity: CatalogEntity; area: CloudflareArea }>> {
  if (areaOf(entity)) return [{ entity, area: areaOf(entity)! }];
  const refs = (entity.relations ?? [])
    .filter(r => r.type === 'dependsOn' && r.targetRef.startsWith('resource:'))
    .map(r => r.targetRef);
  if (refs.length === 0) return [];
  const { items } = await ctx.catalog.getEntitiesByRefs(
    { entityRefs: refs },
    { credentials },
  );
  return items.flatMap(e =>
    e && areaOf(e) ? [{ entity: e, area: areaOf(e)! }] : [],
  );
}

/** The areas of `areas` the caller may read (one authorize call). */
export async function readableAreas(
  ctx: RouteContext,
  credentials: BackstageCredentials,
  areas: CloudflareArea[],
): Promise<Set<string>> {
  const unique = [...new Set(areas.map(a => a.id))];
  const decisions = await ctx.permissions.authorize(
    unique.map(id => ({ permission: cloudflareReadPermissions[id] })),
    { credentials },
  );
  return new Set(
    unique.filter((_, i) => decisions[i].result === AuthorizeResult.ALLOW),
  );
}

/** The area's listing: its first list route that needs no path parameter. */
export function listingOf(
  actions: AreaAction[],
  area: CloudflareArea,
): AreaAction | undefined {
  return actions.find(
    a =>
      a.contract.area === area.id &&
      a.contract.shape === 'list' &&
      a.paramKeys.length === 0 &&
      !a.contract.body,
  );
}

/**
 * What the area's listing says of one resource, through the read pipeline (same permission,
 * masking, cache) of the resource's account (its `cloudflare.com/account-id`, else the only one
 * configured): the listed values naming its Cloudflare id or name; none when the resource names no
 * configured account.
 */
export async function listedValues(
  ctx: RouteContext,
  credentials: BackstageCredentials,
  listing: AreaAction,
  resource: CatalogEntity,
  view: CloudflareView,
): Promise<JsonValue[]> {
  const keys = new Set(
    [
      resource.metadata.annotations?.[ANNOTATION_CLOUDFLARE_RESOURCE_ID],
      resource.metadata.title,
    ].filter((k): k is string => typeof k === 'string'),
  );
  const account = ctx.clients.forEntity(resource);
  if (!account) return [];
  const envelope = await readCloudflare(
    ctx,
    listing.contract,
    listing.descriptor,
    { credentials, params: {}, query: { view, account: account.id } },
  );
  return (envelope.items ?? []).filter(
    item =>
      item !== null &&
      typeof item === 'object' &&
      Object.values(item).some(v => typeof v === 'string' && keys.has(v)),
  );
}
