import {
  CloudflareClient,
  isCloudflareApiError,
} from '@cloudflare-backstage/cloudflare-client';
import { KvNamespace } from '@cloudflare-backstage/plugin-cloudflare-common';
import { cloudflareResourceEntity } from './entity';
import { defineCatalogArea, memoOf } from './types';

/** What a sample of a namespace's keys says about their expiry. */
export interface KvTtlSample {
  /** Keys sampled (at most {@link KV_SAMPLE_KEYS}). */
  sampled: number;
  /** Of those, the keys that expire. */
  expiring: number;
}

/** One namespace as read: the namespace and, where sampled, whether its keys expire. */
export interface KvRead {
  /** The namespace, with its approximate key count where the client could count it. */
  namespace: KvNamespace;
  /** The TTL sample (absent when the namespace vanished before it could be sampled). */
  ttl?: KvTtlSample;
}

/** Keys per sample (the client's maximum). */
export const KV_SAMPLE_KEYS = 50;

/** Keys-list pages (of 1,000) counted per namespace at most; a larger namespace has no count. */
export const KV_COUNT_PAGES = 10;

/** A namespace's keys as the memo keeps them: the count and the TTL sample. */
interface KvKeysDetail {
  keysApprox?: number;
  ttl: KvTtlSample;
}

const ttlOf = (keys: Array<{ expiration?: string }>): KvTtlSample => ({
  sampled: keys.length,
  expiring: keys.filter(k => k.expiration).length,
});

/** Counts a namespace's keys (at most {@link KV_COUNT_PAGES} pages) and samples its first keys. */
async function readKeys(
  client: CloudflareClient,
  namespaceId: string,
): Promise<KvKeysDetail | undefined> {
  try {
    let page = await client.kv.listKeys(namespaceId, { limit: 1000 });
    const sample = page.items.slice(0, KV_SAMPLE_KEYS);
    let keys = page.items.length;
    for (let pages = 1; page.cursor; pages++) {
      if (pages >= KV_COUNT_PAGES)
        return { ttl: ttlOf(sample), keysApprox: undefined };
      page = await client.kv.listKeys(namespaceId, {
        limit: 1000,
        cursor: page.cursor,
      });
      keys += page.items.length;
    }
    return { keysApprox: keys, ttl: ttlOf(sample) };
  } catch (e) {
    // Deleted since the list: no count, no sample.
    if (isCloudflareApiError(e) && e.kind === 'not-found') return undefined;
    throw e;
  }
}

/**
 * Workers KV: one `Resource` (`cf-kv-<title>`, type `cloudflare-kv`) per namespace, with its id,
 * title, jurisdiction, approximate key count and TTL policy. The run's index maps each namespace id
 * to its title, so a Worker's binding (which names the id) and a Component's
 * `cloudflare.com/kv: <title>` meet at the same entity.
 *
 * `spec.parameters.ttlPolicy` is true when every sampled key (up to 50, by name order) expires, or
 * when the namespace has no key; `ttlSampledKeys` says how many keys that rests on. Values and key
 * names never reach the entity.
 *
 * Calls: the namespace list (1 per 100), then per namespace its keys (1 call per 1,000 keys, at
 * most {@link KV_COUNT_PAGES}), which give the count and the sample. The list has no change key
 * (keys change without the namespace changing): the keys are a live detail of the run's memo,
 * read when the namespace is new and again every few cycles. Tags come from the run's index.
 */
export const kvArea = defineCatalogArea<KvRead[]>({
  async read(client, _previous, run) {
    const memo = memoOf(run);
    const namespaces = await client.kv.listNamespaces({
      tags: run?.tags ?? {},
      keyCountCalls: 0,
    });
    const reads: KvRead[] = [];
    for (const namespace of namespaces) {
      const keys = await memo.detail(
        `keys/${namespace.id}`,
        { live: true },
        () => readKeys(client, namespace.id),
      );
      reads.push({
        namespace:
          keys?.keysApprox !== undefined
            ? { ...namespace, keysApprox: keys.keysApprox }
            : namespace,
        ttl: keys?.ttl,
      });
    }
    return reads;
  },
  names: read => read.map(({ namespace: n }) => [n.id, n.title] as const),

  map: (read, ctx) =>
    read.map(({ namespace: n, ttl }) =>
      cloudflareResourceEntity(ctx, {
        area: 'kv',
        resourceName: n.title,
        resourceId: n.id,
        description: `Cloudflare Workers KV namespace ${n.title}`,
        tags: [n.jurisdiction],
        parameters: {
          accountId: ctx.accountId,
          namespaceId: n.id,
          title: n.title,
          jurisdiction: n.jurisdiction,
          keysApprox: n.keysApprox,
          ttlPolicy: ttl ? ttl.expiring === ttl.sampled : undefined,
          ttlSampledKeys: ttl?.sampled,
        },
      }),
    ),
});
