import { cfErrors, ok } from '../envelope';
import { pageOf } from '../pagination';
import { DemoRoute, get } from '../route';

const CONFIGS = '/accounts/:account_id/hyperdrive/configs';

/**
 * Routes of the Hyperdrive area: configs (page paging) and config detail. The demo over-shares
 * `origin.password` on purpose (see the fixture).
 *
 * @public
 */
export const hyperdriveRoutes: DemoRoute[] = [
  get(CONFIGS, ({ url, data }) => {
    const page = pageOf(data.hyperdrive.configs, url, {
      defaultPerPage: 20,
      maxPerPage: 100,
    });
    return ok(page.items, page.resultInfo);
  }),
  get(`${CONFIGS}/:hyperdrive_id`, ({ params, data }) => {
    const config = data.hyperdrive.configs.find(
      c => c.id === params.hyperdrive_id,
    );
    return config ? ok(config) : cfErrors.notFound('hyperdrive config');
  }),
];
