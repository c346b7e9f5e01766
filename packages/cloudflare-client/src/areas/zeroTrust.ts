import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  AccessAuditEvent,
  ZeroTrustUser,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { ClientContext } from '../context';
import { compact } from '../envelope';
import { Redaction, noteSecretFields } from '../redaction';
import { toZeroTrustUser } from './accessUsers';
import {
  APP_SECRET_PATHS,
  AREA,
  AccessRequestFilter,
  accessApplicationSchema,
  accessPolicySchema,
  accessRequestSchema,
  identityProviderSchema,
} from './zeroTrustSchemas';
import {
  AccessApplication,
  AccessPolicy,
  AccessRequest,
  IdentityProvider,
} from './zeroTrustTypes';

export type { AccessRequestFilter } from './zeroTrustSchemas';
export type {
  AccessApplication,
  AccessPolicy,
  AccessRequest,
  IdentityProvider,
} from './zeroTrustTypes';

/**
 * An Access log entry as an {@link @cloudflare-backstage/plugin-cloudflare-common#AccessAuditEvent}:
 * its id is the Ray ID, or a digest of the entry when Cloudflare gave none.
 */
function toAccessAuditEvent(l: AccessRequest): AccessAuditEvent {
  const rayId = l.ray_id?.match(/^[A-Za-z0-9_-]{1,64}$/)?.[0];
  return compact({
    id:
      rayId ??
      createHash('sha256').update(JSON.stringify(l)).digest('base64url'),
    createdAt: l.created_at,
    actor: compact({
      email: l.user_email ?? undefined,
      ip: l.ip_address ?? undefined,
    }),
    action: l.action ?? undefined,
    allowed: l.allowed ?? undefined,
    target: l.app_domain ?? undefined,
    connection: l.connection ?? undefined,
  });
}

/**
 * Zero Trust Access reads (account scope).
 *
 * @public
 */
export class ZeroTrustApi {
  constructor(private readonly ctx: ClientContext) {}

  private get q() {
    return { account_id: this.ctx.accountId };
  }

  /** Every Access application (page paging). */
  async listApplications(): Promise<AccessApplication[]> {
    return this.ctx.run(AREA, 'zeroTrust.listApplications', async () => {
      const out: AccessApplication[] = [];
      for await (const a of this.ctx.sdk.zeroTrust.access.applications.list(
        this.q,
      ))
        out.push(this.toApp(a));
      return out;
    });
  }

  /** One Access application. */
  async getApplication(appId: string): Promise<AccessApplication> {
    return this.ctx.run(AREA, 'zeroTrust.getApplication', async () =>
      this.toApp(
        await this.ctx.sdk.zeroTrust.access.applications.get(appId, this.q),
      ),
    );
  }

  /** Policies of one application (page paging). */
  async listApplicationPolicies(appId: string): Promise<AccessPolicy[]> {
    return this.ctx.run(AREA, 'zeroTrust.listApplicationPolicies', async () => {
      const out: AccessPolicy[] = [];
      for await (const p of this.ctx.sdk.zeroTrust.access.applications.policies.list(
        appId,
        this.q,
      )) {
        out.push(this.toPolicy(p));
      }
      return out;
    });
  }

  /** Every reusable policy (page paging). */
  async listReusablePolicies(): Promise<AccessPolicy[]> {
    return this.ctx.run(AREA, 'zeroTrust.listReusablePolicies', async () => {
      const out: AccessPolicy[] = [];
      for await (const p of this.ctx.sdk.zeroTrust.access.policies.list(this.q))
        out.push(this.toPolicy(p));
      return out;
    });
  }

  /** Every identity provider (page paging), without secrets. */
  async listIdentityProviders(): Promise<IdentityProvider[]> {
    return this.ctx.run(AREA, 'zeroTrust.listIdentityProviders', async () => {
      const out: IdentityProvider[] = [];
      for await (const raw of this.ctx.sdk.zeroTrust.identityProviders.list(
        this.q,
      )) {
        const redactions: Redaction[] = [];
        noteSecretFields(
          raw,
          ['config.client_secret', 'scim_config.secret'],
          redactions,
        );
        this.ctx.countRedactions(AREA, redactions);
        out.push({ ...identityProviderSchema.parse(raw), redactions });
      }
      return out;
    });
  }

  /** Access authentication logs (one call; Cloudflare returns a plain array). */
  async listAccessRequests(
    filter: AccessRequestFilter = {},
  ): Promise<AccessRequest[]> {
    return this.ctx.run(AREA, 'zeroTrust.listAccessRequests', async () => {
      const raw = await this.ctx.sdk.zeroTrust.access.logs.accessRequests.list({
        ...this.q,
        ...(filter.since ? { since: filter.since } : {}),
        ...(filter.until ? { until: filter.until } : {}),
        ...(filter.limit !== undefined ? { limit: filter.limit } : {}),
        ...(filter.email ? { email: filter.email } : {}),
        ...(filter.direction ? { direction: filter.direction } : {}),
      });
      return z
        .array(accessRequestSchema)
        .parse(raw ?? [])
        .filter(r => filter.action === undefined || r.action === filter.action)
        .filter(
          r => filter.allowed === undefined || r.allowed === filter.allowed,
        );
    });
  }

  /**
   * Access authentication logs as audit events (one call, the filters of
   * {@link ZeroTrustApi.listAccessRequests}), in Cloudflare's order.
   */
  async listAccessAuditEvents(
    filter: AccessRequestFilter = {},
  ): Promise<AccessAuditEvent[]> {
    const requests = await this.listAccessRequests(filter);
    return requests.map(toAccessAuditEvent);
  }

  /** Every Access user (page paging); `email` / `search` filter on Cloudflare's side. */
  async listUsers(
    filter: { email?: string; search?: string } = {},
  ): Promise<ZeroTrustUser[]> {
    return this.ctx.run(AREA, 'zeroTrust.listUsers', async () => {
      const out: ZeroTrustUser[] = [];
      for await (const u of this.ctx.sdk.zeroTrust.access.users.list({
        ...this.q,
        ...compact(filter),
      })) {
        out.push(toZeroTrustUser(u));
      }
      return out;
    });
  }

  private toApp(raw: unknown): AccessApplication {
    const redactions: Redaction[] = [];
    noteSecretFields(raw, APP_SECRET_PATHS, redactions);
    this.ctx.countRedactions(AREA, redactions);
    return { ...accessApplicationSchema.parse(raw), redactions };
  }

  private toPolicy(raw: unknown): AccessPolicy {
    const p = accessPolicySchema.parse(raw);
    const redactions: Redaction[] = [];
    const r = this.ctx.redactor;
    const out: AccessPolicy = {
      ...p,
      include: p.include
        ? (r.redactJson(p.include, 'include', redactions, {
            keyNames: false,
          }) as unknown[])
        : p.include,
      exclude: p.exclude
        ? (r.redactJson(p.exclude, 'exclude', redactions, {
            keyNames: false,
          }) as unknown[])
        : p.exclude,
      require: p.require
        ? (r.redactJson(p.require, 'require', redactions, {
            keyNames: false,
          }) as unknown[])
        : p.require,
      redactions,
    };
    this.ctx.countRedactions(AREA, redactions);
    return out;
  }
}
