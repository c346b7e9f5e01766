import { useDemoAccount } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';
import { demoContext } from '../__testUtils__/areaContext';
import { expectNoCanary } from '../__testUtils__/demo';
import { D1Api } from './d1';

const CORE = 'e7c1a9b2-4d3f-4e5a-9b8c-7d6e5f4a3b2c';
/** What one read of `acme-core` answers: the list fields, size and replication. */
const CORE_DETAILS = {
  uuid: CORE,
  name: 'acme-core',
  createdAt: expect.any(String),
  version: 'production',
  fileSize: 412_123_136,
  readReplication: 'auto',
};

describe('D1Api', () => {
  useDemoAccount();

  it('lists databases with the list fields and tags', async () => {
    const ctx = demoContext();
    const dbs = await new D1Api(ctx).listDatabases();
    expect(dbs.map(d => d.name)).toEqual([
      'acme-core',
      'acme-sessions-db',
      'acme-audit-eu',
      'acme-analytics-staging',
    ]);
    expect(dbs[0]).toEqual({
      uuid: CORE,
      name: 'acme-core',
      createdAt: expect.any(String),
      version: 'production',
      tags: { 'backstage-owner': 'platform', 'backstage-system': 'acme-org' },
    });
    expect(dbs[2]).toMatchObject({ jurisdiction: 'eu', tags: {} });
    expectNoCanary(dbs);
    expect(ctx.stats().callsByArea).toEqual({ d1: 2, tags: 1 });
  });

  it('reads each database for size and replication when asked', async () => {
    const dbs = await new D1Api(demoContext()).listDatabases({ details: true });
    expect(dbs[0]).toMatchObject({
      fileSize: 412_123_136,
      readReplication: 'auto',
    });
    expect(dbs[0]).not.toHaveProperty('numTables');
  });

  it("reads one database's size and replication in one call, without tags", async () => {
    const ctx = demoContext();
    const db = await new D1Api(ctx).getDatabase(CORE);
    expect(db).toEqual(CORE_DETAILS);
    expect(ctx.stats().callsByArea).toEqual({ d1: 1 });
  });

  it('reads the metadata with the Time Travel bookmark', async () => {
    const meta = await new D1Api(demoContext()).getMetadata(CORE);
    expect(meta).toEqual({
      ...CORE_DETAILS,
      tags: { 'backstage-owner': 'platform', 'backstage-system': 'acme-org' },
      bookmark: expect.stringMatching(/^[0-9a-f]{8}-/),
      bookmarkReadAt: expect.any(String),
    });
  });

  it('maps an unknown database to not-found', async () => {
    await expect(
      new D1Api(demoContext()).getMetadata(
        '00000000-0000-4000-8000-000000000000',
      ),
    ).rejects.toMatchObject({ kind: 'not-found', operation: 'd1.getMetadata' });
  });
});
