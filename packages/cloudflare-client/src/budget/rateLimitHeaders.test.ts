import {
  parseRatelimit,
  parseRatelimitPolicy,
  parseRetryAfter,
} from './rateLimitHeaders';

describe('rate-limit headers', () => {
  it("reads Cloudflare's Ratelimit field", () => {
    expect(parseRatelimit('"default";r=12;t=30')).toEqual({
      remaining: 12,
      resetSeconds: 30,
    });
    expect(parseRatelimit('"default"; t=5; r=0')).toEqual({
      remaining: 0,
      resetSeconds: 5,
    });
    // The first policy item only.
    expect(parseRatelimit('"default";r=1;t=2, "other";r=9;t=9')).toEqual({
      remaining: 1,
      resetSeconds: 2,
    });
    expect(parseRatelimit('"default";r=12')).toBeUndefined();
    expect(parseRatelimit('"default";r=-1;t=3')).toBeUndefined();
    expect(parseRatelimit(null)).toBeUndefined();
  });

  it("reads Cloudflare's Ratelimit-Policy field", () => {
    expect(parseRatelimitPolicy('"default";q=1200;w=300')).toEqual({
      quota: 1200,
      windowSeconds: 300,
    });
    expect(parseRatelimitPolicy('"default";q=0;w=300')).toBeUndefined();
    expect(parseRatelimitPolicy('"default";q=10')).toBeUndefined();
    expect(parseRatelimitPolicy(undefined)).toBeUndefined();
  });

  it('reads Retry-After in seconds or as a date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('300', now)).toBe(300);
    expect(parseRetryAfter('1.2', now)).toBe(2);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:00 GMT', now)).toBe(60);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
