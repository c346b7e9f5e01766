// A running PostgreSQL (127.0.0.1:5432, trust auth) instead of docker; set before TestDatabases.create.
process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??=
  'postgresql://postgres@127.0.0.1:5432';

import knexFactory, { Knex } from 'knex';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { EvidenceStore } from './EvidenceStore';
import { testSnapshot } from './evidenceTestUtils';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
const APPENDS = 300;

/**
 * Two replicas on one PostgreSQL database: each its own EvidenceStore on its own connection pool
 * (as two backend processes have), 300 appends at once spread over both. Every append is stored
 * (before the appenders queued on an advisory lock, retries ran out at this count) and the chain
 * stays linear: seq 1..300, each row's prev hash the chain hash of the row before.
 */
describe('EvidenceStore with two replicas on PostgreSQL', () => {
  const pools: Knex[] = [];
  afterAll(async () => {
    await Promise.all(pools.map(p => p.destroy()));
  });

  it(`stores ${APPENDS} concurrent appends over two pools in one linear chain`, async () => {
    const first = await databases.init('POSTGRES_15');
    const second = knexFactory(first.client.config);
    pools.push(second);
    const replicas = [
      await EvidenceStore.create({
        database: mockServices.database({ knex: first }),
      }),
      await EvidenceStore.create({
        database: mockServices.database({
          knex: second,
          migrations: { skip: true },
        }),
      }),
    ];
    const results = await Promise.allSettled(
      Array.from({ length: APPENDS }, (_, i) =>
        replicas[i % 2].append(testSnapshot(i + 1), 'user:default/a'),
      ),
    );
    expect(results.filter(r => r.status === 'rejected')).toEqual([]);
    const records = results.map(r => (r as PromiseFulfilledResult<any>).value);
    const bySeq = [...records].sort((a, b) => a.seq - b.seq);
    expect(bySeq.map(r => r.seq)).toEqual(
      Array.from({ length: APPENDS }, (_, i) => i + 1),
    );
    bySeq
      .slice(1)
      .forEach((r, i) => expect(r.prevSha256).toBe(bySeq[i].chainSha256));
    const v = await replicas[1].verify(bySeq[0].id);
    expect(v).toMatchObject({ valid: true, chain: { length: APPENDS } });
  });
});
