import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { Config } from '@backstage/config';
import {
  CLOUDFLARE_ROLES,
  CLOUDFLARE_ROLE_GRANTS,
  CloudflareRole,
} from './matrix';

/**
 * Options of {@link CloudflarePermissionPolicy}.
 *
 * @public
 */
export interface CloudflarePermissionPolicyOptions {
  /** Group entity refs that hold each role. */
  roleGroups: Record<CloudflareRole, string[]>;
  /** Decision for permissions outside the Cloudflare suite (`cloudflare.*`). */
  otherPermissions: 'allow' | 'deny';
  /** Resolves the ownership refs (user and groups) of the caller. */
  ownershipRefs(user: PolicyQueryUser): Promise<string[]>;
}

/**
 * Reads `cloudflare.permissionPolicy` (see config.d.ts). Each role defaults to the group of the
 * same name in the default namespace (`group:default/security`, ...).
 *
 * @public
 */
export function readRoleGroups(
  config: Config,
): Record<CloudflareRole, string[]> {
  const c = config.getOptionalConfig('cloudflare.permissionPolicy.roles');
  return Object.fromEntries(
    CLOUDFLARE_ROLES.map(role => [
      role,
      (c?.getOptionalStringArray(role) ?? [`group:default/${role}`]).map(r =>
        r.toLocaleLowerCase('en-US'),
      ),
    ]),
  ) as Record<CloudflareRole, string[]>;
}

/**
 * The spec's permission matrix as a Backstage permission policy: a `cloudflare.*` permission is
 * allowed when one of the caller's groups holds a role granting it, denied otherwise. Other
 * permissions get `otherPermissions` (allow in the demo).
 *
 * @public
 */
export class CloudflarePermissionPolicy implements PermissionPolicy {
  constructor(private readonly options: CloudflarePermissionPolicyOptions) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const name = request.permission.name;
    if (!name.startsWith('cloudflare.')) {
      return {
        result:
          this.options.otherPermissions === 'allow'
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      };
    }
    if (!user) return { result: AuthorizeResult.DENY };
    const refs = new Set(
      (await this.options.ownershipRefs(user)).map(r =>
        r.toLocaleLowerCase('en-US'),
      ),
    );
    const allowed = CLOUDFLARE_ROLES.some(
      role =>
        CLOUDFLARE_ROLE_GRANTS[role].has(name) &&
        this.options.roleGroups[role].some(group => refs.has(group)),
    );
    return { result: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
  }
}
