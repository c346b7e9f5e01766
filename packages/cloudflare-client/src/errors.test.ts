import {
  APIConnectionError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  RateLimitError,
  UnprocessableEntityError,
} from 'cloudflare';
import {
  CloudflareApiError,
  isCloudflareApiError,
  toCloudflareApiError,
} from './errors';

const TOKEN = 'tok-0123456789abcdef0123456789';
const headers = (h: Record<string, string> = {}) => new Headers(h);

describe('toCloudflareApiError', () => {
  it('classifies SDK errors', () => {
    const body = (code: number, message: string) => ({
      errors: [{ code, message }],
    });
    expect(
      toCloudflareApiError(
        new AuthenticationError(
          401,
          body(1000, 'Invalid API Token'),
          undefined,
          headers(),
        ),
        'op',
      ).kind,
    ).toBe('auth');
    expect(
      toCloudflareApiError(
        new BadRequestError(
          400,
          body(9106, 'Missing headers'),
          undefined,
          headers(),
        ),
        'op',
      ).kind,
    ).toBe('auth');
    expect(
      toCloudflareApiError(
        new BadRequestError(400, body(7400, 'bad'), undefined, headers()),
        'op',
      ).kind,
    ).toBe('invalid-request');
    expect(
      toCloudflareApiError(
        new UnprocessableEntityError(422, body(1, 'x'), undefined, headers()),
        'op',
      ).kind,
    ).toBe('invalid-request');
    const rl = toCloudflareApiError(
      new RateLimitError(
        429,
        body(10429, 'slow'),
        undefined,
        headers({ 'retry-after': '7' }),
      ),
      'op',
    );
    expect(rl).toMatchObject({ kind: 'rate-limited', retryAfterSeconds: 7 });
    const when = new Date(Date.now() + 3000).toUTCString();
    expect(
      toCloudflareApiError(
        new RateLimitError(
          429,
          {},
          undefined,
          headers({ 'retry-after': when }),
        ),
        'op',
      ).retryAfterSeconds,
    ).toBeLessThanOrEqual(3);
    expect(
      toCloudflareApiError(
        new RateLimitError(
          429,
          {},
          undefined,
          headers({ 'retry-after': 'soon' }),
        ),
        'op',
      ).retryAfterSeconds,
    ).toBeUndefined();
    expect(
      toCloudflareApiError(
        new InternalServerError(502, {}, undefined, headers()),
        'op',
      ).kind,
    ).toBe('unavailable');
    expect(
      toCloudflareApiError(
        new InternalServerError(418 as any, {}, undefined, headers()),
        'op',
      ).kind,
    ).toBe('bad-response');
    expect(
      toCloudflareApiError(new APIConnectionError({ message: 'x' }), 'op').kind,
    ).toBe('unavailable');
    expect(toCloudflareApiError(new APIUserAbortError(), 'op').kind).toBe(
      'unavailable',
    );
    expect(
      toCloudflareApiError(new SyntaxError('Unexpected token'), 'op').kind,
    ).toBe('bad-response');
    expect(toCloudflareApiError(new TypeError('boom'), 'op').kind).toBe(
      'bad-response',
    );
    expect(toCloudflareApiError('weird', 'op').kind).toBe('bad-response');
  });

  it("keeps Cloudflare's error text out of the error, only its codes and the status", () => {
    const err = toCloudflareApiError(
      new AuthenticationError(
        401,
        {
          errors: [
            {
              code: 1000,
              message: `Invalid token ${TOKEN} for alice@acme.example`,
            },
          ],
        },
        undefined,
        headers({ authorization: `Bearer ${TOKEN}` }),
      ),
      'workers.listScripts',
      [TOKEN],
    );
    expect(err.message).toBe(
      'Cloudflare workers.listScripts failed: auth (HTTP 401) - Cloudflare code 1000',
    );
    expect(err.cloudflareErrors).toEqual([{ code: 1000 }]);
    const json = JSON.stringify(err);
    for (const leaked of [TOKEN, 'Invalid token', 'alice@acme.example'])
      expect(json + err.message).not.toContain(leaked);
    expect((err as any).cause).toBeUndefined();
    expect(toCloudflareApiError(err, 'other')).toBe(err);
    expect(isCloudflareApiError(err)).toBe(true);
    expect(isCloudflareApiError({ name: 'CloudflareApiError' })).toBe(true);
    expect(isCloudflareApiError(new Error('x'))).toBe(false);
    expect(
      new CloudflareApiError({ kind: 'unavailable', operation: 'x' }).toJSON(),
    ).toMatchObject({ kind: 'unavailable' });
  });

  it('drops the text of errors built by hand too', () => {
    const err = new CloudflareApiError({
      kind: 'invalid-request',
      operation: 'x',
      status: 400,
      cloudflareErrors: [
        { code: 7003, message: 'Could not route to /x?q=secret' } as any,
      ],
    });
    expect(err.message).not.toContain('Could not route');
    expect(JSON.stringify(err)).not.toContain('Could not route');
  });
});
