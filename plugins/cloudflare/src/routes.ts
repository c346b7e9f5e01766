import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * Route of the posture page.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'cloudflare' });
