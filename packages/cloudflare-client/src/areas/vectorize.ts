import { z } from 'zod';
import {
  ResourceTagIndex,
  ResourceTags,
  VectorizeIndex,
  VectorizeIndexStats,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { ClientContext } from '../context';
import { compact } from '../envelope';
import { CloudflareApiError } from '../errors';
import { tagsOf, tagsOfType } from './tags';

const AREA = 'vectorize';

/** An index as the list and the index's own read give it (`CreateIndex`). */
const indexSchema = z.object({
  name: z.string(),
  description: z.string().nullish(),
  created_on: z.string().nullish(),
  modified_on: z.string().nullish(),
  config: z
    .object({
      dimensions: z.number().int().nonnegative().nullish(),
      metric: z.string().nullish(),
      preset: z.string().nullish(),
    })
    .nullish(),
});

/** `GET .../info`: camelCase, exactly as the API returns it; the SDK says it may be null. */
const infoSchema = z
  .object({
    dimensions: z.number().int().nonnegative().nullish(),
    vectorCount: z.number().int().nonnegative().nullish(),
    processedUpToDatetime: z.string().nullish(),
    processedUpToMutation: z.string().nullish(),
  })
  .nullish();

/** `GET .../metadata_index/list`; the SDK says it may be null. */
const metadataIndexesSchema = z
  .object({
    metadataIndexes: z
      .array(
        z.object({
          propertyName: z.string().nullish(),
          indexType: z.string().nullish(),
        }),
      )
      .nullish(),
  })
  .nullish();

/**
 * Options of {@link VectorizeApi.listIndexes} and {@link VectorizeApi.getStats}.
 *
 * @public
 */
export interface VectorizeIndexesOptions {
  /** Tags read once for the run; read for `vectorize_index` when absent. */
  tags?: ResourceTagIndex;
}

/**
 * Vectorize v2 reads: the indexes (one page: Cloudflare does not page them) and one index's stats
 * (its own read, `info` and its metadata indexes). Never a vector: no `get_by_ids`, no `query`, no
 * vector listing (`info.vectorCount` gives the count).
 *
 * @public
 */
export class VectorizeApi {
  constructor(private readonly ctx: ClientContext) {}

  /** Every index (one call, Cloudflare's `SinglePage`), with its tags. */
  async listIndexes(
    options: VectorizeIndexesOptions = {},
  ): Promise<VectorizeIndex[]> {
    return this.ctx.run(AREA, 'vectorize.listIndexes', async () => {
      const listed: z.output<typeof indexSchema>[] = [];
      for await (const raw of this.ctx.sdk.vectorize.indexes.list({
        account_id: this.ctx.accountId,
      })) {
        listed.push(indexSchema.parse(raw));
      }
      const tags = await tagsOfType(this.ctx, 'vectorize_index', options.tags);
      return listed.map(index => toIndex(index, tagsOf(tags, index.name)));
    });
  }

  /**
   * One index with its stats: its own read, `info` (vector count, last mutation processed and
   * when) and its metadata indexes: three calls, plus one Resource Tagging call unless `tags` is
   * given. An index Cloudflare does not know is `not-found`.
   */
  async getStats(
    indexName: string,
    options: VectorizeIndexesOptions = {},
  ): Promise<VectorizeIndexStats> {
    const operation = 'vectorize.getStats';
    return this.ctx.run(AREA, operation, async () => {
      const params = { account_id: this.ctx.accountId };
      const index = indexSchema
        .nullable()
        .parse(await this.ctx.sdk.vectorize.indexes.get(indexName, params));
      if (!index)
        throw new CloudflareApiError({
          kind: 'not-found',
          operation,
          detail: 'the index read answered no index',
        });
      const info = infoSchema.parse(
        await this.ctx.sdk.vectorize.indexes.info(indexName, params),
      );
      const metadata = metadataIndexesSchema.parse(
        await this.ctx.sdk.vectorize.indexes.metadataIndex.list(
          indexName,
          params,
        ),
      );
      const tags = await tagsOfType(this.ctx, 'vectorize_index', options.tags);
      return compact({
        ...toIndex(index, tagsOf(tags, index.name)),
        dimensions: info?.dimensions ?? index.config?.dimensions ?? undefined,
        vectorCount: info?.vectorCount ?? undefined,
        processedUpToDatetime: info?.processedUpToDatetime ?? undefined,
        processedUpToMutation: info?.processedUpToMutation || undefined,
        metadataIndexes: (metadata?.metadataIndexes ?? []).flatMap(m =>
          m.propertyName
            ? [
                compact({
                  propertyName: m.propertyName,
                  indexType: m.indexType ?? undefined,
                }),
              ]
            : [],
        ),
      });
    });
  }
}

function toIndex(
  index: z.output<typeof indexSchema>,
  tags: ResourceTags | undefined,
): VectorizeIndex {
  return compact({
    name: index.name,
    description: index.description || undefined,
    createdOn: index.created_on ?? undefined,
    modifiedOn: index.modified_on ?? undefined,
    dimensions: index.config?.dimensions ?? undefined,
    metric: index.config?.metric ?? undefined,
    preset: index.config?.preset ?? undefined,
    tags,
  });
}
