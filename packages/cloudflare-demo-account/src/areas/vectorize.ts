import { cfErrors, ok } from '../envelope';
import { DemoRoute, RouteContext, get, post } from '../route';
import type { VectorizeIndexRecord } from '../fixtures/vectorize';

const INDEXES = '/accounts/:account_id/vectorize/v2/indexes';
const INDEX = `${INDEXES}/:index_name`;

const byName = (ctx: RouteContext): VectorizeIndexRecord | undefined =>
  ctx.data.vectorize.indexes.find(r => r.index.name === ctx.params.index_name);

/** Answers with what `pick` takes from the named index, or Cloudflare's 404. */
const ofIndex =
  (pick: (r: VectorizeIndexRecord, ctx: RouteContext) => unknown) =>
  (ctx: RouteContext) => {
    const r = byName(ctx);
    return r ? ok(pick(r, ctx)) : cfErrors.notFound('vectorize index');
  };

/** The ids a `get_by_ids` body names; none when the body is not JSON. */
async function idsOf(ctx: RouteContext): Promise<string[]> {
  try {
    const body = (await ctx.request.json()) as { ids?: unknown };
    return Array.isArray(body.ids) ? body.ids.map(String) : [];
  } catch {
    return [];
  }
}

/**
 * Routes of the Vectorize v2 area: indexes (one page), index detail, index info and metadata
 * indexes. Also the vector reads Cloudflare serves (`get_by_ids`, `query`: values and metadata;
 * `list`: ids), which the suite must never call: they answer the stored vectors, secret canary
 * included, so a test that finds the canary or a call count proves a leak.
 *
 * @public
 */
export const vectorizeRoutes: DemoRoute[] = [
  get(INDEXES, ctx => ok(ctx.data.vectorize.indexes.map(r => r.index))),
  get(
    INDEX,
    ofIndex(r => r.index),
  ),
  get(
    `${INDEX}/info`,
    ofIndex(r => r.info),
  ),
  get(
    `${INDEX}/metadata_index/list`,
    ofIndex(r => ({ metadataIndexes: r.metadataIndexes })),
  ),
  get(
    `${INDEX}/list`,
    ofIndex(r => ({
      count: r.vectors.length,
      totalCount: r.vectors.length,
      isTruncated: false,
      vectors: r.vectors.map(v => ({ id: v.id })),
    })),
  ),
  post(`${INDEX}/get_by_ids`, async ctx => {
    const r = byName(ctx);
    if (!r) return cfErrors.notFound('vectorize index');
    const ids = await idsOf(ctx);
    return ok(r.vectors.filter(v => ids.includes(v.id)));
  }),
  post(
    `${INDEX}/query`,
    ofIndex(r => ({
      count: r.vectors.length,
      matches: r.vectors.map((v, i) => ({
        id: v.id,
        score: 1 - i / 10,
        values: v.values,
        metadata: v.metadata,
        namespace: v.namespace,
      })),
    })),
  ),
];
