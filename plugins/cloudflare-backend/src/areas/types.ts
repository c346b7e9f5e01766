import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import {
  CLOUDFLARE_CONTRACTS,
  CloudflareContractedAreaId,
  CloudflareRouteContract,
  CloudflareRouteData,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { z } from 'zod';

/** The parsed input of a route: its path parameters, its query (without `view`) and its body. */
export interface RouteInput<R extends CloudflareRouteContract> {
  params: z.output<R['params']>;
  query: z.output<R['query']>;
  /** The parsed JSON body of a `POST` route; undefined for a `GET` route. */
  body?: z.output<NonNullable<R['body']>>;
}

/** What a descriptor's `load` returns: a list (with a `cursor` where paged) or one item. */
export type RouteData<R extends CloudflareRouteContract> =
  CloudflareRouteData<R>;

/** How the backend answers one route contract: it names the resource and reads it through the client. */
export interface RouteDescriptor<
  R extends CloudflareRouteContract = CloudflareRouteContract,
> {
  /** Names what is read, for error messages, e.g. `Worker script 'acme-api'`. */
  what: (input: RouteInput<R>) => string;
  /**
   * Checks what the contract's schemas cannot (an SQL statement against an allow-list) and may
   * normalize the input (the statement to run); throws an `InputError` (400) naming the field. Runs
   * after parsing and before authorization, the audit event and any upstream call; the input it
   * returns is what the cache key, the audit record and `load` see.
   */
  check?: (input: RouteInput<R>) => RouteInput<R>;
  /** Reads the route's value through the client; the pipeline parses it with the wire schema. */
  load: (
    client: CloudflareClient,
    input: RouteInput<R>,
  ) => Promise<RouteData<R>>;
}

/** One descriptor per route contract of an area. */
export type AreaRouteDescriptors<A extends CloudflareContractedAreaId> = {
  [K in keyof (typeof CLOUDFLARE_CONTRACTS)[A]]: (typeof CLOUDFLARE_CONTRACTS)[A][K] extends CloudflareRouteContract
    ? RouteDescriptor<(typeof CLOUDFLARE_CONTRACTS)[A][K]>
    : never;
};
