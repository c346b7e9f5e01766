import { ConfigReader } from '@backstage/config';
import { ALL_SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import { CloudflareClient } from './CloudflareClient';
import { CloudflareApiError } from './errors';
import { DEFAULT_REDACTION_RULES } from './redaction';
import {
  DEMO_ACCOUNT_ID,
  DEMO_API_TOKEN,
  TEST_BASE_URL,
  demoClient,
  useDemoAccount,
  failure,
} from './__testUtils__/demo';

/** Asserts an error carries no token, no header and no canary, in its message or its JSON. */
function expectClean(err: unknown, token = DEMO_API_TOKEN) {
  expect(err).toBeInstanceOf(CloudflareApiError);
  const texts = [
    String((err as Error).message),
    JSON.stringify(err),
    String((err as Error).stack),
  ];
  for (const t of texts) {
    expect(t).not.toContain(token);
    expect(t.toLowerCase()).not.toContain('authorization');
    expect(t.toLowerCase()).not.toContain('bearer');
    for (const c of ALL_SECRET_CANARIES) expect(t).not.toContain(c);
  }
}

describe('CloudflareClient', () => {
  const demo = useDemoAccount();

  it('is built from config', async () => {
    const client = CloudflareClient.fromConfig(
      new ConfigReader({
        cloudflare: {
          accountId: DEMO_ACCOUNT_ID,
          apiToken: DEMO_API_TOKEN,
          apiBaseUrl: TEST_BASE_URL,
          fetch: { maxRetries: 0 },
        },
      }),
    );
    expect(client.accountId).toBe(DEMO_ACCOUNT_ID);
    expect((await client.workers.listScripts()).length).toBeGreaterThan(0);
  });

  describe('transport and errors', () => {
    it('honours 429 Retry-After, then succeeds (header knob)', async () => {
      const client = demoClient({
        maxRetries: 2,
        defaultHeaders: { 'cf-demo-fault': 'rate-limit:1' },
      });
      // The header makes every request fail: the retries run out and the error says rate-limited.
      const started = Date.now();
      const err = await failure(client.workers.listScripts());
      expect(err.kind).toBe('rate-limited');
      expect(err.retryAfterSeconds).toBe(1);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1900); // two waits of Retry-After: 1
      expect(client.stats()).toMatchObject({
        calls: 3,
        retries: 2,
        errorsByKind: { 'rate-limited': 1 },
      });
      expectClean(err);
    }, 15_000);

    it('honours 429 Retry-After, then succeeds (state knob)', async () => {
      demo.state.addFault({
        route: '/workers/scripts',
        fault: { kind: 'rate-limit', retryAfterSeconds: 1 },
        times: 1,
      });
      const client = demoClient({ maxRetries: 3 });
      const started = Date.now();
      const scripts = await client.workers.listScripts();
      expect(scripts.length).toBeGreaterThan(0);
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
      expect(client.stats()).toMatchObject({
        calls: 2,
        retries: 1,
        callsByArea: { workers: 2 },
      });
    }, 15_000);

    it('maps 5xx after the retries to unavailable', async () => {
      demo.state.addFault({
        route: '/pages/projects',
        fault: { kind: 'server-error', status: 503 },
      });
      const client = demoClient({ maxRetries: 1 });
      const err = await failure(client.pages.listProjects());
      expect(err).toMatchObject({
        kind: 'unavailable',
        status: 503,
        operation: 'pages.listProjects',
      });
      expect(err.cloudflareErrors[0].code).toBe(10001);
      expect(client.stats().calls).toBe(2);
      expectClean(err);
    }, 15_000);

    it('maps a hang past the timeout to timeout', async () => {
      demo.state.addFault({ route: '/access/apps', fault: { kind: 'hang' } });
      const err = await failure(
        demoClient({ timeoutMs: 200 }).zeroTrust.listApplications(),
      );
      expect(err.kind).toBe('timeout');
      expect(err.message).toContain('timed out');
      expectClean(err);
    });

    it('maps a 200 with a non-JSON body to bad-response (SDK and generic get)', async () => {
      demo.state.addFault({
        route: '/user/tokens',
        fault: { kind: 'malformed-json' },
      });
      const err = await failure(
        demoClient({ maxRetries: 2 }).tokens.listUserTokens(),
      );
      expect(err.kind).toBe('bad-response');
      demo.state.addFault({
        route: '/logs/audit',
        fault: { kind: 'malformed-json' },
      });
      const err2 = await failure(
        demoClient().auditLogs.list({
          since: '2020-01-01',
          before: '2030-01-01',
        }),
      );
      expect(err2.kind).toBe('bad-response');
      expectClean(err2);
    });

    it('maps a body of the wrong shape to bad-response naming only the path', async () => {
      const client = demoClient({
        fetch: async () =>
          new Response(
            JSON.stringify({
              success: true,
              errors: [],
              messages: [],
              result: [{ id: 42, secret: ALL_SECRET_CANARIES[0] }],
            }),
            {
              headers: { 'content-type': 'application/json' },
            },
          ),
      });
      const err = await failure(client.workers.listScripts());
      expect(err.kind).toBe('bad-response');
      expect(err.message).toContain('id');
      expectClean(err);
    });

    it('fails the whole list when a page fails mid-pagination', async () => {
      demo.state.addFault({
        route: '/workers/scripts/acme-api/versions',
        fault: { kind: 'fail-page', page: 2 },
      });
      demo.state.data.workers.versions['acme-api'] = [
        ...demo.state.data.workers.versions['acme-api'],
        ...Array.from({ length: 100 }, (_, i) => ({
          ...demo.state.data.workers.versions['acme-api'][0],
          id: `extra-${i}`,
        })),
      ];
      const err = await failure(demoClient().workers.listVersions('acme-api'));
      expect(err).toMatchObject({ kind: 'unavailable', status: 500 });
      demo.state.clearFaults();
      demo.state.addFault({
        route: '/pages/projects/acme-web/deployments',
        fault: { kind: 'fail-page', page: 2 },
      });
      await expect(
        demoClient().pages.listDeployments('acme-web'),
      ).rejects.toMatchObject({ kind: 'unavailable' });
      demo.state.addFault({
        route: '/access/users',
        fault: { kind: 'fail-page', page: 2 },
      });
      await expect(demoClient().zeroTrust.listUsers()).rejects.toMatchObject({
        kind: 'unavailable',
      });
    });

    it('maps a wrong token to auth, without the token', async () => {
      const token = 'CANARY-wrong-token-abcdef0123456789abcdef';
      const client = demoClient({ token });
      for (const p of [
        client.workers.listScripts(),
        client.pages.listProjects(),
        client.zeroTrust.listUsers(),
        client.auditLogs.list({ since: '2020-01-01', before: '2030-01-01' }),
        client.tokens.listUserTokens(),
      ]) {
        const err = await failure(p);
        expect(err.kind).toBe('auth');
        expectClean(err, token);
      }
      expect(client.stats().errorsByKind).toEqual({ auth: 5 });
    });

    it('maps another account to auth (403)', async () => {
      const err = await failure(
        demoClient({ accountId: 'f'.repeat(32) }).workers.listScripts(),
      );
      expect(err).toMatchObject({ kind: 'auth', status: 403 });
    });

    it('counts calls per area and resets', async () => {
      const client = demoClient();
      await client.workers.listScripts();
      await client.pages.listDeployments('acme-docs');
      await client.zeroTrust.listIdentityProviders();
      expect(client.stats().callsByArea).toEqual({
        workers: 1,
        pages: 2,
        zeroTrust: 2,
      });
      expect(client.stats().calls).toBe(5);
      client.resetStats();
      expect(client.stats().calls).toBe(0);
    });
  });

  describe('base URL', () => {
    const saved = process.env.CLOUDFLARE_BASE_URL;
    afterEach(() => {
      if (saved === undefined) delete process.env.CLOUDFLARE_BASE_URL;
      else process.env.CLOUDFLARE_BASE_URL = saved;
    });

    it('never takes CLOUDFLARE_BASE_URL from the environment', async () => {
      process.env.CLOUDFLARE_BASE_URL = 'https://cf-base-url.evil.example/v4';
      const seen: string[] = [];
      const client = CloudflareClient.fromConfig(
        new ConfigReader({
          cloudflare: {
            accountId: DEMO_ACCOUNT_ID,
            apiToken: DEMO_API_TOKEN,
            fetch: { maxRetries: 0 },
          },
        }),
        {
          // Records where the SDK sends the request, then refuses it: nothing leaves the machine.
          fetch: async url => {
            seen.push(String(url));
            throw new TypeError('offline');
          },
        },
      );
      await expect(client.workers.listScripts()).rejects.toMatchObject({
        kind: 'unavailable',
      });
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatch(/^https:\/\/api\.cloudflare\.com\/client\/v4\//);
    });

    it('refuses a bad base URL given to the constructor, naming the key only', () => {
      expect(
        () =>
          new CloudflareClient({
            accountId: DEMO_ACCOUNT_ID,
            apiToken: DEMO_API_TOKEN,
            apiBaseUrl: 'http://ops:hunter2@api.evil.example/client/v4',
            timeoutMs: 1000,
            maxRetries: 0,
            backoff: 'jitter',
            redaction: DEFAULT_REDACTION_RULES,
          }),
      ).toThrow(
        /^Invalid Cloudflare configuration at 'cloudflare\.apiBaseUrl': [^:@]*$/,
      );
    });
  });

  it("keeps Cloudflare's error text out of a failure read through the client", async () => {
    const err = await failure(
      demoClient({
        token: 'CANARY-wrong-token-0123456789abcdef',
      }).workers.listScripts(),
    );
    expect(err.cloudflareErrors.length).toBeGreaterThan(0);
    expect(
      err.cloudflareErrors.every(e => Object.keys(e).join() === 'code'),
    ).toBe(true);
    expect(err.message).toMatch(
      /^Cloudflare workers\.listScripts failed: auth \(HTTP \d+\)( - Cloudflare code [\d, ]+)?$/,
    );
  });
});
