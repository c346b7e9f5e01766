import { ConfigReader } from '@backstage/config';
import {
  DEMO_ACCOUNT_ID,
  DEMO_API_TOKEN,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { DeferredEntity } from '@backstage/plugin-catalog-node';
import { cloudflareEntityName } from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  OTHER_ACCOUNT_ID,
  TEST_BASE_URL,
  demoProviders,
  demoState,
  fakeConnection,
  singleAccountConfig,
} from '../__testUtils__/demo';
import {
  ALL_NAMES,
  PAGES_NAMES,
  ZERO_TRUST_NAMES,
  names,
} from '../__testUtils__/demoEntityNames';

describe('CloudflareEntityProvider ownership, accounts and failures', () => {
  it('applies ownership rules from config, first match wins', async () => {
    const config = singleAccountConfig({
      entityProvider: {
        ownership: [
          {
            match: { area: 'workers', namePattern: 'acme-(api|session)' },
            owner: 'group:default/backend',
            system: 'system:default/acme-org',
          },
          { match: { area: 'pages' }, owner: 'group:default/web' },
        ],
        defaultOwner: 'group:default/engineering',
      },
    });
    const { providers, schedule } = demoProviders({ config });
    const connection = fakeConnection();
    await providers[0].connect(connection);
    await schedule.runTask();
    const specOf = (name: string) =>
      (
        connection.applyMutation.mock.calls[0][0].entities as DeferredEntity[]
      ).find(e => e.entity.metadata.name === name)!.entity.spec!;
    expect(specOf('cf-worker-acme-api')).toMatchObject({
      owner: 'group:default/backend',
      system: 'system:default/acme-org',
    });
    expect(specOf('cf-worker-acme-session').owner).toBe(
      'group:default/backend',
    );
    expect(specOf('cf-worker-acme-etl').owner).toBe(
      'group:default/engineering',
    );
    expect(specOf('cf-worker-acme-etl').system).toBeUndefined();
    expect(specOf('cf-pages-acme-docs').owner).toBe('group:default/web');
    expect(specOf('cf-zt-access').owner).toBe('group:default/security');
  });

  it('gives two accounts distinct, hashed names and consistent binding refs', async () => {
    const prod = demoState(DEMO_ACCOUNT_ID);
    const eu = demoState(OTHER_ACCOUNT_ID);
    const config = new ConfigReader({
      cloudflare: {
        fetch: { maxRetries: 0 },
        entityProvider: { import: { zeroTrust: false } },
        accounts: [
          {
            id: 'prod',
            accountId: DEMO_ACCOUNT_ID,
            apiToken: DEMO_API_TOKEN,
            apiBaseUrl: TEST_BASE_URL,
          },
          {
            id: 'eu',
            accountId: OTHER_ACCOUNT_ID,
            apiToken: DEMO_API_TOKEN,
            apiBaseUrl: TEST_BASE_URL,
            entityProvider: { import: { pages: false } },
          },
        ],
      },
    });
    const { providers, schedule } = demoProviders({
      config,
      states: { [DEMO_ACCOUNT_ID]: prod, [OTHER_ACCOUNT_ID]: eu },
    });
    const connections = providers.map(() => fakeConnection());
    for (const [i, p] of providers.entries()) await p.connect(connections[i]);
    await schedule.runTask('cloudflare-provider:prod:refresh');
    await schedule.runTask('cloudflare-provider:eu:refresh');

    const [prodMutation, euMutation] = connections.map(
      c => c.applyMutation.mock.calls[0][0],
    );
    // Zero Trust off for both; Pages off for eu too.
    const prodCount = ALL_NAMES.length - ZERO_TRUST_NAMES.length;
    expect(prodMutation.entities).toHaveLength(prodCount);
    expect(euMutation.entities).toHaveLength(prodCount - PAGES_NAMES.length);
    const prodNames = names(prodMutation);
    const euNames = names(euMutation);
    expect(prodNames.filter(n => euNames.includes(n))).toEqual([]);
    expect(prodNames[0]).toBe(
      cloudflareEntityName('workers', 'acme-api', DEMO_ACCOUNT_ID),
    );
    expect(prodNames[0]).toMatch(/^cf-worker-acme-api-[0-9a-f]{8}$/);
    expect(euNames[0]).toBe(
      cloudflareEntityName('workers', 'acme-api', OTHER_ACCOUNT_ID),
    );
    expect(euMutation.entities[0].locationKey).toBe(
      `cloudflare:${OTHER_ACCOUNT_ID}`,
    );
    expect(euMutation.entities[0].entity.metadata.title).toBe('acme-api');
    expect(euMutation.entities[0].entity.spec.dependsOn).toContain(
      `resource:default/${cloudflareEntityName(
        'queues',
        'acme-events',
        OTHER_ACCOUNT_ID,
      )}`,
    );
  });

  it('catches and logs a failing run', async () => {
    const { providers, schedule, logger } = demoProviders();
    const connection = fakeConnection();
    connection.applyMutation.mockRejectedValue(new Error('database is gone'));
    await providers[0].connect(connection);
    await expect(schedule.runTask()).resolves.toBeUndefined();
    expect(logger.error).toHaveBeenCalledWith(
      'cloudflare-provider:default refresh failed: Error: database is gone',
    );
  });

  it('refuses to refresh before it is connected', async () => {
    const { providers } = demoProviders();
    await expect(providers[0].refresh()).rejects.toThrow('not connected');
  });
});
