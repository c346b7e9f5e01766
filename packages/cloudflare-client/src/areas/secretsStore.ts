import { z } from 'zod';
import {
  SecretsStore,
  SecretsStoreMetadata,
  SecretsStoreSecret,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { ClientContext } from '../context';
import { compact } from '../envelope';
import { Redaction, noteSecretFields } from '../redaction';

const AREA = 'secretsStore';

/** Cloudflare's largest secrets and stores page. */
const PAGE = 100;
/** Secrets-list calls {@link SecretsStoreApi.getMetadata} may spend by default (1,000 secrets). */
const DEFAULT_SECRET_PAGE_CALLS = 10;

const storeSchema = z.object({
  id: z.string(),
  name: z.string(),
  created: z.string().nullish(),
  modified: z.string().nullish(),
});

/** A secret's metadata. `value` is not in it: zod drops it, and it is noted as a secret field. */
const secretSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  comment: z.string().nullish(),
  scopes: z.array(z.string()).nullish(),
  created: z.string().nullish(),
  modified: z.string().nullish(),
});

const quotaSchema = z.object({
  secrets: z
    .object({ quota: z.number().nullish(), usage: z.number().nullish() })
    .nullish(),
});

/**
 * Options of {@link SecretsStoreApi.getMetadata}.
 *
 * @public
 */
export interface SecretsStoreMetadataOptions {
  /** Secrets-list calls (100 secrets each) the read may spend, in all (default 10). */
  secretPageCalls?: number;
  /** Read the account's secrets quota too (one call; default true). */
  quota?: boolean;
}

/**
 * Secrets Store reads: stores, and one store's metadata (secrets counted by status and scope, their
 * names, scopes, comments and times, the account's quota use). Secret values are never requested
 * (no call returns them; a `value` an answer carries anyway is dropped and counted as a redaction).
 *
 * @public
 */
export class SecretsStoreApi {
  constructor(private readonly ctx: ClientContext) {}

  /** Every store of the account (page paging, 100 a page, ending at Cloudflare's empty page). */
  async listStores(): Promise<SecretsStore[]> {
    return this.ctx.run(AREA, 'secretsStore.listStores', async () => {
      const out: SecretsStore[] = [];
      for await (const s of this.ctx.sdk.secretsStore.stores.list({
        account_id: this.ctx.accountId,
        per_page: PAGE,
      })) {
        out.push(this.toStore(storeSchema.parse(s)));
      }
      return out;
    });
  }

  /**
   * One store's metadata: the store's own read, its secrets page by page within `secretPageCalls`
   * (`complete` is false when the budget ends first) and the account's quota.
   */
  async getMetadata(
    storeId: string,
    options: SecretsStoreMetadataOptions = {},
  ): Promise<SecretsStoreMetadata> {
    return this.ctx.run(AREA, 'secretsStore.getMetadata', async () => {
      const store = this.toStore(
        storeSchema.parse(
          await this.ctx.sdk.secretsStore.stores.get(storeId, {
            account_id: this.ctx.accountId,
          }),
        ),
      );
      const { secrets, complete } = await this.readSecrets(
        storeId,
        options.secretPageCalls ?? DEFAULT_SECRET_PAGE_CALLS,
      );
      const byStatus: Record<string, number> = {};
      const byScope: Record<string, number> = {};
      for (const s of secrets) {
        byStatus[s.status] = (byStatus[s.status] ?? 0) + 1;
        for (const scope of s.scopes)
          byScope[scope] = (byScope[scope] ?? 0) + 1;
      }
      secrets.sort((a, b) =>
        (b.modified ?? '').localeCompare(a.modified ?? ''),
      );
      return compact({
        ...store,
        secretCount: secrets.length,
        complete,
        byStatus,
        byScope,
        lastSecretModified: secrets[0]?.modified,
        accountQuota:
          options.quota === false ? undefined : await this.readQuota(),
        secrets,
      });
    });
  }

  /** The store's secrets within `budget` list calls; `complete` when the empty last page came. */
  private async readSecrets(
    storeId: string,
    budget: number,
  ): Promise<{ secrets: SecretsStoreSecret[]; complete: boolean }> {
    const notes: Redaction[] = [];
    const secrets: SecretsStoreSecret[] = [];
    let page = await this.ctx.sdk.secretsStore.stores.secrets.list(storeId, {
      account_id: this.ctx.accountId,
      per_page: PAGE,
    });
    let calls = 1;
    for (;;) {
      for (const raw of page.result) {
        const secret = secretSchema.parse(raw);
        noteSecretFields(raw, ['value'], notes, `secrets.${secret.id}`);
        secrets.push(this.toSecret(secret, notes));
      }
      if (!page.hasNextPage()) {
        this.ctx.countRedactions(AREA, notes);
        return { secrets, complete: true };
      }
      if (calls >= budget) break;
      page = await page.getNextPage();
      calls += 1;
    }
    this.ctx.countRedactions(AREA, notes);
    return { secrets, complete: false };
  }

  /** The account's secrets quota, or undefined when Cloudflare gives none. */
  private async readQuota(): Promise<SecretsStoreMetadata['accountQuota']> {
    const quota = quotaSchema.parse(
      await this.ctx.sdk.secretsStore.quota.get({
        account_id: this.ctx.accountId,
      }),
    ).secrets;
    return typeof quota?.quota === 'number' && typeof quota.usage === 'number'
      ? { limit: quota.quota, usage: quota.usage }
      : undefined;
  }

  /** A secret's metadata; a token-shaped name, or a comment holding one, is withheld and noted. */
  private toSecret(
    s: z.output<typeof secretSchema>,
    notes: Redaction[],
  ): SecretsStoreSecret {
    const redactor = this.ctx.redactor;
    const nameWithheld = redactor.isCredentialValue(s.name);
    const commentWithheld =
      !!s.comment &&
      s.comment.split(/[\s,;:()"'`]+/).some(w => redactor.isCredentialValue(w));
    if (nameWithheld)
      notes.push({
        path: `secrets.${s.id}.name`,
        reason: 'credential-value-shape',
      });
    if (commentWithheld)
      notes.push({
        path: `secrets.${s.id}.comment`,
        reason: 'credential-value-shape',
      });
    return compact({
      id: s.id,
      name: nameWithheld ? undefined : s.name,
      nameWithheld: nameWithheld ? (true as const) : undefined,
      status: s.status,
      scopes: s.scopes ?? [],
      comment: commentWithheld ? undefined : s.comment || undefined,
      commentWithheld: commentWithheld ? (true as const) : undefined,
      created: s.created ?? undefined,
      modified: s.modified ?? undefined,
    });
  }

  private toStore(s: z.output<typeof storeSchema>): SecretsStore {
    return compact({
      id: s.id,
      name: s.name,
      created: s.created ?? undefined,
      modified: s.modified ?? undefined,
    });
  }
}
