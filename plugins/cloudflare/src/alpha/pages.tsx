import { compatWrapper } from '@backstage/core-compat-api';
import { PageBlueprint } from '@backstage/frontend-plugin-api';
import CloudIcon from '@material-ui/icons/Cloud';
import { rootRouteRef } from '../routes';

/**
 * The posture page at `/cloudflare`, with the remediation page at `/cloudflare/remediation`
 * (`remediationRouteRef`). Its `title` and `icon` make the "Cloudflare" nav item (the new
 * frontend system infers nav items from pages; `NavItemBlueprint` was removed).
 *
 * @alpha
 */
export const cloudflarePosturePage = PageBlueprint.make({
  params: {
    path: '/cloudflare',
    title: 'Cloudflare',
    icon: <CloudIcon fontSize="inherit" />,
    routeRef: rootRouteRef,
    loader: () =>
      import('../components/CloudflareRemediationPage').then(m =>
        compatWrapper(<m.CloudflarePostureRoutes content />),
      ),
  },
});
