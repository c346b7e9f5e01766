import { toHttpError } from './errors';

describe('toHttpError', () => {
  it.each([
    ['not-found', 404, /was not found/],
    ['unavailable', 503, /unavailable or timed out/],
    ['rate-limited', 503, /rate limit/],
    ['timeout', 504, /did not answer in time/],
    ['auth', 502, /refused the configured API token/],
    ['bad-response', 502, /unexpected response/],
    ['invalid-request', 400, /rejected/],
    [undefined, 503, /failed/],
  ])(
    'maps %s to %i in words of its own, never the upstream text',
    (kind, status, message) => {
      const upstream = kind
        ? Object.assign(new Error('raw upstream body SECRET'), { kind })
        : new Error('raw SECRET');
      const error = toHttpError(
        upstream,
        "Worker script 'acme-api'",
      ) as Error & {
        statusCode?: number;
        name: string;
      };
      const statusOf: Record<string, number> = {
        NotFoundError: 404,
        InputError: 400,
        ServiceUnavailableError: 503,
      };
      expect(error.statusCode ?? statusOf[error.name]).toBe(status);
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain('SECRET');
    },
  );
});
