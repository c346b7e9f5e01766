import { demoFetch } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';
import { CloudflareClient } from './CloudflareClient';
import { CloudflareApiError } from './errors';
import { demoClient, failure, useDemoAccount } from './__testUtils__/demo';

const SINCE = { since: '2020-01-01', before: '2030-01-01', limit: 5 };

/** Every list read of the client, by the route its first call hits. */
const LISTS: Array<[string, (c: CloudflareClient) => Promise<unknown>]> = [
  ['/workers/scripts', c => c.workers.listScripts()],
  [
    '/workers/scripts/acme-api/versions',
    c => c.workers.listVersions('acme-api'),
  ],
  [
    '/workers/scripts/acme-api/secrets',
    c => c.workers.listSecretNames('acme-api'),
  ],
  ['/pages/projects', c => c.pages.listProjects()],
  [
    '/pages/projects/acme-web/deployments',
    c => c.pages.listDeployments('acme-web'),
  ],
  ['/access/apps', c => c.zeroTrust.listApplications()],
  ['/access/policies', c => c.zeroTrust.listReusablePolicies()],
  ['/access/identity_providers', c => c.zeroTrust.listIdentityProviders()],
  ['/access/users', c => c.zeroTrust.listUsers()],
  ['/logs/audit', c => c.auditLogs.list(SINCE)],
  ['/user/tokens', c => c.tokens.listUserTokens()],
];

describe('fetch guard (every read, through the real client)', () => {
  const demo = useDemoAccount();

  describe.each(['html-200', 'success-false-200', 'result-null'])(
    '%s',
    fault => {
      it.each(LISTS)(
        'fails %s as bad-response instead of an empty list',
        async (route, read) => {
          demo.state.addFault({ route, fault: { kind: fault } as any });
          const client = demoClient({ maxRetries: 2 });
          const err = await failure(read(client));
          expect(err).toBeInstanceOf(CloudflareApiError);
          expect(err.kind).toBe('bad-response');
          // Our words only: no Cloudflare text, no value of the answer.
          expect(err.message).not.toMatch(
            /Internal Server Error|html|blocked/i,
          );
          expect(client.stats().retries).toBe(0);
        },
      );
    },
  );

  it.each([
    ['/pages/projects', (c: CloudflareClient) => c.pages.listProjects()],
    ['/access/apps', (c: CloudflareClient) => c.zeroTrust.listApplications()],
    [
      '/access/identity_providers',
      (c: CloudflareClient) => c.zeroTrust.listIdentityProviders(),
    ],
    [
      '/workers/scripts/acme-api/versions',
      (c: CloudflareClient) => c.workers.listVersions('acme-api'),
    ],
    ['/logs/audit', (c: CloudflareClient) => c.auditLogs.list(SINCE)],
  ])(
    'fails %s when a page comes back shorter than its result_info says',
    async (route, read) => {
      demo.state.addFault({ route, fault: { kind: 'short-page', page: 1 } });
      const err = await failure(read(demoClient()));
      expect(err).toMatchObject({ kind: 'bad-response' });
      expect(err.message).toMatch(
        /fewer items than its result_info says|empty page offers a next cursor/,
      );
    },
  );

  it('fails a short page 2 of a paged list (3 projects, 1 per page)', async () => {
    const per1 = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input));
      url.searchParams.set('per_page', '1');
      return demoFetch(demo.state)(url, init);
    };
    expect(
      await demoClient({ fetch: per1 as typeof fetch }).pages.listProjects(),
    ).toHaveLength(3);
    demo.state.addFault({
      route: '/pages/projects',
      fault: { kind: 'short-page' },
    });
    await expect(
      demoClient({ fetch: per1 as typeof fetch }).pages.listProjects(),
    ).rejects.toMatchObject({
      kind: 'bad-response',
      operation: 'pages.listProjects',
    });
  });

  it('passes the real shapes: Workers Builds messages as strings, bare JSON, past-the-end pages', async () => {
    const stringMessages = (async (
      input: RequestInfo | URL,
      init?: RequestInit,
    ) => {
      const res = await demoFetch(demo.state)(input, init);
      if (!String(input).includes('/builds/')) return res;
      const body = await res.json();
      return Response.json(
        { ...body, messages: ['Build fetched'] },
        { status: res.status },
      );
    }) as typeof fetch;
    const client = demoClient({ fetch: stringMessages });
    const ids = demo.state.data.workers.deployments['acme-api'][0].versions.map(
      v => v.version_id,
    );
    expect(
      Object.keys(await client.workers.getBuildsForVersions(ids)).length,
    ).toBeGreaterThan(0);
    expect((await client.pages.listProjects()).length).toBe(3);
    expect(
      (await client.workers.listDeployments('acme-api')).length,
    ).toBeGreaterThan(0);
    expect((await client.auditLogs.list(SINCE)).length).toBeGreaterThan(0);
  });

  describe('stall-body', () => {
    it('times out within timeoutMs (headers and body), as kind timeout', async () => {
      demo.state.addFault({
        route: '/pages/projects',
        fault: { kind: 'stall-body' },
      });
      const client = demoClient({
        fetch: demoFetch(demo.state),
        timeoutMs: 300,
      });
      const started = Date.now();
      const err = await failure(client.pages.listProjects());
      const took = Date.now() - started;
      expect(err).toMatchObject({
        kind: 'timeout',
        operation: 'pages.listProjects',
      });
      expect(took).toBeGreaterThanOrEqual(280);
      expect(took).toBeLessThan(1500);
    });

    it('retries a stalled body like any timeout, each attempt bounded', async () => {
      demo.state.addFault({
        route: '/workers/scripts',
        fault: { kind: 'stall-body' },
        times: 1,
      });
      const client = demoClient({
        fetch: demoFetch(demo.state),
        timeoutMs: 300,
        maxRetries: 1,
      });
      expect((await client.workers.listScripts()).length).toBeGreaterThan(0);
      expect(client.stats()).toMatchObject({ calls: 2, retries: 1 });
    }, 10_000);
  });
});
