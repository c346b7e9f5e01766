import { z } from 'zod';
import { ClientContext } from '../context';
import { compact } from '../envelope';
import { FieldClassMap } from '../fieldClasses';
import { Redaction, noteSecretFields } from '../redaction';
import {
  AccessUser,
  accessUserFieldClasses,
  accessUserSchema,
} from './accessUsers';
import {
  APP_SECRET_PATHS,
  AREA,
  AccessApplication,
  AccessPolicy,
  AccessRequest,
  AccessRequestFilter,
  IdentityProvider,
  accessApplicationFieldClasses,
  accessApplicationSchema,
  accessPolicyFieldClasses,
  accessPolicySchema,
  accessRequestFieldClasses,
  accessRequestSchema,
  identityProviderFieldClasses,
  identityProviderSchema,
} from './zeroTrustSchemas';

export {
  accessApplicationFieldClasses,
  accessApplicationSchema,
  accessPolicyFieldClasses,
  accessPolicySchema,
  accessRequestFieldClasses,
  accessRequestSchema,
  identityProviderFieldClasses,
  identityProviderSchema,
} from './zeroTrustSchemas';
export type {
  AccessApplication,
  AccessPolicy,
  AccessRequest,
  AccessRequestFilter,
  IdentityProvider,
} from './zeroTrustSchemas';
export { accessUserSchema, accessUserFieldClasses } from './accessUsers';
export type { AccessUser } from './accessUsers';

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

  /** Every Access user (page paging); `email` / `search` filter on Cloudflare's side. */
  async listUsers(
    filter: { email?: string; search?: string } = {},
  ): Promise<AccessUser[]> {
    return this.ctx.run(AREA, 'zeroTrust.listUsers', async () => {
      const out: AccessUser[] = [];
      for await (const u of this.ctx.sdk.zeroTrust.access.users.list({
        ...this.q,
        ...compact(filter),
      })) {
        out.push(accessUserSchema.parse(u));
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

/**
 * Every field-class map of the Zero Trust area.
 *
 * @public
 */
export const ZERO_TRUST_FIELD_CLASSES: readonly FieldClassMap[] = [
  accessApplicationFieldClasses,
  accessPolicyFieldClasses,
  identityProviderFieldClasses,
  accessRequestFieldClasses,
  accessUserFieldClasses,
];
