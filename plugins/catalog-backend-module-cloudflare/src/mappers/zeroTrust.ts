import { DeferredEntity } from '@backstage/plugin-catalog-node';
import { cloudflareResourceEntity } from './common';
import { CloudflareMapperContext, CloudflareZeroTrustInput } from './types';

/**
 * Cloudflare name of the one Zero Trust resource of an account; its entity is `cf-zt-access`.
 *
 * @public
 */
export const ZERO_TRUST_RESOURCE_NAME = 'access';

/**
 * Maps an account's Zero Trust Access to one plain `Resource` entity (`cf-zt-access`, type
 * `cloudflare-zero-trust`): name, type, owner, system, account annotation and `accountId`, nothing
 * else. Catalog entities are readable by everyone who can read the catalog, while the permission
 * matrix keeps Zero Trust posture from engineering and readers, so the posture read from Cloudflare
 * (identity provider types, policy and application counts, audit times) never reaches the entity;
 * the permission-gated Cloudflare routes and Tech Insights checks show it. The posture is still
 * read (`input`), so the entity exists only when the token can read Access and a failed read keeps
 * the previous one, but none of its values is copied.
 *
 * @public
 */
export function mapZeroTrust(
  _input: CloudflareZeroTrustInput,
  ctx: CloudflareMapperContext,
): DeferredEntity[] {
  return [
    cloudflareResourceEntity(ctx, {
      area: 'zeroTrust',
      resourceName: ZERO_TRUST_RESOURCE_NAME,
      resourceId: `${ctx.accountId}/access`,
      description: 'Zero Trust Access of the Cloudflare account',
      tags: ['access'],
      parameters: { accountId: ctx.accountId },
    }),
  ];
}
