import { z } from 'zod';
import { defineRoute, defineWireType } from './contract';
import { resourceTagsSchema } from './tags';

/**
 * Vectorize index names as Cloudflare accepts them: 1-32 lower-case letters, digits or `-`,
 * starting with a letter.
 *
 * @public
 */
export const vectorizeIndexNameParam = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{0,31}$/,
    'must be a Vectorize index name: 1-32 lower-case letters, digits or "-", starting with a letter',
  );

/**
 * A Vectorize index (spec section 3.8) as the index list gives it: the client's output, the list
 * route's item. Its configuration is fixed when the index is created.
 *
 * @public
 */
export const vectorizeIndexSchema = z.object({
  /** Index name (Cloudflare's id of the index too). */
  name: z.string(),
  /** Description given at creation. */
  description: z.string().optional(),
  /** When it was created (ISO 8601). */
  createdOn: z.string().optional(),
  /** When its configuration was last modified (ISO 8601). */
  modifiedOn: z.string().optional(),
  /** Dimensions of its vectors. */
  dimensions: z.number().int().nonnegative().optional(),
  /** Distance metric: `cosine`, `euclidean` or `dot-product`. */
  metric: z.string().optional(),
  /** The embedding model preset it was created from (`@cf/baai/bge-base-en-v1.5`, ...), if any. */
  preset: z.string().optional(),
  /** Cloudflare resource tags; absent when the Resource Tagging API could not be read. */
  tags: resourceTagsSchema.optional(),
});

/**
 * A Vectorize index (see {@link vectorizeIndexSchema}).
 *
 * @public
 */
export type VectorizeIndex = z.output<typeof vectorizeIndexSchema>;

/**
 * A metadata index of a Vectorize index: a vector metadata property that queries can filter on.
 *
 * @public
 */
export const vectorizeMetadataIndexSchema = z.object({
  /** The metadata property. */
  propertyName: z.string(),
  /** Its type: `string`, `number` or `boolean`. */
  indexType: z.string().optional(),
});

/**
 * A metadata index (see {@link vectorizeMetadataIndexSchema}).
 *
 * @public
 */
export type VectorizeMetadataIndex = z.output<
  typeof vectorizeMetadataIndexSchema
>;

/**
 * A Vectorize index with its stats: the vector count, the last mutation processed and when (the
 * index's last write), and its metadata indexes. Never a vector, its values or its metadata.
 *
 * @public
 */
export const vectorizeIndexStatsSchema = vectorizeIndexSchema.extend({
  /** Vectors in the index. */
  vectorCount: z.number().int().nonnegative().optional(),
  /** When the last mutation batch was processed (ISO 8601); absent when none ever was. */
  processedUpToDatetime: z.string().optional(),
  /** Id of the last mutation processed. */
  processedUpToMutation: z.string().optional(),
  /** Metadata properties queries can filter on; empty when none. */
  metadataIndexes: z.array(vectorizeMetadataIndexSchema),
});

/**
 * A Vectorize index with its stats (see {@link vectorizeIndexStatsSchema}).
 *
 * @public
 */
export type VectorizeIndexStats = z.output<typeof vectorizeIndexStatsSchema>;

/**
 * Routes of the Vectorize area. None reads a vector: no `get_by_ids`, `query` or vector listing.
 *
 * @public
 */
export const vectorizeRoutes = {
  indexes: defineRoute({
    id: 'vectorize.indexes',
    area: 'vectorize',
    path: '/v1/vectorize/indexes',
    description:
      'Vectorize indexes with dimensions, metric, embedding model preset, creation time and Cloudflare tags.',
    params: z.object({}),
    query: z.object({}),
    shape: 'list',
    wire: defineWireType({
      name: 'VectorizeIndex',
      schema: vectorizeIndexSchema,
      sensitive: [],
    }),
  }),
  stats: defineRoute({
    id: 'vectorize.stats',
    area: 'vectorize',
    path: '/v1/vectorize/:index/stats',
    description:
      'One Vectorize index: dimensions, metric, vector count, the last mutation processed and when, and its metadata indexes.',
    params: z.object({ index: vectorizeIndexNameParam }),
    query: z.object({}),
    shape: 'item',
    wire: defineWireType({
      name: 'VectorizeIndexStats',
      schema: vectorizeIndexStatsSchema,
      sensitive: [],
    }),
  }),
};
