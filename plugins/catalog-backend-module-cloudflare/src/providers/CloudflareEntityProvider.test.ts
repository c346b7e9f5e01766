import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { resourceEntityV1alpha1Validator } from '@backstage/catalog-model';
import {
  ALL_SECRET_CANARIES,
  DEMO_ACCOUNT_ID,
  DEMO_API_TOKEN,
  DemoAccountState,
  createDemoAccountHandlers,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { DeferredEntity } from '@backstage/plugin-catalog-node';
import { setupServer } from 'msw/node';
import {
  FakeTaskRunner,
  OTHER_ACCOUNT_ID,
  TEST_BASE_URL,
  capturingLogger,
  demoProviders,
  fakeConnection,
  singleAccountConfig,
} from '../__testUtils__/demo';
import {
  ALL_NAMES,
  AREA_COUNTS,
  names,
  namesWithout,
} from '../__testUtils__/demoEntityNames';
import {
  LOCATION,
  expectedAcmeApi,
  expectedAcmeWeb,
  expectedZeroTrust,
} from '../__testUtils__/expectedEntities';
import { CloudflareEntityProvider } from './CloudflareEntityProvider';

describe('CloudflareEntityProvider.fromConfig', () => {
  const logger = mockServices.logger.mock();

  it('makes no provider without a cloudflare block (0 configs)', () => {
    expect(
      CloudflareEntityProvider.fromConfig(new ConfigReader({}), {
        logger,
        schedule: new FakeTaskRunner(),
      }),
    ).toEqual([]);
  });

  it('makes no provider when the entity provider is disabled', () => {
    const config = singleAccountConfig({ entityProvider: { enabled: false } });
    expect(
      CloudflareEntityProvider.fromConfig(config, {
        logger,
        schedule: new FakeTaskRunner(),
      }),
    ).toEqual([]);
  });

  it('makes one provider, named default, for the top-level block (1 config)', async () => {
    const { providers, schedule } = demoProviders();
    expect(providers.map(p => p.getProviderName())).toEqual([
      'cloudflare-provider:default',
    ]);
    await providers[0].connect(fakeConnection());
    expect(schedule.tasks.map(t => t.id)).toEqual([
      'cloudflare-provider:default:refresh',
    ]);
  });

  it('makes one provider per account entry (N configs)', () => {
    const config = new ConfigReader({
      cloudflare: {
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
          },
        ],
      },
    });
    const providers = CloudflareEntityProvider.fromConfig(config, {
      logger,
      schedule: new FakeTaskRunner(),
    });
    expect(providers.map(p => p.getProviderName())).toEqual([
      'cloudflare-provider:prod',
      'cloudflare-provider:eu',
    ]);
  });

  it('creates task runners from the configured schedule, or the default', () => {
    const scheduler = mockServices.scheduler.mock();
    scheduler.createScheduledTaskRunner.mockReturnValue(new FakeTaskRunner());
    CloudflareEntityProvider.fromConfig(singleAccountConfig(), {
      logger,
      scheduler,
    });
    expect(scheduler.createScheduledTaskRunner).toHaveBeenLastCalledWith({
      frequency: { minutes: 10 },
      timeout: { minutes: 2 },
    });
    CloudflareEntityProvider.fromConfig(
      singleAccountConfig({
        entityProvider: {
          schedule: { frequency: { minutes: 30 }, timeout: { minutes: 5 } },
        },
      }),
      { logger, scheduler },
    );
    expect(scheduler.createScheduledTaskRunner).toHaveBeenLastCalledWith({
      frequency: { minutes: 30 },
      timeout: { minutes: 5 },
    });
  });

  it('needs a scheduler or a schedule', () => {
    expect(() =>
      CloudflareEntityProvider.fromConfig(singleAccountConfig(), { logger }),
    ).toThrow('Either schedule or scheduler must be provided.');
  });

  it('fails at start-up on a bad key, naming it and not its value', () => {
    const bad = singleAccountConfig({ accountId: 'not-an-account-CANARY' });
    expect(() =>
      CloudflareEntityProvider.fromConfig(bad, {
        logger,
        schedule: new FakeTaskRunner(),
      }),
    ).toThrow(/'cloudflare\.accountId'/);
    expect(() =>
      CloudflareEntityProvider.fromConfig(bad, {
        logger,
        schedule: new FakeTaskRunner(),
      }),
    ).not.toThrow(/CANARY/);
  });
});

