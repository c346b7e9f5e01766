import { cfErrors, ok } from '../envelope';
import { DemoRoute, RouteContext, get } from '../route';
import type { VectorizeIndexRecord } from '../fixtures/vectorize';

const INDEXES = '/accounts/:account_id/vectorize/v2/indexes';

const byName = (ctx: RouteContext): VectorizeIndexRecord | undefined =>
  ctx.data.vectorize.indexes.find(r => r.index.name === ctx.params.index_name);

/**
 * Routes of the Vectorize v2 area: indexes (one page), index detail and index info.
 *
 * @public
 */
export const vectorizeRoutes: DemoRoute[] = [
  get(INDEXES, ctx => ok(ctx.data.vectorize.indexes.map(r => r.index))),
  get(`${INDEXES}/:index_name`, ctx => {
    const r = byName(ctx);
    return r ? ok(r.index) : cfErrors.notFound('vectorize index');
  }),
  get(`${INDEXES}/:index_name/info`, ctx => {
    const r = byName(ctx);
    return r ? ok(r.info) : cfErrors.notFound('vectorize index');
  }),
];
