import { cfErrors, ok } from '../envelope';
import { pageOf } from '../pagination';
import { DemoRoute, RouteContext, get } from '../route';
import type { ApiToken, TokenVerification } from '../fixtures/tokens';

/** `include_expired` and `direction`, then page paging (per_page 5 to 50, default 20). */
function listTokens(tokens: ApiToken[], ctx: RouteContext): Response {
  const includeExpired = ctx.url.searchParams.get('include_expired') === 'true';
  let list = tokens.filter(t => includeExpired || t.status !== 'expired');
  if (ctx.url.searchParams.get('direction') === 'desc')
    list = [...list].reverse();
  const page = pageOf(list, ctx.url, { defaultPerPage: 20, maxPerPage: 50 });
  return ok(page.items, page.resultInfo);
}

/** The calling token's verification; every accepted token verifies (unknown ones get a stable id). */
function verify(ctx: RouteContext, tokens: ApiToken[]): Response {
  const bearer =
    /^Bearer\s+(\S+)$/i.exec(
      ctx.request.headers.get('authorization') ?? '',
    )?.[1] ?? '';
  const id =
    ctx.data.tokens.verifyByToken[bearer] ??
    Buffer.from(bearer).toString('hex').slice(0, 32).padEnd(32, '0');
  const known = tokens.find(t => t.id === id);
  const result: TokenVerification = {
    id,
    status: known?.status ?? 'active',
    ...(known?.expires_on ? { expires_on: known.expires_on } : {}),
  };
  return ok(result, undefined);
}

const tokenById = (tokens: ApiToken[], id: string) => {
  const t = tokens.find(x => x.id === id);
  return t ? ok(t) : cfErrors.notFound('token');
};

/**
 * Routes of API tokens: user tokens, account-owned tokens (page paging), token detail and verify.
 * The `verify` routes come before `:token_id` so they match first.
 *
 * @public
 */
export const tokensRoutes: DemoRoute[] = [
  get('/user/tokens', ctx => listTokens(ctx.data.tokens.user, ctx)),
  get('/user/tokens/verify', ctx => verify(ctx, ctx.data.tokens.user)),
  get('/user/tokens/:token_id', ctx =>
    tokenById(ctx.data.tokens.user, ctx.params.token_id),
  ),
  get('/accounts/:account_id/tokens', ctx =>
    listTokens(ctx.data.tokens.account, ctx),
  ),
  get('/accounts/:account_id/tokens/verify', ctx =>
    verify(ctx, [...ctx.data.tokens.account, ...ctx.data.tokens.user]),
  ),
  get('/accounts/:account_id/tokens/:token_id', ctx =>
    tokenById(ctx.data.tokens.account, ctx.params.token_id),
  ),
];
