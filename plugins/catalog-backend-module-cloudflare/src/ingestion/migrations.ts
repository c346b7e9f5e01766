import { Knex } from 'knex';

/** The module's own migrations table: the catalog's `knex_migrations` in the same database is not ours. */
export const MIGRATIONS_TABLE = 'cloudflare_ingestion_knex_migrations';

/** Tables of the catalog module's ingestion progress (prefix `cloudflare_ingestion_`). */
export const TABLES = {
  accounts: 'cloudflare_ingestion_accounts',
  areas: 'cloudflare_ingestion_areas',
  details: 'cloudflare_ingestion_details',
} as const;

interface Migration {
  name: string;
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

const MIGRATIONS: Migration[] = [
  {
    name: '20261205_01_ingestion_progress',
    async up(knex) {
      await knex.schema.createTable(TABLES.accounts, t => {
        t.string('account_id', 64).primary().notNullable();
        t.integer('cycle').notNullable();
        t.string('updated_at', 32).notNullable();
      });
      await knex.schema.createTable(TABLES.areas, t => {
        t.string('account_id', 64).notNullable();
        t.string('area', 64).notNullable();
        t.integer('done_cycle').notNullable();
        t.text('data', 'longtext').nullable();
        t.string('updated_at', 32).notNullable();
        t.primary(['account_id', 'area']);
      });
      await knex.schema.createTable(TABLES.details, t => {
        t.string('account_id', 64).notNullable();
        t.string('area', 64).notNullable();
        t.string('key', 255).notNullable();
        t.text('change_key').nullable();
        t.integer('cycle').notNullable();
        t.text('data', 'longtext').notNullable();
        t.primary(['account_id', 'area', 'key']);
      });
    },
    async down(knex) {
      await knex.schema.dropTable(TABLES.details);
      await knex.schema.dropTable(TABLES.areas);
      await knex.schema.dropTable(TABLES.accounts);
    },
  },
];

/**
 * Migrations in code (no directory to ship or resolve), recorded in {@link MIGRATIONS_TABLE} so
 * they never mix with the catalog's own.
 */
export async function migrateIngestionTables(knex: Knex): Promise<void> {
  await knex.migrate.latest({
    tableName: MIGRATIONS_TABLE,
    migrationSource: {
      getMigrations: async () => MIGRATIONS,
      getMigrationName: (m: Migration) => m.name,
      getMigration: async (m: Migration) => m,
    },
  });
}
