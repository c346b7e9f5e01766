import { cfErrors, ok } from '../envelope';
import { cursorPageOf, pageOf } from '../pagination';
import { DemoRoute, get } from '../route';

const NAMESPACES = '/accounts/:account_id/workers/durable_objects/namespaces';

/**
 * Routes of the Durable Objects area: namespaces (page paging) and a namespace's objects (`limit`
 * 10 to 10000, default 1000, and `cursor`; `result_info` carries both `cursor` and `cursors.after`,
 * which the SDK iterator reads).
 *
 * @public
 */
export const durableObjectsRoutes: DemoRoute[] = [
  get(NAMESPACES, ({ url, data }) => {
    const page = pageOf(data.durableObjects.namespaces, url, {
      defaultPerPage: 20,
      maxPerPage: 1000,
    });
    return ok(page.items, page.resultInfo);
  }),
  get(`${NAMESPACES}/:id/objects`, ({ url, params, data }) => {
    if (!data.durableObjects.namespaces.some(ns => ns.id === params.id))
      return cfErrors.notFound('durable object namespace');
    const page = cursorPageOf(
      data.durableObjects.objects[params.id] ?? [],
      url,
      {
        sizeParam: 'limit',
        defaultSize: 1000,
        maxSize: 10000,
      },
    );
    return ok(page.items, page.resultInfo);
  }),
];
