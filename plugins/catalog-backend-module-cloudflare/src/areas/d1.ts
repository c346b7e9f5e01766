import { D1Database } from '@cloudflare-backstage/plugin-cloudflare-common';
import { cloudflareResourceEntity } from './entity';
import { defineCatalogArea, memoOf } from './types';

/** One database as read: the list's fields and tags, with its size and replication from its own read. */
export interface D1Read {
  /** The database; `fileSize` and `readReplication` from its own read. */
  database: D1Database;
}

/**
 * D1: one `Resource` (`cf-d1-<name>`, type `cloudflare-d1`) per database with its uuid, name,
 * creation time, version, jurisdiction, size, read replication and Cloudflare tags. Declares
 * uuid -> name, so a Worker's or Pages project's D1 binding (which carries the uuid) and a
 * Component's `cloudflare.com/d1: <name>` meet at the same entity.
 *
 * Calls: the database list (Cloudflare's SDK pages it by 1,000 and stops at an empty page: 2 calls
 * up to 1,000 databases), its tags from the run's tag index (or one Resource Tagging read when the
 * run has none), and each database's own read (size, read replication) through the run's memo.
 * The list has no change key for them (a database grows without a version moving): a live
 * detail, read for a new database and again every few cycles.
 */
export const d1Area = defineCatalogArea<D1Read[]>({
  async read(client, _previous, run) {
    const memo = memoOf(run);
    const listed = await client.d1.listDatabases({ tags: run?.tags });
    const reads: D1Read[] = [];
    for (const database of listed) {
      const { fileSize, readReplication } = await memo.detail(
        `database/${database.uuid}`,
        { live: true },
        async () => {
          const db = await client.d1.getDatabase(database.uuid);
          return { fileSize: db.fileSize, readReplication: db.readReplication };
        },
      );
      reads.push({ database: { ...database, fileSize, readReplication } });
    }
    return reads;
  },

  names: reads => reads.map(r => [r.database.uuid, r.database.name] as const),

  map: (reads, ctx) =>
    reads.map(({ database: db }) =>
      cloudflareResourceEntity(ctx, {
        area: 'd1',
        resourceName: db.name,
        resourceId: db.uuid,
        description: `Cloudflare D1 database ${db.name}`,
        tags: [db.jurisdiction],
        parameters: {
          accountId: ctx.accountId,
          uuid: db.uuid,
          name: db.name,
          createdAt: db.createdAt,
          version: db.version,
          jurisdiction: db.jurisdiction,
          fileSize: db.fileSize,
          readReplication: db.readReplication,
          tags: db.tags,
        },
      }),
    ),
});
