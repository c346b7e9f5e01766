import { HttpResponse } from 'msw';
import { cfError, ok } from '../envelope';
import { cursorPageOf, pageOf } from '../pagination';
import { DemoRoute, RouteContext, get } from '../route';
import type { KvNamespace } from '../fixtures/kv';

const NAMESPACES = '/accounts/:account_id/storage/kv/namespaces';

/** Cloudflare's KV errors. */
const namespaceNotFound = () =>
  cfError(404, 10013, "get namespace: 'namespace not found'");
const keyNotFound = () => cfError(404, 10009, "get: 'key not found'");

const namespaceOf = (ctx: RouteContext): KvNamespace | undefined =>
  ctx.data.kv.namespaces.find(n => n.id === ctx.params.namespace_id);

/** `GET .../namespaces` (`order=id|title`, `direction`; page paging, per_page 5 to 100, default 20). */
function listNamespaces(ctx: RouteContext): Response {
  const order = ctx.url.searchParams.get('order');
  let namespaces = [...ctx.data.kv.namespaces];
  if (order === 'id' || order === 'title') {
    namespaces.sort((a, b) => a[order].localeCompare(b[order]));
  }
  if (ctx.url.searchParams.get('direction') === 'desc')
    namespaces = namespaces.reverse();
  const page = pageOf(namespaces, ctx.url, {
    defaultPerPage: 20,
    maxPerPage: 100,
  });
  return ok(page.items, page.resultInfo);
}

/** `GET .../keys` (`prefix`; cursor paging by `limit`, 10 to 1000, default 1000). */
function listKeys(ctx: RouteContext): Response {
  const ns = namespaceOf(ctx);
  if (!ns) return namespaceNotFound();
  const prefix = ctx.url.searchParams.get('prefix') ?? '';
  const keys = (ctx.data.kv.keys[ns.id] ?? []).filter(k =>
    k.name.startsWith(prefix),
  );
  const page = cursorPageOf(keys, ctx.url, {
    sizeParam: 'limit',
    defaultSize: 1000,
    maxSize: 1000,
  });
  return ok(page.items, {
    count: page.resultInfo.count,
    cursor: page.resultInfo.cursor,
  });
}

/**
 * Routes of the KV area: namespaces (page paging), namespace detail, keys (cursor paging by `limit`),
 * key metadata, and values, which Cloudflare serves as the raw bytes (no envelope).
 *
 * @public
 */
export const kvRoutes: DemoRoute[] = [
  get(NAMESPACES, listNamespaces),
  get(`${NAMESPACES}/:namespace_id`, ctx => {
    const ns = namespaceOf(ctx);
    return ns ? ok(ns) : namespaceNotFound();
  }),
  get(`${NAMESPACES}/:namespace_id/keys`, listKeys),
  get(`${NAMESPACES}/:namespace_id/metadata/:key_name`, ctx => {
    const ns = namespaceOf(ctx);
    if (!ns) return namespaceNotFound();
    const key = ctx.data.kv.keys[ns.id]?.find(
      k => k.name === ctx.params.key_name,
    );
    return key ? ok(key.metadata ?? null) : keyNotFound();
  }),
  get(`${NAMESPACES}/:namespace_id/values/:key_name`, ctx => {
    const ns = namespaceOf(ctx);
    if (!ns) return namespaceNotFound();
    const value = ctx.data.kv.values[ns.id]?.[ctx.params.key_name];
    if (value === undefined) return keyNotFound();
    const key = ctx.data.kv.keys[ns.id]?.find(
      k => k.name === ctx.params.key_name,
    );
    return new HttpResponse(value, {
      headers: {
        'content-type': 'application/octet-stream',
        ...(key?.expiration ? { expiration: String(key.expiration) } : {}),
      },
    });
  }),
];