describe('CloudflareEntityProvider refresh task', () => {
  it('applies the exact full mutation for the demo account', async () => {
    const { providers, schedule, state } = demoProviders();
    const connection = fakeConnection();
    await providers[0].connect(connection);
    expect(connection.applyMutation).not.toHaveBeenCalled();
    await schedule.runTask('cloudflare-provider:default:refresh');

    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
    const mutation = connection.applyMutation.mock.calls[0][0];
    const exact: Record<string, DeferredEntity> = {
      'cf-worker-acme-api': expectedAcmeApi(state),
      'cf-pages-acme-web': expectedAcmeWeb(state),
      'cf-zt-access': expectedZeroTrust(),
    };
    const others = (name: string) => ({
      locationKey: LOCATION,
      entity: expect.objectContaining({
        kind: 'Resource',
        metadata: expect.objectContaining({ name }),
      }),
    });
    expect(mutation).toEqual({
      type: 'full',
      entities: ALL_NAMES.map(name => exact[name] ?? others(name)),
    });
    for (const { entity } of mutation.entities as DeferredEntity[]) {
      await expect(resourceEntityV1alpha1Validator.check(entity)).resolves.toBe(
        true,
      );
    }
  });

  it('reads commit and CI run of GitHub Actions deployments, and none for the dashboard deployment', async () => {
    const { providers, schedule } = demoProviders();
    const connection = fakeConnection();
    await providers[0].connect(connection);
    await schedule.runTask();
    const byName = new Map(
      (
        connection.applyMutation.mock.calls[0][0].entities as DeferredEntity[]
      ).map(e => [e.entity.metadata.name, e.entity]),
    );
    const consumer = byName.get('cf-worker-acme-worker-consumer')!.spec!
      .parameters as any;
    expect(consumer.lastDeployment.commitSha).toMatch(/^[0-9a-f]{40}$/);
    expect(consumer.lastDeployment.ciRunUrl).toMatch(
      /^https:\/\/github\.com\/acme-org\/acme-worker-consumer\/actions\/runs\/\d+$/,
    );
    const router = byName.get('cf-worker-acme-edge-router')!.spec!
      .parameters as any;
    expect(router.lastDeployment.commitSha).toBeUndefined();
    expect(router.lastDeployment.ciRunUrl).toBeUndefined();
    expect(byName.get('cf-worker-acme-session')!.spec!.dependsOn).toEqual([
      'resource:default/cf-do-sessioncoordinator',
    ]);
  });

  it('logs one summary line per run, with counts, calls and duration, and nothing secret', async () => {
    const { providers, schedule, logger, lines } = demoProviders();
    const connection = fakeConnection();
    await providers[0].connect(connection);
    await schedule.runTask();
    expect(logger.info).toHaveBeenCalledTimes(1);
    expect(logger.info.mock.calls[0][0]).toMatch(
      new RegExp(
        `^cloudflare-provider:default refreshed account ${DEMO_ACCOUNT_ID}: ${ALL_NAMES.length} entities \\[${AREA_COUNTS}\\], mutation full, cycle 1 complete, 59 details read, 0 from the memo, \\d+ upstream calls, \\d+ ms$`,
      ),
    );
    expect(logger.warn).not.toHaveBeenCalled();
    expect(logger.error).not.toHaveBeenCalled();
    const all = lines().join('\n');
    expect(all).not.toContain(DEMO_API_TOKEN);
    for (const canary of ALL_SECRET_CANARIES) expect(all).not.toContain(canary);
  });

  it('puts no secret canary, token or email in any entity', async () => {
    const { providers, schedule } = demoProviders();
    const connection = fakeConnection();
    await providers[0].connect(connection);
    await schedule.runTask();
    const json = JSON.stringify(connection.applyMutation.mock.calls);
    for (const canary of ALL_SECRET_CANARIES)
      expect(json).not.toContain(canary);
    expect(json).not.toContain(DEMO_API_TOKEN);
    expect(json).not.toMatch(/@acme-org\.org/);
    expect(json).not.toContain('STRIPE');
    expect(json).not.toMatch(/CANARY/);
  });
});

describe('CloudflareEntityProvider with the default client', () => {
  const server = setupServer();
  const state = new DemoAccountState();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => server.resetHandlers(...createDemoAccountHandlers(state)));
  afterAll(() => server.close());

  it('builds the client from the account config', async () => {
    const schedule = new FakeTaskRunner();
    const { logger } = capturingLogger();
    const [provider] = CloudflareEntityProvider.fromConfig(
      singleAccountConfig({
        entityProvider: {
          import: { workers: false, zeroTrust: false, d1: false, r2: false },
        },
      }),
      { logger, schedule },
    );
    const connection = fakeConnection();
    await provider.connect(connection);
    await schedule.runTask();
    expect(names(connection.applyMutation.mock.calls[0][0])).toEqual(
      namesWithout('workers', 'zeroTrust', 'd1', 'r2'),
    );
  });
});
