import { ConfigReader } from '@backstage/config';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import {
  DEMO_ACCOUNT_ID,
  DEMO_API_TOKEN,
  DemoAccountState,
  createScaleAccountData,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { TEST_BASE_URL, demoFetch, demoState } from '../__testUtils__/demo';
import { ClientCatalogReader } from './reader';

function reader(
  intercept?: (url: string) => Response | undefined,
  state: DemoAccountState = demoState(),
) {
  const inner = demoFetch(state);
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) =>
    intercept?.(String(input instanceof Request ? input.url : input)) ??
    inner(input, init)) as typeof globalThis.fetch;
  const client = CloudflareClient.fromConfig(
    new ConfigReader({
      cloudflare: {
        accountId: DEMO_ACCOUNT_ID,
        apiToken: DEMO_API_TOKEN,
        apiBaseUrl: TEST_BASE_URL,
        fetch: { maxRetries: 0 },
      },
    }),
    { fetch },
  );
  return { state, reader: new ClientCatalogReader(client) };
}

const forbidden = () =>
  new Response(
    JSON.stringify({
      success: false,
      errors: [{ code: 10000, message: 'Authentication error' }],
      messages: [],
      result: null,
    }),
    {
      status: 403,
      headers: { 'content-type': 'application/json' },
    },
  );

describe('ClientCatalogReader', () => {
  it('leaves out the last audit event when the token may not read audit logs', async () => {
    const { reader: r } = reader(url =>
      url.includes('/logs/audit') ? forbidden() : undefined,
    );
    const posture = await r.readZeroTrust();
    expect(posture).toEqual({
      authProviders: ['github', 'okta', 'onetimepin'],
      policyCount: 12,
      applicationCount: 8,
    });
  });

  it('fails the area on other audit-log errors', async () => {
    const { reader: r, state } = reader();
    state.addFault({
      route: '/logs/audit',
      fault: { kind: 'server-error', status: 500 },
    });
    await expect(r.readZeroTrust()).rejects.toThrow(/unavailable/);
  });

  it('reads a cold account of Workers in three calls per script and one Workers Builds call per 20 scripts', async () => {
    const workers = 45;
    const { reader: r, state } = reader(
      undefined,
      new DemoAccountState({
        data: createScaleAccountData({
          seed: 7,
          counts: { workers, pages: 0 },
        }),
      }),
    );
    const read = await r.readWorkers();
    expect(read).toHaveLength(workers);
    const calls = state.callCounts();
    const route = (path: string) =>
      calls[`GET /accounts/:account_id${path}`] ?? 0;
    expect(route('/workers/scripts')).toBe(1);
    expect(route('/workers/scripts/:script_name/settings')).toBe(workers);
    expect(route('/workers/scripts/:script_name/deployments')).toBe(workers);
    expect(route('/workers/scripts/:script_name/versions')).toBe(workers);
    // one id per script unless a gradual deployment serves two versions
    expect(route('/builds/builds')).toBeGreaterThanOrEqual(
      Math.ceil(workers / 20),
    );
    expect(route('/builds/builds')).toBeLessThanOrEqual(
      Math.ceil((2 * workers) / 20),
    );
    expect(r.calls()).toBe(Object.values(calls).reduce((a, b) => a + b, 0));
  });

  it('reads every production binding kind of a Pages project', async () => {
    const { reader: r, state } = reader();
    const project = state.data.pages.projects[0];
    Object.assign(project.deployment_configs.production, {
      d1_databases: { DB: { id: 'd1-id' } },
      r2_buckets: { ASSETS: { name: 'acme-assets' } },
      queue_producers: { EVENTS: { name: 'acme-events' } },
    });
    const [web] = await r.readPages();
    expect(web.bindings).toEqual([
      {
        type: 'kv_namespace',
        name: 'SESSIONS',
        namespaceId: '2c3d4e5f6a7b48c9d0e1f2a3b4c5d6e7',
      },
      { type: 'd1', name: 'DB', databaseId: 'd1-id' },
      { type: 'r2_bucket', name: 'ASSETS', bucketName: 'acme-assets' },
      { type: 'queue', name: 'EVENTS', queueName: 'acme-events' },
    ]);
  });
});
