/*
 * Evidence snapshots of the Cloudflare backend plugin: an append-only, hash-chained table.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('cloudflare_evidence', table => {
    table.comment(
      'Evidence snapshots (RFC 8785 canonical JSON), append-only and hash-chained',
    );
    table
      .string('id', 64)
      .primary()
      .notNullable()
      .comment('Snapshot id (UUID)');
    table
      .integer('seq')
      .notNullable()
      .unique()
      .comment('Position in the chain, 1 for the first snapshot');
    table.string('kind', 64).notNullable().comment('Snapshot kind');
    table
      .string('created_at', 40)
      .notNullable()
      .comment('collectedAt of the document, ISO 8601 UTC');
    table
      .string('created_by', 255)
      .notNullable()
      .comment('Entity ref of the user (or service) that created it');
    table
      .string('sha256', 64)
      .notNullable()
      .comment('Hex SHA-256 of the stored bytes');
    table
      .string('prev_sha256', 64)
      .notNullable()
      .comment('Chain hash of the previous row (64 zeros for the first row)');
    table
      .string('chain_sha256', 64)
      .notNullable()
      .comment('sha256(prev_sha256 + sha256), hex');
    table
      .text('bytes', 'longtext')
      .notNullable()
      .comment('The exact downloaded bytes (UTF-8 canonical JSON)');
    table.index(['kind'], 'cloudflare_evidence_kind_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('cloudflare_evidence');
};
