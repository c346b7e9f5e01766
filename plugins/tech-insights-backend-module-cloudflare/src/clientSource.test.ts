import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import {
  CloudflareClientLike,
  createCloudflareFactSource,
  createCloudflareFactSourceFromConfig,
} from './clientSource';
import { demoCloudflareConfig, useDemoAccount } from './__testUtils__/demo';

describe('createCloudflareFactSource', () => {
  const demo = useDemoAccount();

  it('reads the demo account through the client, keeping only ids, times, names and links', async () => {
    const source = await createCloudflareFactSourceFromConfig({
      config: new ConfigReader(demoCloudflareConfig()),
      logger: mockServices.logger.mock(),
    });
    expect(source.accountId).toBe(demo.state.data.account.id);
    expect(source.usesGlobalApiKey).toBe(false);

    const workers = await source.workerDeployments('acme-worker-consumer');
    expect(workers[0]).toEqual({
      id: demo.state.data.workers.deployments['acme-worker-consumer'][0].id,
      createdOn: expect.any(String),
      environment: 'production',
      commitSha: expect.stringMatching(/^[0-9a-f]{40}$/),
      ciRunUrl: expect.stringMatching(
        /^https:\/\/github\.com\/acme-org\/acme-worker-consumer\/actions\/runs\/\d+$/,
      ),
    });

    const pages = await source.pagesDeployments('acme-web');
    expect(pages.every(d => d.environment === 'production')).toBe(true);

    const tokens = await source.tokens();
    const { user, account } = demo.state.data.tokens;
    const legacy = user.find(t => t.name === 'legacy-terraform')!;
    expect(tokens.find(t => t.id === legacy.id)).toEqual({
      id: legacy.id,
      owner: 'user',
      status: 'active',
      issuedOn: expect.any(String),
      lastUsedOn: expect.any(String),
    });
    expect(tokens.filter(t => t.owner === 'account').map(t => t.id)).toContain(
      account.find(t => t.name === 'acme-old-export')!.id,
    );
    expect(JSON.stringify(tokens)).not.toContain('legacy-terraform');

    const now = Date.now();
    const events = await source.auditEvents({
      since: new Date(now - 86_400_000 * 3),
      before: new Date(now),
    });
    expect(events.length).toBeGreaterThan(0);
    expect(Object.keys(events[0]).sort()).toEqual(
      expect.arrayContaining(['at']),
    );

    const everything = JSON.stringify({ workers, pages, tokens, events });
    for (const canary of Object.values(SECRET_CANARIES))
      expect(everything).not.toContain(canary);
    expect(everything).not.toMatch(/@acme-org\.org/);
  });

  it('maps edge cases: nameless tokens, entries without a time, preview deployments, a truncated audit read', async () => {
    const warn = jest.fn();
    const client = {
      accountId: 'acct',
      workers: {
        listDeploymentsWithProvenance: async () => [
          { id: 'w1', createdOn: 't' },
        ],
      },
      pages: {
        listDeployments: async () => [
          {
            id: 'p1',
            createdOn: 't',
            environment: 'preview',
            commitSha: 'abc',
            ciRunUrl: 'https://ci',
          },
        ],
      },
      zeroTrust: { listAccessRequests: async () => [{ created_at: 't' }] },
      auditLogs: {
        list: async () =>
          Array.from({ length: 10_000 }, (_, i) =>
            i === 0
              ? { id: 'x' }
              : {
                  id: `e${i}`,
                  action: { time: 't' },
                  resource: { id: 'r', product: 'workers' },
                },
          ),
      },
      tokens: {
        listUserTokens: async () => [{ id: 'tok1', scope: 'user' }],
        listAccountTokens: async () => [],
      },
    } as unknown as CloudflareClientLike;
    const source = createCloudflareFactSource(client, { logger: { warn } });

    expect(await source.workerDeployments('w')).toEqual([
      { id: 'w1', createdOn: 't', environment: 'production' },
    ]);
    expect(await source.pagesDeployments('p')).toEqual([
      {
        id: 'p1',
        createdOn: 't',
        environment: 'preview',
        commitSha: 'abc',
        ciRunUrl: 'https://ci',
      },
    ]);
    expect(await source.tokens()).toEqual([{ id: 'tok1', owner: 'user' }]);
    expect(
      await source.accessEvents({
        since: new Date(0),
        until: new Date(1),
        limit: 1,
      }),
    ).toEqual([{ createdAt: 't' }]);
    const events = await source.auditEvents({
      since: new Date(0),
      before: new Date(1),
    });
    expect(events).toHaveLength(9_999);
    expect(events[0]).toEqual({ at: 't', product: 'workers', resourceId: 'r' });
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('stopped at 10000 entries'),
    );
  });
});
