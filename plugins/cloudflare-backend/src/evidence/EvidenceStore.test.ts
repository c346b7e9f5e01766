// A running PostgreSQL (127.0.0.1:5432, trust auth) instead of docker; set before TestDatabases.create.
process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??=
  'postgresql://postgres@127.0.0.1:5432';

import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { NotFoundError } from '@backstage/errors';
import { EvidenceStore } from './EvidenceStore';
import { buildEvidenceSnapshot } from './snapshot';
import { sha256Hex } from './canonicalJson';
import { GENESIS_HASH } from './chain';
import { dropAppendOnlyTriggers, testSnapshot } from './evidenceTestUtils';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const snapshot = (n: number) => testSnapshot(n);

describe.each(databases.eachSupportedId())(
  'EvidenceStore on %p',
  databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId);
      const store = await EvidenceStore.create({
        database: mockServices.database({ knex }),
      });
      return { knex, store };
    }

    it('appends a hash chain and returns the exact bytes', async () => {
      const { store } = await setup();
      const a = snapshot(1);
      const r1 = await store.append(a, 'user:default/alice');
      const r2 = await store.append(snapshot(2), 'user:default/bob');
      expect(r1.seq).toBe(1);
      expect(r1.prevSha256).toBe(GENESIS_HASH);
      expect(r2.seq).toBe(2);
      expect(r2.prevSha256).toBe(r1.chainSha256);
      expect(r1.sha256).toBe(a.sha256);

      const stored = await store.get(r1.id);
      expect(stored.bytes.equals(a.bytes)).toBe(true);
      expect(sha256Hex(stored.bytes)).toBe(r1.sha256);

      const listed = await store.list({ limit: 10 });
      expect(listed.map(r => r.seq)).toEqual([2, 1]);
      expect(await store.list({ limit: 10, beforeSeq: 2 })).toHaveLength(1);
      expect(
        await store.list({ limit: 10, kind: 'r2-lifecycle' }),
      ).toHaveLength(0);

      const v = await store.verify(r1.id);
      expect(v).toMatchObject({
        valid: true,
        chain: { valid: true, length: 2, headSha256: r2.chainSha256 },
      });
    });

    it('keeps the chain linear under concurrent appends', async () => {
      const { store } = await setup();
      const records = await Promise.all(
        [1, 2, 3, 4].map(n => store.append(snapshot(n), 'user:default/a')),
      );
      expect(records.map(r => r.seq).sort()).toEqual([1, 2, 3, 4]);
      expect((await store.verify(records[0].id)).valid).toBe(true);
    });

    it('detects edited bytes, forged hashes and removed rows', async () => {
      const { knex, store } = await setup();
      const r1 = await store.append(snapshot(1), 'user:default/a');
      const r2 = await store.append(snapshot(2), 'user:default/a');
      const r3 = await store.append(snapshot(3), 'user:default/a');
      await dropAppendOnlyTriggers(knex);

      const original = (
        await knex('cloudflare_evidence').where('id', r2.id).first()
      ).bytes as string;
      const forged = original.replace('"e2"', '"e9"');
      await knex('cloudflare_evidence')
        .where('id', r2.id)
        .update({ bytes: forged });
      let v = await store.verify(r2.id);
      expect(v.valid).toBe(false);
      expect(v.document.valid).toBe(false);
      expect(v.chain).toMatchObject({ valid: false, brokenAtSeq: 2 });
      // Other snapshots' verification still sees the broken chain.
      expect((await store.verify(r1.id)).valid).toBe(false);

      // Recomputing the row's own hash is not enough: the chain hash no longer follows.
      await knex('cloudflare_evidence')
        .where('id', r2.id)
        .update({ sha256: sha256Hex(forged) });
      v = await store.verify(r2.id);
      expect(v.document.valid).toBe(true);
      expect(v.chain).toMatchObject({
        valid: false,
        brokenAtSeq: 2,
        reason: expect.stringMatching(/chain_sha256/),
      });

      // Restore, then remove a row from the middle.
      await knex('cloudflare_evidence')
        .where('id', r2.id)
        .update({ bytes: original, sha256: r2.sha256 });
      expect((await store.verify(r3.id)).valid).toBe(true);
      await knex('cloudflare_evidence').where('id', r2.id).delete();
      v = await store.verify(r3.id);
      expect(v.chain).toMatchObject({
        valid: false,
        brokenAtSeq: 3,
        reason: 'row 2 is missing',
      });
    });

    it('throws NotFoundError for unknown ids', async () => {
      const { store } = await setup();
      await expect(store.get('nope')).rejects.toThrow(NotFoundError);
      await expect(store.verify('nope')).rejects.toThrow(NotFoundError);
    });
  },
);

describe('buildEvidenceSnapshot', () => {
  it('gives the same bytes and hash for the same data and time', () => {
    const a = snapshot(5);
    const b = snapshot(5);
    expect(a.bytes.equals(b.bytes)).toBe(true);
    expect(a.sha256).toBe(b.sha256);
    expect(a.sha256).toBe(sha256Hex(a.bytes));
    expect(snapshot(6).sha256).not.toBe(a.sha256);
    expect(JSON.parse(a.bytes.toString('utf8'))).toEqual(a.document);
    expect(a.document.redactions).toBeUndefined();
  });

  it('records redaction counts when something was withheld', () => {
    const s = buildEvidenceSnapshot({
      kind: 'deployment-provenance',
      accountId: 'acc',
      scope: {},
      collectedAt: '2026-01-01T00:00:00Z',
      userEntityRef: 'user:default/a',
      suite: { name: 's', version: '1' },
      data: [],
      population: { count: 0, exhausted: true },
      redactions: { secret: 2 },
    });
    expect(s.document.collectedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(s.document.redactions).toEqual({ secret: 2 });
  });
});
