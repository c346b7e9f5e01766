import { D1Database } from '@cloudflare-backstage/plugin-cloudflare-common';
import { cloudflareResourceEntity } from './entity';
import { defineCatalogArea } from './types';

/** One database as read: the list's fields and tags, with its size and replication once read. */
export interface D1Read {
  /** The database; `fileSize` and `readReplication` from its own read, the last one made. */
  database: D1Database;
  /** When its own read was made (ms since the epoch); absent until it is read. */
  detailsReadAt?: number;
}

/** Databases whose own read (size, replication) a run makes at most: new ones first, then the stalest. */
export const D1_DETAILS_PER_RUN = 25;

/**
 * The list's databases, each with its last details kept, and the uuids to read again this run:
 * never-read databases first, then the least recently read, at most {@link D1_DETAILS_PER_RUN}.
 */
function withKeptDetails(
  listed: D1Database[],
  previous: D1Read[] | undefined,
): { reads: D1Read[]; due: D1Read[] } {
  const before = new Map((previous ?? []).map(r => [r.database.uuid, r]));
  const reads = listed.map((database): D1Read => {
    const old = before.get(database.uuid);
    return old
      ? {
          database: {
            ...database,
            fileSize: old.database.fileSize,
            readReplication: old.database.readReplication,
          },
          detailsReadAt: old.detailsReadAt,
        }
      : { database };
  });
  const due = [...reads]
    .sort((a, b) => (a.detailsReadAt ?? -1) - (b.detailsReadAt ?? -1))
    .slice(0, D1_DETAILS_PER_RUN);
  return { reads, due };
}

/**
 * D1: one `Resource` (`cf-d1-<name>`, type `cloudflare-d1`) per database with its uuid, name,
 * creation time, version, jurisdiction, size, read replication and Cloudflare tags. Declares
 * uuid -> name, so a Worker's or Pages project's D1 binding (which carries the uuid) and a
 * Component's `cloudflare.com/d1: <name>` meet at the same entity.
 *
 * Calls: the database list (Cloudflare's SDK pages it by 1,000 and stops at an empty page: 2 calls
 * up to 1,000 databases), its tags from the run's tag index (or one Resource Tagging read when the
 * run has none), and each database's own read for at most {@link D1_DETAILS_PER_RUN} databases a
 * run (never-read ones first, then the stalest): sizes of up to 25 databases are fresh every run,
 * larger accounts refresh them in turn. A run costs at most 27 calls up to 1,000 databases (one
 * more per further 1,000); the demo account's 4 databases cost 6 (7 without the run's tag index).
 */
export const d1Area = defineCatalogArea<D1Read[]>({
  async read(client, previous, run) {
    const { reads, due } = withKeptDetails(
      await client.d1.listDatabases({ tags: run?.tags }),
      previous,
    );
    for (const read of due) {
      const { fileSize, readReplication } = await client.d1.getDatabase(
        read.database.uuid,
      );
      Object.assign(read.database, { fileSize, readReplication });
      read.detailsReadAt = Date.now();
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
