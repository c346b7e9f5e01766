import { ALL_SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import {
  DEMO_MAP_CONTEXT,
  annotationDependsOn,
  demoClient,
  demoState,
  dependsOnOf,
  runDemoAreas,
} from '../__testUtils__/demo';
import { secretsStoreArea } from './secretsStore';
import { workersArea } from './workers';

const STORE = '8f7e6d5c4b3a49281706f5e4d3c2b1a0';
const ENTITY = 'cf-secrets-store-acme-account-secrets';
const SECRETS =
  'GET /accounts/:account_id/secrets_store/stores/:store_id/secrets';

describe('secretsStoreArea', () => {
  it('maps the store with its secrets counted: the list (2), the store (1), its secrets (2)', async () => {
    const state = demoState();
    const read = await secretsStoreArea.read(demoClient(state), undefined);
    expect(state.callCounts()).toEqual({
      'GET /accounts/:account_id/secrets_store/stores': 2,
      'GET /accounts/:account_id/secrets_store/stores/:store_id': 1,
      [SECRETS]: 2,
    });
    const [entity] = secretsStoreArea
      .map(read, DEMO_MAP_CONTEXT)
      .map(e => e.entity);
    const [store] = state.data.secretsStore.stores;
    expect(entity.metadata).toMatchObject({
      name: ENTITY,
      description: 'Cloudflare Secrets Store acme-account-secrets',
      tags: ['cloudflare', 'secrets-store'],
      annotations: { 'cloudflare.com/resource-id': STORE },
    });
    expect(entity.spec).toEqual({
      type: 'cloudflare-secrets-store',
      owner: expect.any(String),
      parameters: {
        accountId: DEMO_MAP_CONTEXT.accountId,
        storeId: STORE,
        name: 'acme-account-secrets',
        created: store.created,
        modified: store.modified,
        secretCount: 24,
        secretsCounted: true,
        secretsByStatus: { active: 23, pending: 1 },
        secretsByScope: {
          workers: 19,
          ai_gateway: 2,
          containers: 2,
          access: 1,
          websearch: 1,
        },
        lastSecretModified: expect.any(String),
      },
    });
    // Counts only: no secret name, comment or value reaches the catalog.
    const json = JSON.stringify(entity);
    for (const text of [
      'STRIPE_SECRET_KEY',
      'Payments API key',
      ...ALL_SECRET_CANARIES,
    ])
      expect(json).not.toContain(text);
    expect(new Map(secretsStoreArea.names!(read)).get(STORE)).toBe(
      'acme-account-secrets',
    );
  });

  it("relates a Worker's secrets_store_secret binding and a Component's annotation to one entity", async () => {
    const [workers, stores] = await runDemoAreas({
      workers: workersArea,
      secretsStore: secretsStoreArea,
    });
    expect(stores.entities.map(e => e.entity.metadata.name)).toEqual([ENTITY]);
    for (const script of ['cf-worker-acme-api', 'cf-worker-acme-reports'])
      expect(dependsOnOf(workers.entities, script)).toContain(
        `resource:default/${ENTITY}`,
      );
    expect(
      await annotationDependsOn({
        'cloudflare.com/secrets-store': 'acme-account-secrets',
      }),
    ).toContain(`resource:default/${ENTITY}`);
  });
});
