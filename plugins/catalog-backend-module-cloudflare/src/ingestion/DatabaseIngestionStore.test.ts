// A running PostgreSQL (127.0.0.1:5432, trust auth) instead of docker; set before TestDatabases.create.
process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??=
  'postgresql://postgres@127.0.0.1:5432';

import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseIngestionStore } from './DatabaseIngestionStore';
import { MemoryIngestionStore } from './IngestionStore';
import { MIGRATIONS_TABLE, TABLES } from './migrations';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const ACCOUNT = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';

describe.each(databases.eachSupportedId())(
  'DatabaseIngestionStore on %p',
  databaseId => {
    it('creates its tables with its own migrations table, twice without harm', async () => {
      const knex = await databases.init(databaseId);
      await DatabaseIngestionStore.create(mockServices.database({ knex }));
      await DatabaseIngestionStore.create(mockServices.database({ knex }));
      for (const table of [...Object.values(TABLES), MIGRATIONS_TABLE])
        expect(await knex.schema.hasTable(table)).toBe(true);
      // The catalog's own migrations table is left alone.
      expect(await knex.schema.hasTable('knex_migrations')).toBe(false);
    });

    it('keeps cycles, areas and details per account, Maps and undefined included', async () => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseIngestionStore.create(
        mockServices.database({ knex }),
      );
      expect(await store.loadAccount(ACCOUNT)).toEqual({
        cycle: 1,
        areas: new Map(),
      });
      await store.saveCycle(ACCOUNT, 3);
      await store.saveCycle(ACCOUNT, 4);
      const read = { byId: new Map([['a', { n: 1 }]]), list: [1, 2] };
      await store.saveArea(ACCOUNT, 'durableObjects', {
        doneCycle: 3,
        read: { data: read },
      });
      // A complete read with nothing to keep (Zero Trust's) is complete all the same.
      await store.saveArea(ACCOUNT, 'zeroTrust', {
        doneCycle: 3,
        read: { data: undefined },
      });
      // A failed read: done in the cycle, the last complete read kept.
      await store.saveArea(ACCOUNT, 'durableObjects', { doneCycle: 4 });
      await store.saveArea('other', 'kv', {
        doneCycle: 1,
        read: { data: [] },
      });
      const loaded = await store.loadAccount(ACCOUNT);
      expect(loaded.cycle).toBe(4);
      expect(loaded.areas).toEqual(
        new Map<string, unknown>([
          ['durableObjects', { doneCycle: 4, read: { data: read } }],
          ['zeroTrust', { doneCycle: 3, read: { data: undefined } }],
        ]),
      );
      expect(loaded.areas.get('zeroTrust')).toHaveProperty('read');

      const details = Array.from({ length: 250 }, (_, i) => ({
        key: `settings/script-${i}`,
        changeKey: i % 2 ? `v:2026-01-0${i % 9}` : null,
        cycle: 2,
        value: i === 0 ? undefined : { bindings: [i] },
      }));
      await store.saveDetails(ACCOUNT, 'workers', details);
      await store.saveDetails(ACCOUNT, 'workers', [
        { ...details[1], cycle: 4, value: 'changed' },
      ]);
      await store.deleteDetails(
        ACCOUNT,
        'workers',
        details.slice(100, 240).map(d => d.key),
      );
      const memo = await store.loadDetails(ACCOUNT, 'workers');
      expect(memo.size).toBe(110);
      expect(memo.get(details[0].key)).toEqual({ ...details[0] });
      expect(memo.get(details[1].key)).toEqual({
        ...details[1],
        cycle: 4,
        value: 'changed',
      });
      expect(memo.get(details[245].key)).toEqual(details[245]);
      expect((await store.loadDetails(ACCOUNT, 'kv')).size).toBe(0);
    });
  },
);

describe('MemoryIngestionStore', () => {
  it('keeps a failed read from replacing the last complete one, and forgets deleted details', async () => {
    const store = new MemoryIngestionStore();
    const read = [{ fileSize: 1 }];
    await store.saveArea(ACCOUNT, 'd1', { doneCycle: 1, read: { data: read } });
    await store.saveArea(ACCOUNT, 'd1', { doneCycle: 2 });
    await store.saveCycle(ACCOUNT, 2);
    expect(await store.loadAccount(ACCOUNT)).toEqual({
      cycle: 2,
      areas: new Map([['d1', { doneCycle: 2, read: { data: read } }]]),
    });
    const detail = { key: 'a', changeKey: null, cycle: 1, value: 1 };
    await store.saveDetails(ACCOUNT, 'd1', [detail, { ...detail, key: 'b' }]);
    await store.deleteDetails(ACCOUNT, 'd1', ['b']);
    expect(await store.loadDetails(ACCOUNT, 'd1')).toEqual(
      new Map([['a', detail]]),
    );
  });
});
