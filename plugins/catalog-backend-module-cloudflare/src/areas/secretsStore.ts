import {
  SecretsStore,
  SecretsStoreMetadata,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { cloudflareResourceEntity } from './entity';
import { defineCatalogArea } from './types';

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

/** Stores whose secrets a run counts at most (Cloudflare allows one store per account today). */
export const SECRETS_STORE_COUNTS_PER_RUN = 10;
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
 * to 100 stores), then for at most {@link SECRETS_STORE_COUNTS_PER_RUN} stores (never-counted
 * first, then in list order) the store's read and its secrets (2 calls up to 100 secrets, at most
 * 5); the others keep their last counts. The demo account's one store of 24 secrets costs 5 calls.
 */
export const secretsStoreArea = defineCatalogArea<SecretsStoreRead[]>({
  async read(client, previous) {
    const before = new Map((previous ?? []).map(r => [r.store.id, r.counts]));
    const reads: SecretsStoreRead[] = (
      await client.secretsStore.listStores()
    ).map(store => ({ store, counts: before.get(store.id) }));
    const due = [...reads]
      .sort((a, b) => Number(!!a.counts) - Number(!!b.counts))
      .slice(0, SECRETS_STORE_COUNTS_PER_RUN);
    for (const read of due) {
      const m = await client.secretsStore.getMetadata(read.store.id, {
        secretPageCalls: SECRET_PAGE_CALLS,
        quota: false,
      });
      read.counts = {
        secretCount: m.secretCount,
        complete: m.complete,
        byStatus: m.byStatus,
        byScope: m.byScope,
        lastSecretModified: m.lastSecretModified,
      };
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
