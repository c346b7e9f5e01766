import { z } from 'zod';
import { CloudflareAreaId } from '../areas';
import { CloudflareView } from './masking';
import { CloudflareAccountQuery } from './params';

/**
 * A wire type: the zod schema of one value a route returns, and the paths of its sensitive fields
 * (masked unless the caller holds `cloudflare.read.unmasked` and asks `?view=unmasked`). Secret
 * fields are never part of a wire type: the client drops them.
 *
 * @public
 */
export interface CloudflareWireType<S extends z.ZodType = z.ZodType> {
  /** Name of the type, as the OpenAPI document and error messages call it. */
  name: string;
  /** The schema; the backend's answers and the frontend's reads are exactly `z.output<S>`. */
  schema: S;
  /** Paths of sensitive fields: dots for fields, `[]` for list items (`actor.email`). */
  sensitive: readonly string[];
}

/**
 * Declares a wire type.
 *
 * @public
 */
export function defineWireType<S extends z.ZodType>(
  wire: CloudflareWireType<S>,
): CloudflareWireType<S> {
  return wire;
}

/**
 * The contract of one read route: where it is, what it takes and what it returns. The backend
 * binds a `load` to each contract; the frontend builds URLs and reads answers from the same one.
 * A read is a `GET` unless the route declares `method: 'POST'` and a `body` schema (a read whose
 * input does not fit a URL, such as an SQL statement).
 *
 * @public
 */
export interface CloudflareRouteContract<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  W extends CloudflareWireType = CloudflareWireType,
  S extends 'list' | 'item' = 'list' | 'item',
  B extends z.ZodType = z.ZodType,
> {
  /** Stable id, `<area>.<operation>`: the cache key's and the audit record's operation name. */
  id: string;
  /** The area whose read permission the route needs. */
  area: CloudflareAreaId;
  /** Express path under `/api/cloudflare`, e.g. `/v1/workers/:script/deployments`. */
  path: string;
  /** One sentence, for the routes table, the OpenAPI document and actions. */
  description: string;
  /** Path parameters. */
  params: P;
  /** Query parameters besides `view` (which every route takes). */
  query: Q;
  /** `GET` (the default) or `POST`, for a read that takes a JSON `body`. */
  method?: 'GET' | 'POST';
  /**
   * The JSON body of a `POST` route (absent for `GET`): parsed like params and query (400 naming
   * the field); the backend bounds the raw body to 64 kB before parsing.
   */
  body?: B;
  /**
   * Kebab-case auditor event recorded for every accepted request of the route (after validation
   * and authorization), with its parameters, query and body in `meta.args`; it replaces
   * `unmasked-read` for the route, with `meta.view`. Absent: only unmasked reads are audited.
   */
  auditEvent?: string;
  /** What the route returns: a list of `wire` (`items`, with a `cursor` where paged) or one. */
  shape: S;
  /** The type of each item. */
  wire: W;
}

/**
 * Declares a route contract.
 *
 * @public
 */
export function defineRoute<
  P extends z.ZodType,
  Q extends z.ZodType,
  W extends CloudflareWireType,
  S extends 'list' | 'item',
  B extends z.ZodType = z.ZodType,
>(
  route: CloudflareRouteContract<P, Q, W, S, B>,
): CloudflareRouteContract<P, Q, W, S, B> {
  return route;
}

/**
 * The one envelope of every read route.
 *
 * @public
 */
export interface CloudflareEnvelope<T> {
  /** The Cloudflare account read. */
  account: string;
  /** The product area. */
  area: CloudflareAreaId;
  /** `masked` unless the caller asked (and was allowed) `unmasked`. */
  view: CloudflareView;
  /** The items of a list route. */
  items?: T[];
  /** The value of an item route. */
  item?: T;
  /** Where a paged list continues, when there is more. */
  cursor?: string;
  /** How many values were masked, per sensitive path. */
  masked: Record<string, number>;
  /**
   * Present (and `true`) only when the answer is a cached one older than its fresh TTL, served
   * because the read from Cloudflare failed (outage, timeout, rate limit, the call budget is short
   * or the account's circuit breaker is open). `fetchedAt` then says how old it is.
   */
  stale?: true;
  /** When the answer was read from Cloudflare (ISO 8601). */
  fetchedAt: string;
}

/**
 * Item type of a route contract.
 *
 * @public
 */
export type CloudflareRouteItem<R extends CloudflareRouteContract> = z.output<
  R['wire']['schema']
>;

/**
 * Path parameters of a route contract, as a caller passes them (e.g. `{ script: 'acme-api' }`).
 *
 * @public
 */
export type CloudflareRouteParams<R extends CloudflareRouteContract> = z.input<
  R['params']
>;

/**
 * Query parameters of a route contract besides `view`, as a caller passes them: the contract's own
 * and `account` (see {@link cloudflareAccountQuerySchema}), which every read route takes.
 *
 * @public
 */
export type CloudflareRouteQuery<R extends CloudflareRouteContract> = z.input<
  R['query']
> &
  CloudflareAccountQuery;

/**
 * The JSON body of a `POST` route contract, as a caller passes it (`unknown` for a `GET` route).
 *
 * @public
 */
export type CloudflareRouteBody<R extends CloudflareRouteContract> = z.input<
  NonNullable<R['body']>
>;

/**
 * The data of a route by its shape: a list of `T` (with a `cursor` where paged) or one `T`.
 *
 * @public
 */
export type DataOfShape<S, T> = S extends 'list'
  ? { items: T[]; cursor?: string }
  : { item: T };

/**
 * What a route's `load` returns: a list (with a `cursor` where paged) or one item; either, for a
 * route whose shape is not known statically.
 *
 * @public
 */
export type CloudflareRouteData<R extends CloudflareRouteContract> =
  DataOfShape<R['shape'], CloudflareRouteItem<R>>;

/**
 * Fills a route's path template with its parameters (each encoded), e.g. for the frontend.
 *
 * @public
 */
export function cloudflareRoutePath(
  route: Pick<CloudflareRouteContract, 'path'>,
  params: Record<string, string>,
): string {
  return route.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`Missing route parameter '${name}'`);
    return encodeURIComponent(v);
  });
}
