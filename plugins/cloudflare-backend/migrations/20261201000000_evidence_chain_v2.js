/*
 * Evidence chain v2: a row hash over every stored field (hash_version 2; rows written before keep
 * version 1), and append-only enforced by the database: UPDATE and DELETE are rejected by triggers.
 */

// @ts-check

const TABLE = 'cloudflare_evidence';
const MESSAGE = 'cloudflare_evidence is append-only';

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable(TABLE, table => {
    table
      .integer('hash_version')
      .notNullable()
      .defaultTo(1)
      .comment('Row hash format: 1 = sha256(prev + sha256), 2 = every field');
  });
  const client = knex.client.config.client;
  if (client === 'pg') {
    await knex.raw(`
      CREATE OR REPLACE FUNCTION cloudflare_evidence_append_only() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION '${MESSAGE}';
      END;
      $$ LANGUAGE plpgsql`);
    await knex.raw(`
      CREATE TRIGGER cloudflare_evidence_append_only
      BEFORE UPDATE OR DELETE ON ${TABLE}
      FOR EACH ROW EXECUTE FUNCTION cloudflare_evidence_append_only()`);
    await knex.raw(`
      CREATE TRIGGER cloudflare_evidence_no_truncate
      BEFORE TRUNCATE ON ${TABLE}
      FOR EACH STATEMENT EXECUTE FUNCTION cloudflare_evidence_append_only()`);
  } else if (client === 'sqlite3' || client === 'better-sqlite3') {
    for (const op of ['UPDATE', 'DELETE']) {
      await knex.raw(`
        CREATE TRIGGER cloudflare_evidence_no_${op.toLowerCase()}
        BEFORE ${op} ON ${TABLE}
        BEGIN SELECT RAISE(ABORT, '${MESSAGE}'); END`);
    }
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  const client = knex.client.config.client;
  if (client === 'pg') {
    await knex.raw(
      `DROP TRIGGER IF EXISTS cloudflare_evidence_append_only ON ${TABLE}`,
    );
    await knex.raw(
      `DROP TRIGGER IF EXISTS cloudflare_evidence_no_truncate ON ${TABLE}`,
    );
    await knex.raw('DROP FUNCTION IF EXISTS cloudflare_evidence_append_only()');
  } else {
    await knex.raw('DROP TRIGGER IF EXISTS cloudflare_evidence_no_update');
    await knex.raw('DROP TRIGGER IF EXISTS cloudflare_evidence_no_delete');
  }
  await knex.schema.alterTable(TABLE, table => {
    table.dropColumn('hash_version');
  });
};
