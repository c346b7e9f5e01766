// A running PostgreSQL (127.0.0.1:5432, trust auth) instead of docker; set before TestDatabases.create.
process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??=
  'postgresql://postgres@127.0.0.1:5432';

import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ServiceUnavailableError } from '@backstage/errors';
import { EvidenceStore } from './EvidenceStore';
import { GENESIS_HASH, rowHash } from './chain';
import { dropAppendOnlyTriggers, testSnapshot } from './evidenceTestUtils';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const TABLE = 'cloudflare_evidence';

/**
 * The message a query was rejected with. Not `rejects.toThrow`: better-sqlite3's native binding
 * keeps the `SqliteError` class of the first test file its jest worker loaded, so in later files
 * the error is not an `Error` of this realm and jest reports "did not throw".
 */
async function rejection(query: PromiseLike<unknown>): Promise<string> {
  try {
    await query;
  } catch (e) {
    return String((e as { message?: unknown }).message ?? e);
  }
  return 'resolved: the query was not rejected';
}

describe.each(databases.eachSupportedId())(
  'evidence chain against tampering on %p',
  databaseId => {
    async function setup(rows = 3) {
      const knex = await databases.init(databaseId);
      const database = mockServices.database({ knex });
      const store = await EvidenceStore.create({ database });
      const records = [];
      for (let n = 1; n <= rows; n++) {
        records.push(await store.append(testSnapshot(n), 'user:default/a'));
      }
      return { knex, store, database, records };
    }

    it('the database rejects UPDATE and DELETE of evidence rows', async () => {
      const { knex, records } = await setup(1);
      expect(await knex(TABLE).where('id', records[0].id).first()).toBeTruthy();
      expect(
        await rejection(
          knex(TABLE).where('id', records[0].id).update({ kind: 'x' }),
        ),
      ).toMatch(/append-only/);
      expect(
        await rejection(knex(TABLE).where('id', records[0].id).delete()),
      ).toMatch(/append-only/);
      expect(Number((await knex(TABLE).count({ n: '*' }).first())?.n)).toBe(1);
    });

    it.each([
      ['id', '00000000-0000-4000-8000-000000000000'],
      ['kind', 'r2-lifecycle'],
      ['created_by', 'user:default/mallory'],
      ['created_at', '2020-01-01T00:00:00.000Z'],
    ])('verify fails when %s of a row is edited', async (column, value) => {
      const { knex, store, records } = await setup();
      await dropAppendOnlyTriggers(knex);
      await knex(TABLE)
        .where('id', records[1].id)
        .update({ [column]: value });
      const id = column === 'id' ? value : records[1].id;
      const v = await store.verify(id);
      expect(v).toMatchObject({
        valid: false,
        chain: { valid: false, brokenAtSeq: 2 },
        target: { reached: false },
      });
      expect(v.problems.join('\n')).toMatch(/chain breaks at seq 2/);
      expect((await store.verify(records[2].id)).valid).toBe(false);
    });

    it('verify fails for a forged row put outside the chain (seq 0)', async () => {
      const { knex, store, records } = await setup(2);
      const forged = testSnapshot(9, 'forged');
      const row = {
        seq: 0,
        id: '11111111-1111-4111-8111-111111111111',
        kind: 'zero-trust-audit',
        createdAt: forged.document.collectedAt,
        createdBy: 'user:default/alice',
        sha256: forged.sha256,
        prevSha256: GENESIS_HASH,
        hashVersion: 2,
      };
      await knex(TABLE).insert({
        seq: row.seq,
        id: row.id,
        kind: row.kind,
        created_at: row.createdAt,
        created_by: row.createdBy,
        sha256: row.sha256,
        prev_sha256: row.prevSha256,
        chain_sha256: rowHash(row),
        hash_version: 2,
        bytes: forged.bytes.toString('utf8'),
      });
      const v = await store.verify(row.id);
      expect(v.valid).toBe(false);
      expect(v.document.valid).toBe(true);
      expect(v.target.reached).toBe(false);
      expect(v.chain).toMatchObject({
        valid: false,
        brokenAtSeq: 0,
        reason: expect.stringMatching(/outside the chain/),
      });
      expect((await store.verify(records[0].id)).valid).toBe(false);
    });

    it('verify with ?head detects newest rows deleted (truncation)', async () => {
      const { knex, store, records } = await setup(3);
      const kept = records[2].chainSha256;
      expect((await store.verify(records[0].id, kept)).valid).toBe(true);
      await store.append(testSnapshot(4), 'user:default/a');
      expect(await store.verify(records[0].id, kept)).toMatchObject({
        valid: true,
        head: { expected: kept, found: true },
      });

      await dropAppendOnlyTriggers(knex);
      await knex(TABLE).where('seq', '>=', 3).delete();
      expect((await store.verify(records[0].id)).valid).toBe(true);
      const v = await store.verify(records[0].id, kept);
      expect(v).toMatchObject({
        valid: false,
        chain: { valid: true, length: 2 },
        head: { expected: kept, found: false },
      });
      expect(v.problems[0]).toMatch(/expected head hash/);
    });

    it('concurrent writers (two replicas) all get their snapshot stored', async () => {
      const { database } = await setup(0);
      const replicas = [
        await EvidenceStore.create({ database }),
        await EvidenceStore.create({ database }),
      ];
      const records = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          replicas[i % 2].append(testSnapshot(i + 1), 'user:default/a'),
        ),
      );
      expect(records.map(r => r.seq).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 16 }, (_, i) => i + 1),
      );
      const v = await replicas[0].verify(records[0].id);
      expect(v).toMatchObject({ valid: true, chain: { length: 16 } });
    });

    it('a failed insert never carries the snapshot bytes in its error', async () => {
      const { knex, store } = await setup(1);
      if (knex.client.config.client === 'pg') {
        await knex.raw(`CREATE FUNCTION refuse_insert() RETURNS trigger AS $$
          BEGIN RAISE EXCEPTION 'insert refused'; END; $$ LANGUAGE plpgsql`);
        await knex.raw(`CREATE TRIGGER refuse_insert BEFORE INSERT ON ${TABLE}
          FOR EACH ROW EXECUTE FUNCTION refuse_insert()`);
      } else {
        await knex.raw(`CREATE TRIGGER refuse_insert BEFORE INSERT ON ${TABLE}
          BEGIN SELECT RAISE(ABORT, 'insert refused'); END`);
      }
      const canary = 'CANARY-bytes-0123456789';
      const error = await store
        .append(testSnapshot(2, canary), 'user:default/a')
        .catch(e => e);
      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect(error.message).toMatch(/could not store the snapshot/);
      expect(JSON.stringify({ m: error.message, s: error.stack })).not.toMatch(
        /CANARY|insert into/,
      );
    });
  },
);
