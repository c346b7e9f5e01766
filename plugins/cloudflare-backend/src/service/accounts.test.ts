import request from 'supertest';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { mockCredentials } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import {
  createDemoAccounts,
  DEMO_ACCOUNT_ID,
  DEMO_API_TOKEN,
  DemoAccountServer,
  DemoAccountState,
  demoApiTokenFor,
  startDemoAccountServer,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { startPlugin } from '../__testUtils__/harness';

jest.setTimeout(60_000);

/** Two accounts on one demo server: the built-in acme-org, and a generated one. */
let served: DemoAccountServer;
let acme: DemoAccountState;
let other: DemoAccountState;

beforeAll(async () => {
  acme = new DemoAccountState();
  [other] = createDemoAccounts({ count: 1, counts: { kv: 3 } });
  served = await startDemoAccountServer({ port: 0, accounts: [acme, other] });
});
afterAll(() => served.close());
beforeEach(() => {
  for (const s of [acme, other]) {
    s.clearFaults();
    s.resetCalls();
  }
});

const OTHER_ID = () => other.data.account.id;

const start = (features: any[] = []) =>
  startPlugin({
    features,
    config: {
      cloudflare: {
        fetch: { timeoutMs: 2000, maxRetries: 0 },
        accounts: [
          {
            id: 'prod',
            accountId: DEMO_ACCOUNT_ID,
            apiToken: DEMO_API_TOKEN,
            apiBaseUrl: served.baseUrl,
          },
          {
            id: 'staging',
            accountId: OTHER_ID(),
            apiToken: demoApiTokenFor(OTHER_ID()),
            apiBaseUrl: served.baseUrl,
          },
        ],
      },
    },
  });

const NAMESPACES = '/api/cloudflare/v1/kv/namespaces';

describe('two accounts in the routes', () => {
  it('picks the account by config id or account id; each answer, call and cache key is its own', async () => {
    const { server, cacheKeys } = await start();
    const prod = await request(server).get(`${NAMESPACES}?account=prod`);
    const staging = await request(server).get(
      `${NAMESPACES}?account=${OTHER_ID()}`,
    );
    expect(prod.status).toBe(200);
    expect(staging.status).toBe(200);
    expect(prod.body.account).toBe(DEMO_ACCOUNT_ID);
    expect(staging.body.account).toBe(OTHER_ID());
    const titles = (res: request.Response) =>
      res.body.items.map((n: { title: string }) => n.title).sort();
    expect(titles(staging)).toEqual(
      other.data.kv.namespaces.map(n => n.title).sort(),
    );
    expect(titles(prod)).toEqual(
      acme.data.kv.namespaces.map(n => n.title).sort(),
    );
    expect(titles(prod)).not.toEqual(titles(staging));
    // Each account was read once, with its own token.
    expect(acme.totalCalls()).toBeGreaterThan(0);
    expect(other.totalCalls()).toBeGreaterThan(0);
    expect(cacheKeys).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          `cloudflare:v3:${DEMO_ACCOUNT_ID}:kv.namespaces:`,
        ),
        expect.stringContaining(`cloudflare:v3:${OTHER_ID()}:kv.namespaces:`),
      ]),
    );

    // Both now cached apart: the same account by its other name is a hit, no call.
    acme.resetCalls();
    other.resetCalls();
    const again = await request(server).get(
      `${NAMESPACES}?account=${DEMO_ACCOUNT_ID}`,
    );
    expect(again.body).toEqual(prod.body);
    const stagingAgain = await request(server).get(
      `${NAMESPACES}?account=staging`,
    );
    expect(stagingAgain.body).toEqual(staging.body);
    expect(acme.totalCalls() + other.totalCalls()).toBe(0);
  });

  it('answers 400 naming the choices when none is given, and 404 for an unknown account, reading nothing', async () => {
    const { server } = await start();
    const none = await request(server).get(NAMESPACES);
    expect(none.status).toBe(400);
    expect(none.body.error).toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/account is required.*prod, staging/),
    });
    const unknown = await request(server).get(`${NAMESPACES}?account=qa`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.name).toBe('NotFoundError');
    const bad = await request(server).get(`${NAMESPACES}?account=a%20b`);
    expect(bad.status).toBe(400);
    expect(acme.totalCalls() + other.totalCalls()).toBe(0);
  });

  it('answers one account while the other is down (a breaker and budget per account)', async () => {
    const { server } = await start();
    other.addFault({ fault: { kind: 'server-error', status: 500 } });
    const staging = await request(server).get(`${NAMESPACES}?account=staging`);
    expect(staging.status).toBe(503);
    const prod = await request(server).get(`${NAMESPACES}?account=prod`);
    expect(prod.status).toBe(200);
  });

  it('shows each account on /health by config id only', async () => {
    const { server } = await start();
    await request(server).get(`${NAMESPACES}?account=staging`);
    const res = await request(server).get('/api/cloudflare/health');
    expect(res.status).toBe(200);
    expect(res.body.accounts.map((a: { id: string }) => a.id)).toEqual([
      'prod',
      'staging',
    ]);
    const staging = res.body.accounts[1];
    expect(staging.budget).toEqual({
      limit: expect.any(Number),
      remaining: expect.any(Number),
      reservedForRoutes: expect.any(Number),
      resetSeconds: expect.any(Number),
      waiting: 0,
    });
    expect(
      Object.values(staging.callsByArea as Record<string, number>).reduce(
        (a, b) => a + b,
        0,
      ),
    ).toBeGreaterThan(0);
    expect(staging.breaker).toEqual({ state: 'closed' });
    expect(res.text).not.toContain(DEMO_ACCOUNT_ID);
    expect(res.text).not.toContain(OTHER_ID());
    expect(res.text).not.toContain(DEMO_API_TOKEN);
  });

  it('lets an action pick its account with the account input', async () => {
    const registry = actionsRegistryServiceMock();
    await start([
      createServiceFactory({
        service: actionsRegistryServiceRef,
        deps: {},
        factory: () => registry,
      }),
    ]);
    const credentials = mockCredentials.user('user:default/tester');
    const { output } = await registry.invoke({
      id: 'test:read-kv-namespaces',
      input: { account: 'staging' },
      credentials,
    });
    expect(output).toMatchObject({ account: OTHER_ID() });
    await expect(
      registry.invoke({
        id: 'test:read-kv-namespaces',
        input: {},
        credentials,
      }),
    ).rejects.toThrow(/account is required/);
  });

  it("reads an entity's resources from the account its annotation names (get-entity-cloudflare-posture)", async () => {
    const registry = actionsRegistryServiceMock();
    const namespace = other.data.kv.namespaces[0];
    await start([
      createServiceFactory({
        service: actionsRegistryServiceRef,
        deps: {},
        factory: () => registry,
      }),
      catalogServiceMock.factory({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Resource',
            metadata: {
              name: 'staging-sessions',
              annotations: {
                'cloudflare.com/account-id': OTHER_ID(),
                'cloudflare.com/resource-id': namespace.id,
              },
            },
            spec: { type: 'cloudflare-kv', owner: 'team-a' },
          },
        ],
      }),
    ]);
    const { output } = await registry.invoke({
      id: 'test:get-entity-cloudflare-posture',
      input: { entity: 'resource:default/staging-sessions' },
      credentials: mockCredentials.user('user:default/tester'),
    });
    const [resource] = (output as any).resources;
    expect(resource.values).toEqual([
      expect.objectContaining({ id: namespace.id }),
    ]);
    expect(acme.totalCalls()).toBe(0);
  });

  it('names the account in an evidence snapshot, and exports for the account asked', async () => {
    const { server } = await start();
    const res = await request(server).post(
      '/api/cloudflare/v1/r2/lifecycle/export?download=json&account=staging',
    );
    expect(res.status).toBe(200);
    const doc = JSON.parse(res.text);
    expect(doc.account).toEqual({ id: OTHER_ID() });
    expect(doc.scope.account).toEqual({ id: 'staging', accountId: OTHER_ID() });
    expect(acme.totalCalls()).toBe(0);
  });

  it('assesses one account in the OSCAL export, referencing only its snapshots', async () => {
    const { server } = await start([catalogServiceMock.factory()]);
    const exported = await request(server).post(
      '/api/cloudflare/v1/r2/lifecycle/export?account=prod',
    );
    expect(exported.status).toBe(201);
    expect(
      (await request(server).get('/api/cloudflare/v1/evidence/oscal')).status,
    ).toBe(400);
    const meta = async (account: string) => {
      const res = await request(server).get(
        `/api/cloudflare/v1/evidence/oscal?account=${account}`,
      );
      expect(res.status).toBe(200);
      return res.body['assessment-results'];
    };
    const staging = await meta('staging');
    expect(staging.metadata.props).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'cloudflare-account-config-id',
          value: 'staging',
        }),
        expect.objectContaining({
          name: 'cloudflare-account-id',
          value: OTHER_ID(),
        }),
      ]),
    );
    expect(JSON.stringify(staging)).not.toContain(exported.body.sha256);
    expect(JSON.stringify(await meta('prod'))).toContain(exported.body.sha256);
  });
});
