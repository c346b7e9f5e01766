import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { catalogIndexRouteRef, rootRouteRef } from '../routes';
import { cloudflareApi, cloudflareScorecardApi } from './apis';
import {
  cloudflareEntityCards,
  cloudflareScorecardsEntityCard,
} from './entityCards';
import {
  cloudflareEntityContent,
  cloudflareResourceEntityContent,
} from './entityContent';
import { cloudflarePosturePage } from './pages';

/**
 * The Cloudflare plugin for the new frontend system.
 *
 * @alpha
 */
export const cloudflareFrontendPlugin = createFrontendPlugin({
  pluginId: 'cloudflare',
  title: 'Cloudflare',
  info: { packageJson: () => import('../../package.json') },
  routes: { root: rootRouteRef },
  externalRoutes: { catalogIndex: catalogIndexRouteRef },
  extensions: [
    cloudflareApi,
    cloudflareScorecardApi,
    cloudflareEntityContent,
    cloudflareResourceEntityContent,
    cloudflarePosturePage,
    ...Object.values(cloudflareEntityCards),
    cloudflareScorecardsEntityCard,
  ],
});
