import { z } from 'zod';
import { ClientContext } from './context';

/** Cloudflare's v4 envelope; `messages` may be strings (Workers Builds) or objects. */
const envelopeSchema = z.object({
  success: z.boolean(),
  errors: z.array(z.unknown()).nullish(),
  result: z.unknown(),
  result_info: z
    .object({
      page: z.number().nullish(),
      per_page: z.number().nullish(),
      count: z.number().nullish(),
      total_count: z.number().nullish(),
      total_pages: z.number().nullish(),
      cursor: z.string().nullish(),
      cursors: z.object({ after: z.string().nullish() }).nullish(),
      next_page_token: z.string().nullish(),
    })
    .nullish(),
});

/** The parts of an envelope the client reads. */
export type Envelope = z.infer<typeof envelopeSchema>;

type ResultInfo = NonNullable<Envelope['result_info']>;

/** A body that claims to be a v4 envelope (an object with `success`). */
export const looksLikeEnvelope = (body: unknown): boolean =>
  typeof body === 'object' &&
  body !== null &&
  !Array.isArray(body) &&
  'success' in body;

/** The items of a list page: `result` itself, or `result.items` (`V4PagePagination`). */
function itemsOf(result: unknown): unknown[] | undefined {
  if (Array.isArray(result)) return result;
  const items = (result as { items?: unknown } | null)?.items;
  return Array.isArray(items) ? items : undefined;
}

/** Why a page is shorter than its own `result_info` says, or undefined. */
function shortPage(items: unknown[], info: ResultInfo): string | undefined {
  const { page, per_page: perPage, total_count: total } = info;
  if (page && perPage && typeof total === 'number') {
    const expected = Math.max(
      0,
      Math.min(perPage, total - (page - 1) * perPage),
    );
    if (items.length < expected)
      return `page ${page} holds fewer items than its result_info says`;
  }
  if (
    page &&
    perPage &&
    typeof info.total_pages === 'number' &&
    page < info.total_pages &&
    items.length < perPage
  )
    return `page ${page} holds fewer items than its result_info says`;
  const next = info.cursor || info.cursors?.after || info.next_page_token;
  if (items.length === 0 && next) return 'an empty page offers a next cursor';
  return undefined;
}

/**
 * Checks a 2xx JSON body as a v4 envelope: `success === true`, and for a list read (`list`) a
 * `result` that is an array or an object, consistent with its `result_info` (a page shorter than
 * its totals, or an empty page with a next cursor, fail). Returns why the body is refused, in
 * words of our own (never Cloudflare's text or a value), or undefined when it is good.
 *
 * A body that is not an envelope (GraphQL, a few endpoints that answer bare JSON) passes unless
 * `requireEnvelope` is set (the SDK's page classes read `result` and would see nothing).
 */
export function checkEnvelope(
  body: unknown,
  options: { list: boolean; requireEnvelope: boolean },
): string | undefined {
  if (!looksLikeEnvelope(body))
    return options.requireEnvelope
      ? 'list answer is not a v4 envelope'
      : undefined;
  const parsed = envelopeSchema.safeParse(body);
  if (!parsed.success) return 'envelope does not match the v4 shape';
  const env = parsed.data;
  if (env.success !== true) return 'envelope reports success: false';
  const list = options.list || !!env.result_info;
  if (!list) return undefined;
  if (env.result === null || typeof env.result !== 'object')
    return 'list result is missing';
  const items = itemsOf(env.result);
  return items && env.result_info
    ? shortPage(items, env.result_info)
    : undefined;
}

/**
 * GET through the SDK's generic `client.get` (for endpoints the SDK lacks, or whose SDK typing is
 * wrong). The client's fetch guard has already checked the envelope ({@link checkEnvelope}); this
 * gives it its type.
 */
export async function getEnvelope(
  ctx: ClientContext,
  _operation: string,
  path: string,
  query?: Record<string, unknown>,
): Promise<Envelope> {
  const body = await ctx.sdk.get<unknown>(path, { query });
  return envelopeSchema.parse(body);
}

/** `encodeURIComponent` for path segments. */
export const seg = (s: string) => encodeURIComponent(s);

/** Removes `undefined` values, so JSON output is stable. */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined),
  ) as T;
}
