import { ConfigReader } from '@backstage/config';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import { DEMO_ACCOUNT_ID, DEMO_API_TOKEN } from '@cloudflare-backstage/cloudflare-demo-account';
import { TEST_BASE_URL, demoFetch, demoState } from '../__testUtils__/demo';
import { ClientCatalogReader } from './reader';

function reader(intercept?: (url: string) => Response | undefined) {
  const state = demoState();
  const inner = demoFetch(state);
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) =>
    intercept?.(String(input instanceof Request ? input.url : input)) ?? inner(input, init)) as typeof globalThis.fetch;
  const client = CloudflareClient.fromConfig(
    new ConfigReader({
      cloudflare: { accountId: DEMO_ACCOUNT_ID, apiToken: DEMO_API_TOKEN, apiBaseUrl: TEST_BASE_URL, fetch: { maxRetries: 0 } },
    }),
    { fetch },
  );
  return { state, reader: new ClientCatalogReader(client) };
}

const forbidden = () =>
  new Response(JSON.stringify({ success: false, errors: [{ code: 10000, message: 'Authentication error' }], messages: [], result: null }), {
    status: 403,
    headers: { 'content-type': 'application/json' },
  });

describe('ClientCatalogReader', () => {
  it('leaves out the last audit event when the token may not read audit logs', async () => {
    const { reader: r } = reader(url => (url.includes('/logs/audit') ? forbidden() : undefined));
    const posture = await r.readZeroTrust();
    expect(posture).toEqual({ authProviders: ['github', 'okta', 'onetimepin'], policyCount: 12, applicationCount: 8 });
  });

  it('fails the area on other audit-log errors', async () => {
    const { reader: r, state } = reader();
    state.addFault({ route: '/logs/audit', fault: { kind: 'server-error', status: 500 } });
    await expect(r.readZeroTrust()).rejects.toThrow(/unavailable/);
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
      { type: 'kv_namespace', name: 'SESSIONS', namespaceId: '2c3d4e5f6a7b48c9d0e1f2a3b4c5d6e7' },
      { type: 'd1', name: 'DB', databaseId: 'd1-id' },
      { type: 'r2_bucket', name: 'ASSETS', bucketName: 'acme-assets' },
      { type: 'queue', name: 'EVENTS', queueName: 'acme-events' },
    ]);
  });
});
