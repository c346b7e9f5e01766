import { DEMO_ACCOUNT_ID } from './data';
import { startDemoAccountServer } from './server';
import { DEMO_API_TOKEN, DemoAccountState } from './state';

describe('rateLimitOptions', () => {
  it('scales the window, the limit and the block, and sends them as Ratelimit-Policy', async () => {
    let now = 1_700_000_000_000;
    const state = new DemoAccountState({
      rateLimit: true,
      now: () => now,
      rateLimitOptions: { calls: 3, windowSeconds: 2, blockSeconds: 1 },
    });
    expect(state.rateLimitPolicy).toEqual({
      calls: 3,
      windowSeconds: 2,
      blockSeconds: 1,
    });
    for (let i = 0; i < 3; i++)
      expect(state.consumeRateLimit('t')).toBeUndefined();
    expect(state.consumeRateLimit('t')).toBe(1);
    now += 2_000;
    expect(state.consumeRateLimit('t')).toBeUndefined();

    const server = await startDemoAccountServer({
      port: 0,
      state: new DemoAccountState({
        rateLimit: true,
        rateLimitOptions: { calls: 50, windowSeconds: 3 },
      }),
    });
    try {
      const res = await fetch(
        `${server.baseUrl}/accounts/${DEMO_ACCOUNT_ID}/workers/scripts`,
        { headers: { authorization: `Bearer ${DEMO_API_TOKEN}` } },
      );
      expect(res.headers.get('ratelimit-policy')).toBe('"default";q=50;w=3');
      expect(res.headers.get('ratelimit')).toMatch(/^"default";r=49;t=[0-3]$/);
    } finally {
      await server.close();
    }
  });

  it("keeps Cloudflare's 1,200 calls per 300 s by default", () => {
    expect(new DemoAccountState().rateLimitPolicy).toEqual({
      calls: 1200,
      windowSeconds: 300,
      blockSeconds: 300,
    });
  });
});
