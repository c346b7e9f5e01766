import {
  CLOUDFLARE_CONTRACTS,
  CloudflareContractedAreaId,
  CloudflareRouteBody,
  CloudflareRouteContract,
  CloudflareRouteParams,
} from '@cloudflare-backstage/plugin-cloudflare-common';

/**
 * An input a route must refuse with a 400 JSON naming it: a path value, a query string, or (for a
 * `POST` route) a JSON body sent instead of the example's.
 */
export interface InvalidInput {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  message: RegExp;
}

/** What the generic route test needs to know of one route: inputs naming demo account data. */
export interface RouteExample<R extends CloudflareRouteContract> {
  /** Valid parameters naming what the demo account holds; the first is the one most checks use. */
  params: [CloudflareRouteParams<R>, ...CloudflareRouteParams<R>[]];
  /**
   * Parameters naming nothing in the demo account (routes with path parameters), and how the 404
   * names it (`<what> was not found in the Cloudflare account`); a `POST` route's body for it.
   */
  missing?: {
    params: CloudflareRouteParams<R>;
    what: string;
    body?: CloudflareRouteBody<R>;
  };
  /**
   * Values of the generic hostile path values that are valid names for this route's parameters
   * (Durable Object class names are upper case: `ACME` is one); the route answers them 404.
   */
  validPathValues?: string[];
  /** Inputs the route refuses besides the hostile path values and `?view=` every route refuses. */
  invalid?: InvalidInput[];
  /** The JSON body a `POST` route is sent with each of `params`. */
  body?: CloudflareRouteBody<R>;
}

/** Examples of every route of every contracted area, typed by `CLOUDFLARE_CONTRACTS`. */
export type Examples = {
  [A in CloudflareContractedAreaId]: {
    [K in keyof (typeof CLOUDFLARE_CONTRACTS)[A]]: (typeof CLOUDFLARE_CONTRACTS)[A][K] extends CloudflareRouteContract
      ? RouteExample<(typeof CLOUDFLARE_CONTRACTS)[A][K]>
      : never;
  };
};

/** Refusals of `key=<value>` for each value, naming the key. */
export const query = (key: string, values: string[]): InvalidInput[] =>
  values.map(v => ({ query: `${key}=${v}`, message: new RegExp(key) }));
