import { zeroTrustRoutes } from '@cloudflare-backstage/plugin-cloudflare-common';
import { TimeCell } from '../components/shared/time';
import { humanValue } from '../components/ResourceParametersCard/labels';
import { defineCloudflareCard } from './types';

/**
 * Zero Trust users with their seats and last login. Account-wide (Components do not annotate Zero
 * Trust): it shows on the posture page and on the `cloudflare-zero-trust` Resource entity.
 *
 * @public
 */
export const zeroTrustCard = defineCloudflareCard({
  route: zeroTrustRoutes.users,
  title: 'Zero Trust users',
  rowKey: u => u.id,
  columns: [
    { title: 'Email', render: u => u.email ?? '—' },
    { title: 'Name', render: u => u.name ?? '—' },
    { title: 'Access seat', render: u => humanValue(u.accessSeat) },
    { title: 'Gateway seat', render: u => humanValue(u.gatewaySeat) },
    {
      title: 'Last login',
      render: u => <TimeCell iso={u.lastSuccessfulLogin} />,
    },
  ],
  empty: {
    title: 'No Zero Trust users',
    description:
      'Nobody has signed in through Cloudflare Access in this account yet.',
  },
});
