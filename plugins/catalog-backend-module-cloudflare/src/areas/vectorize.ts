import {
  CloudflareClient,
  isCloudflareApiError,
} from '@cloudflare-backstage/cloudflare-client';
import {
  VectorizeIndex,
  VectorizeIndexStats,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { cloudflareResourceEntity } from './entity';
import { defineCatalogArea, memoOf } from './types';

/** What the Vectorize area reads: every index, and the stats of those read so far, by name. */
export interface VectorizeRead {
  indexes: VectorizeIndex[];
  /** Stats by index name (absent for an index that vanished before its read). */
  stats: Record<string, VectorizeIndexStats>;
}

/** The index's stats, or undefined when it vanished between the list and the read. */
async function readStats(client: CloudflareClient, name: string) {
  try {
    return await client.vectorize.getStats(name, { tags: {} });
  } catch (e) {
    if (isCloudflareApiError(e) && e.kind === 'not-found') return undefined;
    throw e;
  }
}

/**
 * Vectorize: one `Resource` (`cf-vectorize-<name>`, type `cloudflare-vectorize`) per index with its
 * dimensions, metric, embedding model preset, Cloudflare tags (`spec.parameters.tags`) and, once
 * read, its stats: vector count, the last mutation processed and when (`processedUpToDatetime`, the
 * index's last write) and its metadata indexes. Cloudflare's id of an index is its name, so a
 * Worker's `vectorize` binding (`index_name`) and a Component's `cloudflare.com/vectorize: <name>`
 * meet at the same entity without an id -> name pair.
 *
 * Calls per run: the index list (one call: Cloudflare does not page it), the `vectorize_index` tags
 * only when read alone (the provider's run reads tags once for every area), and through the run's
 * memo three per index whose stats are read: when new or its `modified_on` moved, and every few
 * cycles (vectors are inserted without the index's `modified_on` moving: a live detail).
 * The demo account's 4 indexes cost 13 calls in a provider run. No vector is ever read.
 */
export const vectorizeArea = defineCatalogArea<VectorizeRead>({
  async read(client, _previous, context) {
    const memo = memoOf(context);
    const indexes = await client.vectorize.listIndexes({ tags: context?.tags });
    const stats: Record<string, VectorizeIndexStats> = {};
    for (const index of indexes) {
      const read = await memo.detail(
        `stats/${index.name}`,
        { changeKey: index.modifiedOn, live: true },
        () => readStats(client, index.name),
      );
      if (read) stats[index.name] = read;
    }
    return { indexes, stats };
  },

  map: ({ indexes, stats }, ctx) =>
    indexes.map(index => {
      const s = stats[index.name];
      return cloudflareResourceEntity(ctx, {
        area: 'vectorize',
        resourceName: index.name,
        description: `Cloudflare Vectorize index ${index.name}${
          index.description ? ` (${index.description})` : ''
        }`,
        tags: ['ai', index.metric],
        parameters: {
          accountId: ctx.accountId,
          indexName: index.name,
          dimensions: index.dimensions,
          metric: index.metric,
          preset: index.preset,
          createdOn: index.createdOn,
          modifiedOn: index.modifiedOn,
          tags: index.tags,
          vectorCount: s?.vectorCount,
          processedUpToDatetime: s?.processedUpToDatetime,
          processedUpToMutation: s?.processedUpToMutation,
          metadataIndexes: s?.metadataIndexes,
          statsRead: s ? true : undefined,
        },
      });
    }),
});
