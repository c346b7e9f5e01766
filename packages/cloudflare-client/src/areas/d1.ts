import { z } from 'zod';
import {
  D1Database,
  D1DatabaseMetadata,
  ResourceTagIndex,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { ClientContext } from '../context';
import { compact } from '../envelope';
import { tagsOf, tagsOfType } from './tags';

const AREA = 'd1';

/** A database as the list (first fields) or the database read (all fields) gives it. */
const databaseSchema = z.object({
  uuid: z.string(),
  name: z.string(),
  created_at: z.string().nullish(),
  version: z.string().nullish(),
  jurisdiction: z.string().nullish(),
  file_size: z.number().nullish(),
  read_replication: z.object({ mode: z.string() }).nullish(),
});

const bookmarkSchema = z.object({ bookmark: z.string().nullish() }).nullish();

/**
 * Options of {@link D1Api.listDatabases}.
 *
 * @public
 */
export interface D1DatabasesOptions {
  /** Tags read once for the run; read for `d1_database` when absent. */
  tags?: ResourceTagIndex;
  /** Read each database too, for `fileSize` and `readReplication` (one call per database). */
  details?: boolean;
}

/**
 * D1 reads: databases, one database, its Time Travel bookmark. Never a query, an export, an import
 * or a restore.
 *
 * @public
 */
export class D1Api {
  constructor(private readonly ctx: ClientContext) {}

  /** Every database (page paging), with its tags, and its size and replication when `details`. */
  async listDatabases(options: D1DatabasesOptions = {}): Promise<D1Database[]> {
    return this.ctx.run(AREA, 'd1.listDatabases', async () => {
      const listed: z.output<typeof databaseSchema>[] = [];
      for await (const db of this.ctx.sdk.d1.database.list({
        account_id: this.ctx.accountId,
      })) {
        listed.push(databaseSchema.parse(db));
      }
      const tags = await tagsOfType(this.ctx, 'd1_database', options.tags);
      const out: D1Database[] = [];
      for (const db of listed) {
        const full = options.details ? await this.read(db.uuid) : db;
        out.push(this.toDatabase(full, tagsOf(tags, db.uuid)));
      }
      return out;
    });
  }

  /**
   * One database's own read: the list fields with its size and replication, without tags (the list
   * carries them). One call; for a caller that keeps the list and refreshes details a few at a time.
   */
  async getDatabase(databaseId: string): Promise<D1Database> {
    return this.ctx.run(AREA, 'd1.getDatabase', async () =>
      this.toDatabase(await this.read(databaseId), undefined),
    );
  }

  /**
   * One database with its size, replication, tags and current Time Travel bookmark (the evidence
   * of point-in-time recovery; the bookmark is only read).
   */
  async getMetadata(
    databaseId: string,
    options: { tags?: ResourceTagIndex } = {},
  ): Promise<D1DatabaseMetadata> {
    return this.ctx.run(AREA, 'd1.getMetadata', async () => {
      const db = await this.read(databaseId);
      const bookmark = bookmarkSchema.parse(
        await this.ctx.sdk.d1.database.timeTravel.getBookmark(databaseId, {
          account_id: this.ctx.accountId,
        }),
      );
      const tags = await tagsOfType(this.ctx, 'd1_database', options.tags);
      return compact({
        ...this.toDatabase(db, tagsOf(tags, db.uuid)),
        bookmark: bookmark?.bookmark || undefined,
        bookmarkReadAt: bookmark?.bookmark
          ? new Date().toISOString()
          : undefined,
      });
    });
  }

  private async read(databaseId: string) {
    return databaseSchema.parse(
      await this.ctx.sdk.d1.database.get(databaseId, {
        account_id: this.ctx.accountId,
      }),
    );
  }

  private toDatabase(
    db: z.output<typeof databaseSchema>,
    tags: D1Database['tags'],
  ): D1Database {
    return compact({
      uuid: db.uuid,
      name: db.name,
      createdAt: db.created_at ?? undefined,
      version: db.version ?? undefined,
      jurisdiction: db.jurisdiction ?? undefined,
      fileSize: db.file_size ?? undefined,
      readReplication: db.read_replication?.mode,
      tags,
    });
  }
}
