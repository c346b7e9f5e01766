import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { IngestionStore, StoredAccount, StoredDetail } from './IngestionStore';
import { fromStoredJson, toStoredJson } from './json';
import { TABLES, migrateIngestionTables } from './migrations';

/** Rows written or deleted per statement (SQLite allows 999 bound values in older builds). */
const CHUNK = 100;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK)
    out.push(items.slice(i, i + CHUNK));
  return out;
}

const now = () => new Date().toISOString();

/**
 * An {@link IngestionStore} in the catalog module's database (`coreServices.database` of the
 * module: the catalog plugin's database, SQLite or PostgreSQL), in three tables prefixed
 * `cloudflare_ingestion_`, created by the module's own knex migrations. Only one instance of a
 * provider's task runs at a time (the scheduler's lock), so rows are simply upserted.
 */
export class DatabaseIngestionStore implements IngestionStore {
  /** Runs the migrations (unless the database service says to skip them) and opens the store. */
  static async create(
    database: DatabaseService,
  ): Promise<DatabaseIngestionStore> {
    const knex = await database.getClient();
    if (!database.migrations?.skip) await migrateIngestionTables(knex);
    return new DatabaseIngestionStore(knex);
  }

  private constructor(private readonly db: Knex) {}

  async loadAccount(accountId: string): Promise<StoredAccount> {
    const row = await this.db(TABLES.accounts)
      .where({ account_id: accountId })
      .first();
    const rows = await this.db(TABLES.areas).where({ account_id: accountId });
    const areas: StoredAccount['areas'] = new Map();
    for (const r of rows) {
      areas.set(r.area, {
        doneCycle: Number(r.done_cycle),
        ...(r.data !== null && r.data !== undefined
          ? { read: { data: fromStoredJson(r.data) } }
          : {}),
      });
    }
    return { cycle: row ? Number(row.cycle) : 1, areas };
  }

  async saveCycle(accountId: string, cycle: number): Promise<void> {
    await this.db(TABLES.accounts)
      .insert({ account_id: accountId, cycle, updated_at: now() })
      .onConflict('account_id')
      .merge();
  }

  async saveArea(
    accountId: string,
    area: string,
    state: { doneCycle: number; read?: { data: unknown } },
  ): Promise<void> {
    const row = {
      account_id: accountId,
      area,
      done_cycle: state.doneCycle,
      updated_at: now(),
      ...(state.read ? { data: toStoredJson(state.read.data) } : {}),
    };
    await this.db(TABLES.areas)
      .insert(row)
      .onConflict(['account_id', 'area'])
      .merge(
        state.read
          ? ['done_cycle', 'data', 'updated_at']
          : ['done_cycle', 'updated_at'],
      );
  }

  async loadDetails(
    accountId: string,
    area: string,
  ): Promise<Map<string, StoredDetail>> {
    const rows = await this.db(TABLES.details).where({
      account_id: accountId,
      area,
    });
    const out = new Map<string, StoredDetail>();
    for (const r of rows) {
      out.set(r.key, {
        key: r.key,
        changeKey: r.change_key ?? null,
        cycle: Number(r.cycle),
        value: fromStoredJson(r.data),
      });
    }
    return out;
  }

  async saveDetails(
    accountId: string,
    area: string,
    details: StoredDetail[],
  ): Promise<void> {
    for (const batch of chunks(details)) {
      await this.db(TABLES.details)
        .insert(
          batch.map(d => ({
            account_id: accountId,
            area,
            key: d.key,
            change_key: d.changeKey,
            cycle: d.cycle,
            data: toStoredJson(d.value),
          })),
        )
        .onConflict(['account_id', 'area', 'key'])
        .merge(['change_key', 'cycle', 'data']);
    }
  }

  async deleteDetails(
    accountId: string,
    area: string,
    keys: string[],
  ): Promise<void> {
    for (const batch of chunks(keys)) {
      await this.db(TABLES.details)
        .where({ account_id: accountId, area })
        .whereIn('key', batch)
        .delete();
    }
  }
}
