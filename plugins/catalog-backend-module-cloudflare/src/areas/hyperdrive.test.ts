import { ALL_SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import {
  DEMO_MAP_CONTEXT,
  annotationDependsOn,
  demoClient,
  demoState,
  dependsOnOf,
  runDemoAreas,
} from '../__testUtils__/demo';
import { hyperdriveArea } from './hyperdrive';
import { workersArea } from './workers';

const ACME = '5c4b3a2918f74e6d8c7b6a5948372615';
const ENTITY = 'cf-hyperdrive-acme-hyperdrive';

describe('hyperdriveArea', () => {
  it('maps each config from the configs list alone (a page and the empty page), without a sensitive origin field', async () => {
    const state = demoState();
    const read = await hyperdriveArea.read(demoClient(state), undefined);
    expect(state.callCounts()).toEqual({
      'GET /accounts/:account_id/hyperdrive/configs': 2,
    });
    const entities = hyperdriveArea
      .map(read, DEMO_MAP_CONTEXT)
      .map(e => e.entity);
    expect(entities.map(e => e.metadata.name)).toEqual([
      ENTITY,
      'cf-hyperdrive-acme-hyperdrive-analytics',
      'cf-hyperdrive-acme-hyperdrive-tunnel',
      'cf-hyperdrive-acme-hyperdrive-inventory',
    ]);
    const [acme, analytics, tunnel, inventory] = entities;
    const config = state.data.hyperdrive.configs[0];
    expect(acme.metadata).toMatchObject({
      description: 'Cloudflare Hyperdrive config acme-hyperdrive',
      tags: ['cloudflare', 'hyperdrive'],
      annotations: { 'cloudflare.com/resource-id': ACME },
    });
    expect(acme.spec).toEqual({
      type: 'cloudflare-hyperdrive',
      owner: expect.any(String),
      parameters: {
        accountId: DEMO_MAP_CONTEXT.accountId,
        configId: ACME,
        name: 'acme-hyperdrive',
        originNetwork: 'public',
        caching: 'enabled',
        cacheMaxAgeSeconds: 60,
        cacheStaleWhileRevalidateSeconds: 15,
        sslmode: 'verify-full',
        mtls: false,
        originConnectionLimit: 60,
        createdOn: config.created_on,
        modifiedOn: config.modified_on,
      },
    });
    expect(analytics.spec!.parameters).toMatchObject({
      caching: 'disabled',
      restartedOn: expect.any(String),
    });
    expect(tunnel.spec!.parameters).toMatchObject({ originNetwork: 'access' });
    expect(inventory.spec!.parameters).toMatchObject({
      originNetwork: 'vpc',
      cacheMaxAgeSeconds: 300,
    });
    // The catalog is readable by every group: no origin host, database, user or Access client id.
    const json = JSON.stringify(entities);
    for (const text of [
      'prod-db.acme-internal.net',
      'acme_app',
      'ledger_ro',
      'f00dbabe1234.access',
      '5432',
      ...ALL_SECRET_CANARIES,
    ])
      expect(json).not.toContain(text);
    expect(new Map(hyperdriveArea.names!(read)).get(ACME)).toBe(
      'acme-hyperdrive',
    );
  });

  it("relates Workers' hyperdrive bindings (by config id) and a Component's annotation to one entity", async () => {
    const [workers, configs] = await runDemoAreas({
      workers: workersArea,
      hyperdrive: hyperdriveArea,
    });
    expect(configs.entities.map(e => e.entity.metadata.name)).toContain(ENTITY);
    for (const script of ['cf-worker-acme-api', 'cf-worker-acme-etl'])
      expect(dependsOnOf(workers.entities, script)).toContain(
        `resource:default/${ENTITY}`,
      );
    expect(
      await annotationDependsOn({
        'cloudflare.com/hyperdrive': 'acme-hyperdrive',
      }),
    ).toContain(`resource:default/${ENTITY}`);
  });
});
