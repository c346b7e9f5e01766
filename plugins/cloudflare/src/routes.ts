import {
  createExternalRouteRef,
  createRouteRef,
  createSubRouteRef,
} from '@backstage/core-plugin-api';

/**
 * Route of the posture page.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'cloudflare' });

/**
 * The remediation page under the posture page (`/cloudflare/remediation` by default): what to change
 * in Cloudflare for each check of the SOC 2 pack, one anchor per check id.
 *
 * @public
 */
export const remediationRouteRef = createSubRouteRef({
  id: 'cloudflare/remediation',
  parent: rootRouteRef,
  path: '/remediation',
});

/**
 * The catalog's index page, which the posture page's inventory links to with filters. The new
 * frontend system binds it to `catalog.catalogIndex` by default; a legacy app binds it with
 * `bind(cloudflarePlugin.externalRoutes, { catalogIndex: catalogPlugin.routes.catalogIndex })`,
 * else the links go to `/catalog`.
 *
 * @public
 */
export const catalogIndexRouteRef = createExternalRouteRef({
  id: 'cloudflare-catalog-index',
  optional: true,
  defaultTarget: 'catalog.catalogIndex',
});
