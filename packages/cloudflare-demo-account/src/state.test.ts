import Cloudflare from 'cloudflare';
import { sdk, useDemoAccount } from './__testUtils__/sdk';
import { DemoAccountState, DEMO_API_TOKEN } from './state';

const clock = { now: 1_700_000_000_000 };

describe('rate limit', () => {
  const demo = useDemoAccount({
    rateLimit: true,
    now: () => clock.now,
    tokens: [DEMO_API_TOKEN, 'other-token'],
  });
  const account_id = demo.account_id;

  beforeEach(() => {
    clock.now = 1_700_000_000_000;
  });

  it('allows 1,200 calls in 5 minutes per token, then 429s every call for 5 minutes', () => {
    const state = new DemoAccountState({
      rateLimit: true,
      now: () => clock.now,
    });
    for (let i = 0; i < 1200; i++)
      expect(state.consumeRateLimit('t')).toBeUndefined();
    expect(state.consumeRateLimit('t')).toBe(300);
    expect(state.consumeRateLimit('u')).toBeUndefined();
    clock.now += 4 * 60_000;
    expect(state.consumeRateLimit('t')).toBe(60);
    clock.now += 60_000;
    expect(state.consumeRateLimit('t')).toBeUndefined();
  });

  it('starts a new window after 5 minutes', () => {
    const state = new DemoAccountState({
      rateLimit: true,
      now: () => clock.now,
    });
    for (let i = 0; i < 1100; i++) state.consumeRateLimit('t');
    clock.now += 5 * 60_000;
    for (let i = 0; i < 1200; i++)
      expect(state.consumeRateLimit('t')).toBeUndefined();
  });

  it('answers 429 with Retry-After to every route once over the limit, and counts calls per route', async () => {
    for (let i = 0; i < 1200; i++)
      expect(demo.state.consumeRateLimit(DEMO_API_TOKEN)).toBeUndefined();
    const err = await sdk()
      .workers.scripts.list({ account_id })
      .catch(e => e);
    expect(err).toBeInstanceOf(Cloudflare.RateLimitError);
    expect(err.headers.get('retry-after')).toBe('300');
    await expect(sdk().user.tokens.verify()).rejects.toBeInstanceOf(
      Cloudflare.RateLimitError,
    );
    clock.now += 2 * 60_000;
    const later = await sdk()
      .pages.projects.list({ account_id })
      .catch(e => e);
    expect(later.headers.get('retry-after')).toBe('180');
    // Another token has its own budget.
    await expect(
      sdk({ token: 'other-token' }).user.tokens.verify(),
    ).resolves.toBeDefined();
    clock.now += 3 * 60_000;
    await expect(sdk().user.tokens.verify()).resolves.toBeDefined();
    expect(demo.state.callCounts()).toMatchObject({
      'GET /accounts/:account_id/workers/scripts': 1,
      'GET /user/tokens/verify': 3,
      'GET /accounts/:account_id/pages/projects': 1,
    });
  });

  it('sends Ratelimit headers on answers', async () => {
    const { response } = await sdk().user.tokens.verify().withResponse();
    expect(response.headers.get('ratelimit')).toBe('"default";r=1199;t=300');
    expect(response.headers.get('ratelimit-policy')).toBe(
      '"default";q=1200;w=300',
    );
  });
});
