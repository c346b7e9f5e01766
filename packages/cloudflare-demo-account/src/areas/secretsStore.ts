import { cfErrors, ok } from '../envelope';
import { pageOf } from '../pagination';
import { DemoRoute, RouteContext, get } from '../route';

const STORES = '/accounts/:account_id/secrets_store/stores';

type Sortable = { name: string; created: string; modified: string };

/** Applies Cloudflare's `order=name|created|modified` and `direction=asc|desc` parameters. */
function sorted<T extends Sortable>(items: T[], url: URL): T[] {
  const order = url.searchParams.get('order');
  if (order !== 'name' && order !== 'created' && order !== 'modified')
    return items;
  const out = [...items].sort((a, b) => a[order].localeCompare(b[order]));
  return url.searchParams.get('direction') === 'desc' ? out.reverse() : out;
}

/** `GET .../stores/{id}/secrets` (`search`, `scopes`, `order`, `direction`; page paging). */
function listSecrets(ctx: RouteContext): Response {
  const store = ctx.data.secretsStore.stores.find(
    s => s.id === ctx.params.store_id,
  );
  if (!store) return cfErrors.notFound('secrets store');
  const search = ctx.url.searchParams.get('search');
  const scopes = ctx.url.searchParams
    .getAll('scopes')
    .flatMap(s => s.split(','));
  const secrets = (ctx.data.secretsStore.secrets[store.id] ?? []).filter(
    s =>
      (!search || s.name.toLowerCase().includes(search.toLowerCase())) &&
      (scopes.length === 0 ||
        scopes.some(scope => s.scopes?.some(x => x === scope))),
  );
  const page = pageOf(sorted(secrets, ctx.url), ctx.url, {
    defaultPerPage: 20,
    maxPerPage: 100,
  });
  return ok(page.items, page.resultInfo);
}

/**
 * Routes of the Secrets Store area: stores and secrets (page paging), store and secret detail and
 * the account quota. The demo over-shares one secret's `value` on purpose (see the fixture).
 *
 * @public
 */
export const secretsStoreRoutes: DemoRoute[] = [
  get(STORES, ({ url, data }) => {
    const page = pageOf(sorted(data.secretsStore.stores, url), url, {
      defaultPerPage: 20,
      maxPerPage: 100,
    });
    return ok(page.items, page.resultInfo);
  }),
  get(`${STORES}/:store_id`, ({ params, data }) => {
    const store = data.secretsStore.stores.find(s => s.id === params.store_id);
    return store ? ok(store) : cfErrors.notFound('secrets store');
  }),
  get(`${STORES}/:store_id/secrets`, listSecrets),
  get(`${STORES}/:store_id/secrets/:secret_id`, ({ params, data }) => {
    const secret = data.secretsStore.secrets[params.store_id]?.find(
      s => s.id === params.secret_id,
    );
    return secret ? ok(secret) : cfErrors.notFound('secret');
  }),
  get('/accounts/:account_id/secrets_store/quota', ({ data }) =>
    ok(data.secretsStore.quota),
  ),
];
