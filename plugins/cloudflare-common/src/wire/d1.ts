import { z } from 'zod';
import { defineRoute, defineWireType } from './contract';
import { resourceTagsSchema } from './tags';

/**
 * D1 database ids as Cloudflare issues them: a UUID.
 *
 * @public
 */
export const d1DatabaseIdParam = z
  .string()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    'must be a D1 database id: a lower-case UUID',
  );

/**
 * A D1 database (spec section 3.5): the client's output, the route's item and the card's row. The
 * list call gives the first fields; `fileSize` and `readReplication` come from the database's own
 * read. The table count is not part of it: Cloudflare deprecated `num_tables` as no longer accurate.
 *
 * @public
 */
export const d1DatabaseSchema = z.object({
  /** Database id (UUID). */
  uuid: z.string(),
  /** Name. */
  name: z.string(),
  /** When it was created (ISO 8601). */
  createdAt: z.string().optional(),
  /** D1 version the database runs on (`production`, `beta`, ...). */
  version: z.string().optional(),
  /** `eu`, `fedramp` or `us` when restricted to a jurisdiction. */
  jurisdiction: z.string().optional(),
  /** Size in bytes (from the database's own read). */
  fileSize: z.number().nonnegative().optional(),
  /** Read replication mode: `auto` or `disabled` (from the database's own read). */
  readReplication: z.string().optional(),
  /** Cloudflare resource tags; absent when the Resource Tagging API could not be read. */
  tags: resourceTagsSchema.optional(),
});

/**
 * A D1 database (see {@link d1DatabaseSchema}).
 *
 * @public
 */
export type D1Database = z.output<typeof d1DatabaseSchema>;

/**
 * A D1 database's detail with its Time Travel bookmark, the evidence that point-in-time recovery is
 * available. Only the bookmark is read; the suite never restores.
 *
 * @public
 */
export const d1DatabaseMetadataSchema = d1DatabaseSchema.extend({
  /** The current Time Travel bookmark; absent when Cloudflare offers none. */
  bookmark: z.string().optional(),
  /** When the bookmark was read (ISO 8601). */
  bookmarkReadAt: z.string().optional(),
});

/**
 * A D1 database's detail (see {@link d1DatabaseMetadataSchema}).
 *
 * @public
 */
export type D1DatabaseMetadata = z.output<typeof d1DatabaseMetadataSchema>;

/**
 * Routes of the D1 area. None runs a query, an export or a restore.
 *
 * @public
 */
export const d1Routes = {
  databases: defineRoute({
    id: 'd1.databases',
    area: 'd1',
    path: '/v1/d1/databases',
    description:
      'D1 databases with version, creation time, jurisdiction and Cloudflare tags.',
    params: z.object({}),
    query: z.object({}),
    shape: 'list',
    wire: defineWireType({
      name: 'D1Database',
      schema: d1DatabaseSchema,
      sensitive: [],
    }),
  }),
  metadata: defineRoute({
    id: 'd1.metadata',
    area: 'd1',
    path: '/v1/d1/:db/metadata',
    description:
      'One D1 database: size, version, read replication and its Time Travel bookmark as point-in-time recovery evidence.',
    params: z.object({ db: d1DatabaseIdParam }),
    query: z.object({}),
    shape: 'item',
    wire: defineWireType({
      name: 'D1DatabaseMetadata',
      schema: d1DatabaseMetadataSchema,
      sensitive: [],
    }),
  }),
};
