import { readAccessAuditPage } from '../service/accessAudit';
import { AreaRouteDescriptors } from './types';

/** Zero Trust routes: users, and the Access audit log paged by cursor (see `accessAudit.ts`). */
export const zeroTrustRouteDescriptors: AreaRouteDescriptors<'zeroTrust'> = {
  users: {
    what: () => 'Zero Trust users',
    load: async client => ({ items: await client.zeroTrust.listUsers() }),
  },
  accessAudit: {
    what: () => 'the Access audit log',
    load: (client, { query }) =>
      readAccessAuditPage(
        filter => client.zeroTrust.listAccessAuditEvents(filter),
        query,
      ),
  },
};
