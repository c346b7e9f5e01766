import { responseError } from '../../testUtils';
import {
  isUpstreamUnavailable,
  parseRetryAfter,
  retryAfterSecondsOf,
} from './upstream';

const NOW = Date.parse('2026-12-05T04:00:00.000Z');

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates, and nothing else', () => {
    expect(parseRetryAfter('30', NOW)).toBe(30);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter('Sat, 05 Dec 2026 04:02:00 GMT', NOW)).toBe(120);
    // A date already past means "now", never a negative wait.
    expect(parseRetryAfter('Sat, 05 Dec 2026 03:00:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
  });
});

describe('retryAfterSecondsOf', () => {
  it('prefers the Retry-After header of a 503', async () => {
    const error = await responseError(
      503,
      'ServiceUnavailableError',
      'Cloudflare is unavailable; retry after 99 s',
      { 'retry-after': '45' },
    );
    expect(isUpstreamUnavailable(error)).toBe(true);
    expect(retryAfterSecondsOf(error, NOW)).toBe(45);
  });

  it('falls back to the message when the header is not readable (CORS)', async () => {
    const error = await responseError(
      503,
      'ServiceUnavailableError',
      'Cloudflare rate limit reached while reading x; retry after 12 s',
    );
    expect(retryAfterSecondsOf(error, NOW)).toBe(12);
  });

  it('knows nothing of other errors', async () => {
    const error = await responseError(500, 'Error', 'boom');
    expect(isUpstreamUnavailable(error)).toBe(false);
    expect(retryAfterSecondsOf(error, NOW)).toBeUndefined();
    expect(isUpstreamUnavailable(undefined)).toBe(false);
  });
});
