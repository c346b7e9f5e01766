import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

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
