import { cloudflareResourceEntity } from './entity';
import { defineCatalogArea } from './types';

/**
 * Zero Trust: one plain `Resource` per account (`cf-zt-access`, type `cloudflare-zero-trust`)
 * carrying name, owner, system and the account, nothing else. Catalog entities are readable by
 * everyone who reads the catalog while the permission matrix keeps Zero Trust posture from
 * engineering and readers, so no posture (identity providers, policies, applications, audit times)
 * is read here; the permission-gated routes and Tech Insights checks show it.
 *
 * Calls: the Access applications list (1 per page), only to know that the token reads Access: the
 * entity exists once Access has been read, and a failed read keeps it.
 */
export const zeroTrustArea = defineCatalogArea<void>({
  async read(client) {
    await client.zeroTrust.listApplications();
  },

  map: (_read, ctx) => [
    cloudflareResourceEntity(ctx, {
      area: 'zeroTrust',
      resourceName: 'access',
      resourceId: `${ctx.accountId}/access`,
      description: 'Zero Trust Access of the Cloudflare account',
      tags: ['access'],
      parameters: { accountId: ctx.accountId },
    }),
  ],
});
