import request from 'supertest';
import { ConfigReader } from '@backstage/config';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import { DEMO_API_TOKEN_WITHOUT_ANALYTICS } from '@cloudflare-backstage/cloudflare-demo-account';
import { useDemoBackend } from '../__testUtils__/harness';

/*
 * What only Durable Objects routes do: object counts as a lower bound beyond the client's budget,
 * and metrics that say "not exposed" (200, a clear field) when the token may not read analytics.
 * Permissions, both views, the 404, bad inputs and secret canaries are checked for every route by
 * ./index.test.ts.
 */

jest.setTimeout(60_000);

const { demo, config, start } = useDemoBackend();

const CLASSES = '/api/cloudflare/v1/durable-objects/classes';
const metricsOf = (c: string) =>
  `/api/cloudflare/v1/durable-objects/${c}/metrics`;

describe('Durable Objects routes (the real client against the demo account)', () => {
  it("lists the client's classes, SessionCoordinator's count as at least 2,000", async () => {
    const { server } = await start();
    const res = await request(server).get(CLASSES);
    const client = CloudflareClient.fromConfig(new ConfigReader(config()));
    expect(res.body.items).toEqual(await client.durableObjects.listClasses());
    expect(res.body.items[0]).toMatchObject({
      class: 'SessionCoordinator',
      script: 'acme-session',
      storage: 'sqlite',
      objects: { count: 2000, complete: false },
    });
  });

  it("answers a class's last 24 hours from one GraphQL query", async () => {
    const { server } = await start();
    demo.state.resetCalls();
    const res = await request(server).get(metricsOf('ChatRoom'));
    expect(res.status).toBe(200);
    expect(res.body.item).toMatchObject({
      class: 'ChatRoom',
      scripts: ['acme-chat'],
      exposed: true,
      requests: 41_200,
      errors: 1_310,
      webSocketMessagesIn: 310_000,
      storedBytes: 6_815_744,
    });
    expect(demo.state.callCounts()['POST /graphql']).toBe(1);
  });

  it('answers 200 with exposed: false and the reason when the token may not read analytics', async () => {
    const { server } = await start({
      cloudflare: { apiToken: DEMO_API_TOKEN_WITHOUT_ANALYTICS },
    });
    const res = await request(server).get(metricsOf('SessionCoordinator'));
    expect(res.status).toBe(200);
    expect(res.body.item).toEqual({
      class: 'SessionCoordinator',
      namespaceIds: ['b4c3d2e1f0a94b8c7d6e5f4a3b2c1d0e'],
      scripts: ['acme-session'],
      storage: 'sqlite',
      from: expect.any(String),
      to: expect.any(String),
      exposed: false,
      notExposedReason:
        'Cloudflare does not expose these analytics to the API token: it lacks the Account Analytics Read permission.',
    });
  });

  it('answers 502 JSON when GraphQL Analytics is down, not "not exposed"', async () => {
    const { server } = await start();
    demo.state.addFault({ route: '/graphql', fault: { kind: 'server-error' } });
    const res = await request(server).get(metricsOf('RateLimiter'));
    expect(res.status).toBeGreaterThanOrEqual(502);
    expect(res.type).toBe('application/json');
    expect(JSON.stringify(res.body)).not.toContain('exposed');
  });
});
