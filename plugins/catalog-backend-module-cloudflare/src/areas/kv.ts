import { KvNamespace } from '@cloudflare-backstage/plugin-cloudflare-common';
import { cloudflareResourceEntity } from './entity';
import { defineCatalogArea } from './types';

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
  /** The TTL sample of this run or, for a namespace beyond this run's budget, of an earlier one. */
  ttl?: KvTtlSample;
}

/** Namespaces whose keys are sampled per run (one keys-list call each). */
export const KV_SAMPLE_CALLS = 20;
/** Keys per sample (the client's maximum). */
export const KV_SAMPLE_KEYS = 50;

/**
 * Workers KV: one `Resource` (`cf-kv-<title>`, type `cloudflare-kv`) per namespace, with its id,
 * title, jurisdiction, approximate key count and TTL policy. The run's index maps each namespace id
 * to its title, so a Worker's binding (which names the id) and a Component's
 * `cloudflare.com/kv: <title>` meet at the same entity.
 *
 * `spec.parameters.ttlPolicy` is true when every sampled key (up to 50, by name order) expires, or
 * when the namespace has no key; `ttlSampledKeys` says how many keys that rests on. Both are absent
 * until the namespace has been sampled: each run samples up to 20 namespaces, those never sampled
 * first, and the others keep their earlier sample. Values and key names never reach the entity.
 *
 * Calls: the namespace list (1 per 100), the key count (at most 10 keys-list calls in all, by the
 * client's budget), and up to 20 samples. Tags come from the run's index, never read again.
 */
export const kvArea = defineCatalogArea<KvRead[]>({
  async read(client, previous, run) {
    const namespaces = await client.kv.listNamespaces({
      tags: run?.tags ?? {},
    });
    const before = new Map(previous?.map(r => [r.namespace.id, r.ttl]));
    const due = [
      ...namespaces.filter(n => !before.get(n.id)),
      ...namespaces.filter(n => before.get(n.id)),
    ].slice(0, KV_SAMPLE_CALLS);
    const sampled = new Map<string, KvTtlSample>();
    for (const n of due) {
      try {
        const keys = await client.kv.sampleKeys(n.id, KV_SAMPLE_KEYS);
        sampled.set(n.id, {
          sampled: keys.length,
          expiring: keys.filter(k => k.expiration).length,
        });
      } catch {
        // Deleted since the list, or unreadable now: its earlier sample (if any) stays.
      }
    }
    return namespaces.map(namespace => ({
      namespace,
      ttl: sampled.get(namespace.id) ?? before.get(namespace.id),
    }));
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
