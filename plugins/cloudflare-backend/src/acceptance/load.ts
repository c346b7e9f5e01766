import { JsonValue } from '@backstage/types';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import { CloudflareRouteContract } from '@cloudflare-backstage/plugin-cloudflare-common';
import { RouteDescriptor, RouteInput } from '../areas/types';
import { loadWire } from '../service/readRoutes';

/**
 * Reads a route's value as its route does (the descriptor's load, parsed with the wire type), for
 * a measure: a list route's items, or an item route's one value.
 */
export async function loadValues<R extends CloudflareRouteContract>(
  account: { client: CloudflareClient },
  route: R,
  descriptor: RouteDescriptor<R>,
  input: Partial<RouteInput<R>> = {},
): Promise<JsonValue[]> {
  const { items, item } = await loadWire(account.client, route, descriptor, {
    params: input.params ?? ({} as RouteInput<R>['params']),
    query: input.query ?? ({} as RouteInput<R>['query']),
  });
  return items ?? (item === undefined ? [] : [item]);
}
