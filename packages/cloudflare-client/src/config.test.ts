import { ConfigReader } from '@backstage/config';
import { expectConfigFailure } from './__testUtils__/configFailure';
import {
  CloudflareConfigError,
  checkApiBaseUrl,
  readCloudflareClientConfig,
} from './config';

const TOKEN = 'secret-token-value-0123456789abcdef';
const base = { accountId: '0f1e2d3c4b5a69788796a5b4c3d2e1f0', apiToken: TOKEN };
const read = (cloudflare: unknown) =>
  readCloudflareClientConfig(new ConfigReader({ cloudflare } as any));

const failsAt = (cloudflare: unknown, key: string) =>
  expectConfigFailure(() => read(cloudflare), key, [TOKEN]);

describe('readCloudflareClientConfig', () => {
  it('reads the keys with defaults', () => {
    const c = read(base);
    expect(c).toMatchObject({
      ...base,
      timeoutMs: 15000,
      maxRetries: 3,
      backoff: 'jitter',
      apiBaseUrl: 'https://api.cloudflare.com/client/v4',
      ciRunUrl: { allowQueryHosts: [] },
    });
    expect(c.redaction.highEntropyMinLength).toBe(20);
  });

  it('reads every optional key', () => {
    const c = read({
      ...base,
      apiBaseUrl: 'http://127.0.0.1:8787/client/v4/',
      fetch: { timeoutMs: 2000, maxRetries: 0, backoff: 'jitter' },
      redaction: {
        keyNamePatterns: ['^LICENSE$'],
        valuePatterns: ['^acme-'],
        highEntropyMinLength: 32,
      },
    });
    expect(c).toMatchObject({
      apiBaseUrl: 'http://127.0.0.1:8787/client/v4',
      timeoutMs: 2000,
      maxRetries: 0,
    });
    expect(c.redaction.keyNamePatterns.some(p => p.test('license'))).toBe(true);
    expect(c.redaction.keyNamePatterns.some(p => p.test('API_KEY'))).toBe(true);
    expect(c.redaction.valuePatterns.some(p => p.test('acme-x'))).toBe(true);
    expect(c.redaction.highEntropyMinLength).toBe(32);
  });

  it('fails at start-up naming the key, never the token', () => {
    expect(() => readCloudflareClientConfig(new ConfigReader({}))).toThrow(
      /'cloudflare'/,
    );
    failsAt({ apiToken: TOKEN }, 'cloudflare.accountId');
    failsAt({ ...base, accountId: 'acme' }, 'cloudflare.accountId');
    failsAt({ ...base, accountId: 42 }, 'cloudflare.accountId');
    failsAt({ accountId: base.accountId }, 'cloudflare.apiToken');
    failsAt({ ...base, apiToken: `${TOKEN} x` }, 'cloudflare.apiToken');
    failsAt({ ...base, apiToken: 123456789 }, 'cloudflare.apiToken');
    failsAt({ ...base, apiBaseUrl: 'ftp://x' }, 'cloudflare.apiBaseUrl');
    failsAt({ ...base, apiBaseUrl: 'not a url' }, 'cloudflare.apiBaseUrl');
    failsAt(
      { ...base, fetch: { timeoutMs: -1 } },
      'cloudflare.fetch.timeoutMs',
    );
    failsAt(
      { ...base, fetch: { timeoutMs: 'soon' } },
      'cloudflare.fetch.timeoutMs',
    );
    failsAt(
      { ...base, fetch: { maxRetries: 1.5 } },
      'cloudflare.fetch.maxRetries',
    );
    failsAt(
      { ...base, fetch: { backoff: 'linear' } },
      'cloudflare.fetch.backoff',
    );
    failsAt(
      { ...base, redaction: { keyNamePatterns: ['('] } },
      'cloudflare.redaction.keyNamePatterns[0]',
    );
    failsAt(
      { ...base, redaction: { highEntropyMinLength: 1 } },
      'cloudflare.redaction.highEntropyMinLength',
    );
  });

  it('accepts https, and plain http only on a loopback host', () => {
    for (const ok of [
      'https://api.cloudflare.com/client/v4',
      'https://cf-proxy.acme.example/client/v4/',
      'http://127.0.0.1:8787/client/v4',
      'http://127.10.0.3/client/v4',
      'http://localhost:8787/client/v4',
      'http://[::1]:8787/client/v4',
    ])
      expect(read({ ...base, apiBaseUrl: ok }).apiBaseUrl).toBe(
        ok.replace(/\/$/, ''),
      );
  });

  it('refuses a base URL that is plain http off loopback, carries userinfo, a query or a fragment', () => {
    for (const bad of [
      'http://api.cloudflare.com/client/v4',
      'http://10.0.0.8/client/v4',
      'http://127.0.0.1.evil.example/client/v4',
      'http://localhost.evil.example/client/v4',
      'https://ops:hunter2-pass@api.cloudflare.com/client/v4',
      'https://ops@api.cloudflare.com/client/v4',
      'http://ops:hunter2-pass@127.0.0.1:8787/client/v4',
      'https://api.cloudflare.com/client/v4?token=x',
      'https://api.cloudflare.com/client/v4#x',
    ]) {
      failsAt({ ...base, apiBaseUrl: bad }, 'cloudflare.apiBaseUrl');
      expect(() => checkApiBaseUrl(bad)).toThrow(CloudflareConfigError);
      // The message names the key, never the URL or a part of it.
      expect(() => checkApiBaseUrl(bad)).toThrow(
        /^(?![\s\S]*(hunter2|ops|evil|api\.cloudflare\.com))/,
      );
    }
  });

  it('reads cloudflare.provenance.ciRunUrl.allowQueryHosts', () => {
    expect(
      read({
        ...base,
        provenance: { ciRunUrl: { allowQueryHosts: ['CI.Acme.example'] } },
      }).ciRunUrl,
    ).toEqual({ allowQueryHosts: ['ci.acme.example'] });
    failsAt(
      {
        ...base,
        provenance: { ciRunUrl: { allowQueryHosts: ['https://ci.example/'] } },
      },
      'cloudflare.provenance.ciRunUrl.allowQueryHosts[0]',
    );
  });
});
