import {
  CloudflareClient,
  isCloudflareApiError,
} from '@cloudflare-backstage/cloudflare-client';
import {
  VectorizeIndex,
  VectorizeIndexStats,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { cloudflareResourceEntity } from './entity';
import { Rotation, readInRotation } from './rotation';
import { defineCatalogArea } from './types';

/**
 * Indexes whose stats one run reads (three calls each: the index, `info`, its metadata indexes),
 * in rotation (`readInRotation`): the ones never read first, then the longest unread. The rest keep
 * their last stats, so a large account is refreshed over several runs and a run stays within
 * Cloudflare's budget (1,200 calls per 5 minutes per token).
 */
export const VECTORIZE_STATS_READS_PER_RUN = 40;

/** What the Vectorize area reads: every index, and the stats of those read so far, by name. */
export interface VectorizeRead {
  indexes: VectorizeIndex[];
  /** Stats by index name, each with the run that read it. */
  stats: Rotation<VectorizeIndexStats>;
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
 * Calls per run: the index list (one call: Cloudflare does not page it), three per index whose
 * stats are read (at most 3 x {@link VECTORIZE_STATS_READS_PER_RUN} = 120), and the
 * `vectorize_index` tags only when read alone (the provider's run reads tags once for every area).
 * The demo account's 4 indexes cost 13 calls in a provider run. No vector is ever read.
 */
export const vectorizeArea = defineCatalogArea<VectorizeRead>({
  async read(client, previous, context) {
    const indexes = await client.vectorize.listIndexes({ tags: context?.tags });
    const stats = await readInRotation(
      indexes.map(i => i.name),
      previous?.stats,
      VECTORIZE_STATS_READS_PER_RUN,
      name => readStats(client, name),
    );
    return { indexes, stats };
  },

  map: ({ indexes, stats }, ctx) =>
    indexes.map(index => {
      const s = stats.reads[index.name]?.value;
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
