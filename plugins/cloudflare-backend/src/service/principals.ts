import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';

/**
 * Service principals (their `subject`, e.g. `plugin:scaffolder` or `external:audit-bot`) that
 * config allows to make privileged calls: unmasked reads and the evidence routes.
 */
export type TrustedServices = ReadonlySet<string>;

/**
 * Privileged calls (unmasked views, evidence) are for users, whose permissions the policy decides.
 * Backstage's permission client allows every service principal without asking the policy, so a
 * service principal is refused here unless `cloudflare.permissions.trustedServices` names it.
 *
 * @throws NotAllowedError for a service principal not named in config, or no principal at all
 */
export function requireUserPrincipal(
  trusted: TrustedServices,
  credentials: BackstageCredentials,
  what: string,
): void {
  const p = credentials.principal as { type?: string; subject?: string };
  if (p.type === 'user') return;
  if (p.type === 'service' && p.subject && trusted.has(p.subject)) return;
  throw new NotAllowedError(
    `Not allowed: ${what} is for signed-in users (a service caller must be named in cloudflare.permissions.trustedServices)`,
  );
}
