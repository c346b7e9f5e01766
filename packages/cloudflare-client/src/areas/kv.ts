import { z } from 'zod';
import {
  KvKey,
  KvKeySample,
  KvNamespace,
  ResourceTagIndex,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { ClientContext } from '../context';
import { compact } from '../envelope';
import { tagsOf, tagsOfType } from './tags';

const AREA = 'kv';

/** Key-count budget of {@link KvApi.listNamespaces}: keys-list calls spent counting, in all. */
const DEFAULT_KEY_COUNT_CALLS = 10;
/** Cloudflare's largest (and default) keys page. */
const MAX_KEYS_PAGE = 1000;
/** Cloudflare's smallest keys page. */
const MIN_KEYS_PAGE = 10;

const namespaceSchema = z.object({
  id: z.string(),
  title: z.string(),
  supports_url_encoding: z.boolean().nullish(),
  jurisdiction: z.string().nullish(),
});

const keySchema = z.object({
  name: z.string(),
  expiration: z.number().nullish(),
  metadata: z.unknown().optional(),
});

const keysPageSchema = z.object({
  result: z.array(keySchema),
  result_info: z.object({ cursor: z.string().nullish() }).nullish(),
});

/** How many names the client withheld (a credential-like name is kept, for masking downstream). */
const withheld = (keys: KvKey[]) =>
  keys.filter(k => k.redaction === 'credential-value-shape').length;

/**
 * Options of {@link KvApi.listNamespaces}.
 *
 * @public
 */
export interface KvNamespacesOptions {
  /** Tags read once for the run; read for `kv_namespace` when absent. */
  tags?: ResourceTagIndex;
  /** Keys-list calls the read may spend counting keys, in all (default 10). */
  keyCountCalls?: number;
}

/**
 * Options of {@link KvApi.listKeys}.
 *
 * @public
 */
export interface KvKeysOptions {
  /** Page size, 10 to 1000 (Cloudflare's bounds); default 1000. */
  limit?: number;
  /** Where the page starts: the cursor of the previous page. */
  cursor?: string;
  /** Only keys whose name starts with this. */
  prefix?: string;
}

/**
 * Workers KV reads: namespaces, keys and a sample of keys. Values are never read (no
 * `GET .../values/{key}`, no `POST .../bulk/get`), and key metadata is reported as present or
 * absent only.
 *
 * @public
 */
export class KvApi {
  constructor(private readonly ctx: ClientContext) {}

  /**
   * Every namespace (page paging) with its tags, and its key count while the count stays within
   * `keyCountCalls` keys-list calls in all (a namespace the budget cannot finish has no count).
   */
  async listNamespaces(
    options: KvNamespacesOptions = {},
  ): Promise<KvNamespace[]> {
    return this.ctx.run(AREA, 'kv.listNamespaces', async () => {
      const raw: z.output<typeof namespaceSchema>[] = [];
      for await (const n of this.ctx.sdk.kv.namespaces.list({
        account_id: this.ctx.accountId,
        per_page: 100,
      })) {
        raw.push(namespaceSchema.parse(n));
      }
      const tags = await tagsOfType(this.ctx, 'kv_namespace', options.tags);
      let budget = options.keyCountCalls ?? DEFAULT_KEY_COUNT_CALLS;
      const out: KvNamespace[] = [];
      for (const n of raw) {
        const counted = await this.countKeys(n.id, budget);
        budget -= counted.calls;
        out.push(
          compact({
            id: n.id,
            title: n.title,
            supportsUrlEncoding: n.supports_url_encoding ?? undefined,
            jurisdiction: n.jurisdiction ?? undefined,
            keysApprox: counted.keys,
            tags: tagsOf(tags, n.id),
          }),
        );
      }
      return out;
    });
  }

  /** One page of a namespace's keys, and the cursor of the next page when there is one. */
  async listKeys(
    namespaceId: string,
    options: KvKeysOptions = {},
  ): Promise<{ items: KvKey[]; cursor?: string }> {
    return this.ctx.run(AREA, 'kv.listKeys', async () => {
      const page = await this.keysPage(namespaceId, options);
      this.ctx.countRedactions(AREA, withheld(page.keys));
      return compact({ items: page.keys, cursor: page.cursor });
    });
  }

  /** The first `limit` keys (at most 50) of a namespace with their TTL; values are never read. */
  async sampleKeys(namespaceId: string, limit = 50): Promise<KvKeySample[]> {
    return this.ctx.run(AREA, 'kv.sampleKeys', async () => {
      const n = Math.min(Math.max(1, Math.floor(limit)), 50);
      const page = await this.keysPage(namespaceId, { limit: n });
      const now = Date.now();
      const sample = page.keys.slice(0, n).map(k =>
        compact({
          ...k,
          ttlSeconds: k.expiration
            ? Math.round((Date.parse(k.expiration) - now) / 1000)
            : undefined,
          valueRead: false as const,
        }),
      );
      this.ctx.countRedactions(AREA, withheld(sample));
      return sample;
    });
  }

  private async keysPage(
    namespaceId: string,
    options: KvKeysOptions,
  ): Promise<{ keys: KvKey[]; cursor?: string }> {
    const limit = Math.min(
      Math.max(MIN_KEYS_PAGE, Math.floor(options.limit ?? MAX_KEYS_PAGE)),
      MAX_KEYS_PAGE,
    );
    const page = await this.ctx.sdk.kv.namespaces.keys.list(namespaceId, {
      account_id: this.ctx.accountId,
      limit,
      ...(options.cursor ? { cursor: options.cursor } : {}),
      ...(options.prefix ? { prefix: options.prefix } : {}),
    });
    const parsed = keysPageSchema.parse({
      result: page.result,
      result_info: page.result_info,
    });
    return {
      keys: parsed.result.map(k => this.toKey(k)),
      cursor: parsed.result_info?.cursor || undefined,
    };
  }

  /** Counts a namespace's keys within `budget` calls; `keys` is undefined when it cannot. */
  private async countKeys(
    namespaceId: string,
    budget: number,
  ): Promise<{ keys?: number; calls: number }> {
    let keys = 0;
    let calls = 0;
    let cursor: string | undefined;
    while (calls < budget) {
      const page = await this.ctx.sdk.kv.namespaces.keys.list(namespaceId, {
        account_id: this.ctx.accountId,
        limit: MAX_KEYS_PAGE,
        ...(cursor ? { cursor } : {}),
      });
      calls += 1;
      keys += page.result.length;
      cursor = page.result_info?.cursor || undefined;
      if (!cursor) return { keys, calls };
    }
    return { calls };
  }

  /** What the redaction rules decide about a key's name (see `KvKey`). */
  private nameRedaction(name: string): KvKey['redaction'] {
    const redactor = this.ctx.redactor;
    if (name.split(/[:/|#@?&=]/).some(p => redactor.isCredentialValue(p)))
      return 'credential-value-shape';
    if (redactor.isCredentialName(name)) return 'credential-key-name';
    return 'none';
  }

  /**
   * A key as the suite shows it: the name by the redaction rules (see `KvKey`), the expiration as
   * ISO 8601, metadata as present or absent.
   */
  private toKey(k: z.output<typeof keySchema>): KvKey {
    const redaction = this.nameRedaction(k.name);
    return compact({
      name: redaction === 'none' ? k.name : undefined,
      credentialName: redaction === 'credential-key-name' ? k.name : undefined,
      redaction,
      expiration: k.expiration
        ? new Date(k.expiration * 1000).toISOString()
        : undefined,
      hasMetadata: k.metadata !== undefined && k.metadata !== null,
    });
  }
}
