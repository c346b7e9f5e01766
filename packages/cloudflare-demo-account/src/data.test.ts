import Cloudflare from 'cloudflare';
import { setupServer } from 'msw/node';
import { createScaleAccountData, DEMO_ACCOUNT_ID } from './data';
import { createDemoAccountHandlers } from './handlers';
import { DemoAccountState } from './state';
import { sdk } from './__testUtils__/sdk';

describe('scale mode', () => {
  // Scale data is stamped by the day; a fixed clock keeps two builds comparable.
  beforeEach(() =>
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2025-10-01T12:00:00Z')),
  );
  afterEach(() => jest.restoreAllMocks());

  it('is deterministic: the same seed gives the same account', () => {
    const a = createScaleAccountData({
      seed: 42,
      counts: { workers: 10_000, tokens: 50, auditLogs: 100 },
    });
    const b = createScaleAccountData({
      seed: 42,
      counts: { workers: 10_000, tokens: 50, auditLogs: 100 },
    });
    expect(a.workers.scripts).toHaveLength(10_000);
    expect(a).toEqual(b);
    const c = createScaleAccountData({ seed: 43, counts: { workers: 10 } });
    expect(c.workers.scripts[0].tag).not.toBe(a.workers.scripts[0].tag);
  });

  it('is listed by the SDK', async () => {
    const state = new DemoAccountState({
      data: createScaleAccountData({
        seed: 7,
        counts: { workers: 10_000, pages: 30 },
      }),
    });
    const server = setupServer(...createDemoAccountHandlers(state));
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const client: Cloudflare = sdk();
      const scripts = [];
      for await (const s of client.workers.scripts.list({
        account_id: DEMO_ACCOUNT_ID,
      }))
        scripts.push(s);
      expect(scripts).toHaveLength(10_000);
      expect(scripts[9_999].id).toBe('scale-worker-9999');
      const projects = [];
      for await (const p of client.pages.projects.list({
        account_id: DEMO_ACCOUNT_ID,
      }))
        projects.push(p);
      expect(projects).toHaveLength(30);
    } finally {
      server.close();
    }
  });
});
