import { Knex } from 'knex';
import { buildEvidenceSnapshot } from './snapshot';

/**
 * Test helper: does what a database owner could do, and the plugin cannot: removes the
 * append-only triggers so a test can tamper with rows the way an attacker with the database would.
 */
export async function dropAppendOnlyTriggers(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') {
    await knex.raw('ALTER TABLE cloudflare_evidence DISABLE TRIGGER USER');
  } else {
    await knex.raw('DROP TRIGGER cloudflare_evidence_no_update');
    await knex.raw('DROP TRIGGER cloudflare_evidence_no_delete');
  }
}

/** Test helper: a small zero-trust-audit snapshot, distinct per `n`. */
export const testSnapshot = (n: number, text = 'caf\u00e9 \u20ac') =>
  buildEvidenceSnapshot({
    kind: 'zero-trust-audit',
    accountId: 'acc',
    scope: { n },
    collectedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)),
    userEntityRef: 'user:default/alice',
    suite: { name: 'suite', version: '0.1.0' },
    data: { events: [{ id: `e${n}`, text }] },
    population: { count: 1, exhausted: true },
  });
