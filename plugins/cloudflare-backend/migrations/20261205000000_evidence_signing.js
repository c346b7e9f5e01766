/*
 * Signed evidence: each new snapshot row carries its DSSE envelope (written with the row, in the
 * same INSERT, so the append-only triggers stay as they are), and the Ed25519 key generated for a
 * plugin without `cloudflare.evidence.signing.privateKey` is kept here, one row, so it survives a
 * restart.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('cloudflare_evidence', table => {
    table
      .text('envelope')
      .nullable()
      .comment(
        'DSSE envelope (JSON) of the in-toto statement over this snapshot',
      );
  });
  await knex.schema.createTable('cloudflare_evidence_signing_key', table => {
    table.string('id', 32).primary().comment('Always "default"');
    table.text('private_key_pem').notNullable().comment('Ed25519, PKCS#8 PEM');
    table.string('created_at', 32).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('cloudflare_evidence_signing_key');
  await knex.schema.alterTable('cloudflare_evidence', table => {
    table.dropColumn('envelope');
  });
};
