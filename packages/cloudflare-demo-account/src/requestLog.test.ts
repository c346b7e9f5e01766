import { DEMO_ACCOUNT_ID } from './data';
import { demoRouteOf, isAccountLevelRoute } from './requestLog';
import { DemoAccountServer, startDemoAccountServer } from './server';
import { DEMO_API_TOKEN } from './state';

describe('demoRouteOf and isAccountLevelRoute', () => {
  const base = `/client/v4/accounts/${DEMO_ACCOUNT_ID}`;
  it('finds the route of a path and tells account-wide routes from per-resource ones', () => {
    const list = demoRouteOf('GET', `${base}/workers/scripts`);
    const detail = demoRouteOf('GET', `${base}/workers/scripts/x/settings`);
    expect(list?.path).toBe('/accounts/:account_id/workers/scripts');
    expect(detail?.path).toBe(
      '/accounts/:account_id/workers/scripts/:script_name/settings',
    );
    expect(isAccountLevelRoute(list!)).toBe(true);
    expect(isAccountLevelRoute(detail!)).toBe(false);
    expect(
      isAccountLevelRoute(demoRouteOf('POST', '/client/v4/graphql')!),
    ).toBe(true);
    expect(demoRouteOf('GET', '/client/v4/nothing/here')).toBeUndefined();
  });
});

describe('recordRequests', () => {
  let server: DemoAccountServer;
  beforeAll(async () => {
    server = await startDemoAccountServer({ port: 0, recordRequests: true });
  });
  afterAll(() => server.close());

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${server.baseUrl}/accounts/${DEMO_ACCOUNT_ID}${path}`, {
      headers: { authorization: `Bearer ${DEMO_API_TOKEN}`, ...headers },
    }).then(r => r.status);

  it('counts requests by status and by distinct URL', async () => {
    expect(await get('/workers/scripts')).toBe(200);
    expect(await get('/workers/scripts')).toBe(200);
    expect(await get('/workers/scripts?page=2')).toBe(200);
    expect(
      await get('/pages/projects', { 'cf-demo-fault': 'rate-limit:3' }),
    ).toBe(429);
    const log = server.requestLog();
    expect(log.total()).toBe(4);
    expect(log.withStatus(429)).toBe(1);
    expect(log.byStatus()).toEqual({ '200': 3, '429': 1 });
    expect(log.byUrl().size).toBe(3);
    expect(
      log
        .byUrl()
        .get(`GET /client/v4/accounts/${DEMO_ACCOUNT_ID}/workers/scripts`),
    ).toBe(2);
    log.reset();
    expect(log.total()).toBe(0);
  });
});
