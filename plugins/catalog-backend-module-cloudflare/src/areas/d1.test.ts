import { ALL_SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import {
  DEMO_MAP_CONTEXT,
  annotationDependsOn,
  demoClient,
  demoState,
  dependsOnOf,
  runDemoAreas,
} from '../__testUtils__/demo';
import { d1Area } from './d1';
import { workersArea } from './workers';

const CORE = 'e7c1a9b2-4d3f-4e5a-9b8c-7d6e5f4a3b2c';
const DATABASE = 'GET /accounts/:account_id/d1/database/:database_id';

describe('d1Area', () => {
  it('maps every database with its size and replication: the list (2), its tags (1), one read each', async () => {
    const state = demoState();
    const read = await d1Area.read(demoClient(state), undefined);
    expect(state.callCounts()).toEqual({
      'GET /accounts/:account_id/d1/database': 2,
      'GET /accounts/:account_id/tags/resources': 1,
      [DATABASE]: 4,
    });
    const entities = d1Area.map(read, DEMO_MAP_CONTEXT).map(e => e.entity);
    expect(entities.map(e => e.metadata.name)).toEqual([
      'cf-d1-acme-core',
      'cf-d1-acme-sessions-db',
      'cf-d1-acme-audit-eu',
      'cf-d1-acme-analytics-staging',
    ]);
    expect(entities[0].metadata).toMatchObject({
      description: 'Cloudflare D1 database acme-core',
      tags: ['cloudflare', 'd1'],
      annotations: { 'cloudflare.com/resource-id': CORE },
    });
    expect(entities[0].spec).toEqual({
      type: 'cloudflare-d1',
      owner: 'group:default/platform',
      parameters: {
        accountId: DEMO_MAP_CONTEXT.accountId,
        uuid: CORE,
        name: 'acme-core',
        createdAt: state.data.d1.databases[0].created_at,
        version: 'production',
        fileSize: 412_123_136,
        readReplication: 'auto',
        tags: { 'backstage-owner': 'platform', 'backstage-system': 'acme-org' },
      },
    });
    expect(entities[2].metadata.tags).toEqual(['cloudflare', 'd1', 'eu']);
    expect(entities[2].spec!.parameters).toMatchObject({
      jurisdiction: 'eu',
      readReplication: 'disabled',
    });
    const json = JSON.stringify(entities);
    for (const canary of ALL_SECRET_CANARIES)
      expect(json).not.toContain(canary);
    expect(json).not.toContain('numTables');
  });

  it("reads no tags when the run has its index, and declares uuid -> name for other areas' bindings", async () => {
    const state = demoState();
    const read = await d1Area.read(demoClient(state), undefined, {
      tags: { d1_database: { [CORE]: { team: 'core' } } },
    });
    expect(state.callCounts()).not.toHaveProperty(
      'GET /accounts/:account_id/tags/resources',
    );
    expect(read[0].database.tags).toEqual({ team: 'core' });
    expect(new Map(d1Area.names!(read)).get(CORE)).toBe('acme-core');
  });

  it("relates a Worker's D1 binding and a Component's cloudflare.com/d1 annotation to one entity", async () => {
    const [workers, d1] = await runDemoAreas({
      workers: workersArea,
      d1: d1Area,
    });
    expect(d1.entities.map(e => e.entity.metadata.name)).toContain(
      'cf-d1-acme-core',
    );
    expect(dependsOnOf(workers.entities, 'cf-worker-acme-api')).toContain(
      'resource:default/cf-d1-acme-core',
    );
    expect(
      await annotationDependsOn({ 'cloudflare.com/d1': 'acme-core' }),
    ).toContain('resource:default/cf-d1-acme-core');
  });
});
