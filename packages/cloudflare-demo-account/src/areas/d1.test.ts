import Cloudflare from 'cloudflare';
import { sdk, useDemoAccount } from '../__testUtils__/sdk';
import { generateD1Data, ACME_CORE_D1_UUID } from '../fixtures/d1';
import { createRng } from '../rng';

describe('D1 area', () => {
  const demo = useDemoAccount();
  const account_id = demo.account_id;

  it('lists databases across pages with the list fields only', async () => {
    const dbs = [];
    for await (const db of sdk().d1.database.list({ account_id, per_page: 3 }))
      dbs.push(db);
    expect(dbs.map(d => d.name)).toEqual([
      'acme-core',
      'acme-sessions-db',
      'acme-audit-eu',
      'acme-analytics-staging',
    ]);
    expect(dbs[0]).toEqual({
      uuid: ACME_CORE_D1_UUID,
      name: 'acme-core',
      created_at: expect.any(String),
      version: 'production',
      jurisdiction: null,
    });
    expect(dbs[2].jurisdiction).toBe('eu');
  });

  it('filters by name', async () => {
    const page = await sdk().d1.database.list({ account_id, name: 'audit' });
    expect(page.result.map(d => d.name)).toEqual(['acme-audit-eu']);
  });

  it('reads a database with size, tables and read replication', async () => {
    const db = await sdk().d1.database.get(ACME_CORE_D1_UUID, { account_id });
    expect(db).toMatchObject({
      name: 'acme-core',
      file_size: 412_123_136,
      num_tables: 23,
      read_replication: { mode: 'auto' },
    });
  });

  it('reads the Time Travel bookmark', async () => {
    const { bookmark } = await sdk().d1.database.timeTravel.getBookmark(
      ACME_CORE_D1_UUID,
      { account_id },
    );
    expect(bookmark).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/,
    );
  });

  it('answers an unknown database with NotFoundError', async () => {
    await expect(
      sdk().d1.database.get('nope', { account_id }),
    ).rejects.toBeInstanceOf(Cloudflare.NotFoundError);
    await expect(
      sdk().d1.database.timeTravel.getBookmark('nope', { account_id }),
    ).rejects.toBeInstanceOf(Cloudflare.NotFoundError);
  });

  it('generates scale-mode data deterministically from the seed', () => {
    const first = generateD1Data(createRng(7), 40);
    const second = generateD1Data(createRng(7), 40);
    expect(first.databases).toHaveLength(40);
    expect(first.databases.map(d => d.uuid)).toEqual(
      second.databases.map(d => d.uuid),
    );
    expect(generateD1Data(createRng(7), 0).databases).toHaveLength(0);
  });
});
