import {
  SecretsStore,
  SecretsStoreMetadata,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { cloudflareResourceEntity } from './entity';
import { defineCatalogArea, memoOf } from './types';

/** One store as read: the listed store, and its secrets' counts once read. */
export interface SecretsStoreRead {
  /** The store from the stores list. */
  store: SecretsStore;
  /** Its secrets' counts (never names, comments or values); absent until read. */
  counts?: Pick<
    SecretsStoreMetadata,
    'secretCount' | 'complete' | 'byStatus' | 'byScope' | 'lastSecretModified'
  >;
}

/** Secrets-list calls (100 secrets each) a run spends counting one store's secrets. */
const SECRET_PAGE_CALLS = 5;

/**
 * Secrets Store: one `Resource` (`cf-secrets-store-<store name>`, type `cloudflare-secrets-store`)
 * per store, with its id, name, times and its secrets counted by status and scope. Declares
 * store id -> name, so a Worker's `secrets_store_secret` binding (which carries the store id), an
 * AI Gateway's `store_id` and a Component's `cloudflare.com/secrets-store: <name>` meet at the same
 * entity. Secret names, comments and values are never copied: the catalog is readable by every
 * group, while secret metadata is for holders of `cloudflare.read.secretsstore.meta`.
 *
 * Calls: the stores list (Cloudflare's SDK pages it by 100 and stops at an empty page: 2 calls up
 * to 100 stores), then through the run's memo the store's read and its secrets (2 calls up to 100
 * secrets, at most 5) when the store is new or its `modified` moved, and every few cycles (a
 * secret can change without the store's `modified` moving: a live detail). The demo account's one
 * store of 24 secrets costs 5 calls in a first run, 2 in the next.
 */
export const secretsStoreArea = defineCatalogArea<SecretsStoreRead[]>({
  async read(client, _previous, run) {
    const memo = memoOf(run);
    const reads: SecretsStoreRead[] = [];
    for (const store of await client.secretsStore.listStores()) {
      const counts = await memo.detail(
        `counts/${store.id}`,
        { changeKey: store.modified, live: true },
        async () => {
          const m = await client.secretsStore.getMetadata(store.id, {
            secretPageCalls: SECRET_PAGE_CALLS,
            quota: false,
          });
          return {
            secretCount: m.secretCount,
            complete: m.complete,
            byStatus: m.byStatus,
            byScope: m.byScope,
            lastSecretModified: m.lastSecretModified,
          };
        },
      );
      reads.push({ store, counts });
    }
    return reads;
  },

  names: reads => reads.map(r => [r.store.id, r.store.name] as const),

  map: (reads, ctx) =>
    reads.map(({ store, counts }) =>
      cloudflareResourceEntity(ctx, {
        area: 'secretsStore',
        resourceName: store.name,
        resourceId: store.id,
        description: `Cloudflare Secrets Store ${store.name}`,
        parameters: {
          accountId: ctx.accountId,
          storeId: store.id,
          name: store.name,
          created: store.created,
          modified: store.modified,
          ...(counts
            ? {
                secretCount: counts.secretCount,
                secretsCounted: counts.complete,
                secretsByStatus: counts.byStatus,
                secretsByScope: counts.byScope,
                lastSecretModified: counts.lastSecretModified,
              }
            : {}),
        },
      }),
    ),
});
