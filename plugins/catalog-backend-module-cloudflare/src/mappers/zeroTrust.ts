import { DeferredEntity } from '@backstage/plugin-catalog-node';
import { cloudflareResourceEntity } from './common';
import { CloudflareMapperContext, CloudflareZeroTrustInput } from './types';

/**
 * Cloudflare name of the one Zero Trust posture resource of an account; its entity is
 * `cf-zt-access`.
 *
 * @public
 */
export const ZERO_TRUST_RESOURCE_NAME = 'access';

/**
 * Maps an account's Zero Trust Access posture to one `Resource` entity (`cf-zt-access`, type
 * `cloudflare-zero-trust`): identity provider types, policy and application counts, and the time
 * of the newest audit event. No names of people, emails or IPs.
 *
 * @public
 */
export function mapZeroTrust(
  input: CloudflareZeroTrustInput,
  ctx: CloudflareMapperContext,
): DeferredEntity[] {
  return [
    cloudflareResourceEntity(ctx, {
      area: 'zeroTrust',
      resourceName: ZERO_TRUST_RESOURCE_NAME,
      resourceId: `${ctx.accountId}/access`,
      description: 'Zero Trust Access posture for protected apps',
      tags: ['access'],
      parameters: {
        accountId: ctx.accountId,
        authProviders: [...new Set(input.authProviders)].sort(),
        policyCount: input.policyCount,
        applicationCount: input.applicationCount,
        lastAuditEvent: input.lastAuditEvent,
      },
    }),
  ];
}
