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
  demoState,
  fakeConnection,
  singleAccountConfig,
} from '../__testUtils__/demo';
import { cloudflareEntityName } from '@cloudflare-backstage/plugin-cloudflare-common';
import { CloudflareEntityProvider } from './CloudflareEntityProvider';

const LOCATION = `cloudflare:${DEMO_ACCOUNT_ID}`;
const annotations = (resourceId: string, accountId = DEMO_ACCOUNT_ID) => ({
  'cloudflare.com/account-id': accountId,
  'cloudflare.com/resource-id': resourceId,
  'backstage.io/managed-by-location': `cloudflare:${accountId}`,
  'backstage.io/managed-by-origin-location': `cloudflare:${accountId}`,
});

/** The expected acme-api entity, from the demo account's data. */
function expectedAcmeApi(state: DemoAccountState): DeferredEntity {
  const w = state.data.workers;
  const script = w.scripts.find(s => s.id === 'acme-api')!;
  const deployment = w.deployments['acme-api'][0];
  const versionId = deployment.versions[0].version_id;
  const build = w.builds.find(
    b => b.build_uuid === w.buildsByVersion[versionId],
  )!;
  return {
    locationKey: LOCATION,
    entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'cf-worker-acme-api',
        namespace: 'default',
        description: 'Cloudflare Worker acme-api',
        labels: {
          'cloudflare.com/tag-backstage-owner': 'platform',
          'cloudflare.com/tag-backstage-system': 'acme-org',
        },
        tags: ['cloudflare', 'worker', 'team:platform', 'tier:1'],
        annotations: annotations('acme-api'),
      },
      spec: {
        type: 'cloudflare-worker',
        owner: 'group:default/platform',
        dependsOn: [
          'resource:default/cf-analytics-engine-acme_analytics',
          'resource:default/cf-d1-acme-core',
          'resource:default/cf-do-sessioncoordinator',
          'resource:default/cf-hyperdrive-acme-hyperdrive',
          'resource:default/cf-kv-acme-cache',
          'resource:default/cf-queue-acme-events',
          'resource:default/cf-r2-acme-prod-artifacts',
          'resource:default/cf-secrets-store-acme-account-secrets',
          'resource:default/cf-vectorize-acme-idx-main',
        ],
        parameters: {
          accountId: DEMO_ACCOUNT_ID,
          scriptName: 'acme-api',
          handlers: ['fetch', 'queue', 'scheduled'],
          bindings: [
            { type: 'kv_namespace', name: 'CACHE' },
            { type: 'd1', name: 'DB' },
            { type: 'r2_bucket', name: 'ARTIFACTS' },
            { type: 'queue', name: 'EVENTS' },
            { type: 'durable_object_namespace', name: 'SESSIONS' },
            { type: 'hyperdrive', name: 'HYPERDRIVE' },
            { type: 'vectorize', name: 'VECTORS' },
            { type: 'analytics_engine', name: 'ANALYTICS' },
            ...['secrets_store_secret', 'secret_text', 'plain_text'].map(
              type => ({
                type,
                name: '[credential-name]',
                credentialLike: true,
              }),
            ),
            { type: 'plain_text', name: 'LOG_LEVEL' },
            { type: 'json', name: 'PAYMENT_CONFIG' },
            { type: 'version_metadata', name: 'CF_VERSION_METADATA' },
          ],
          createdOn: script.created_on,
          modifiedOn: script.modified_on,
          lastDeployment: {
            version: versionId,
            commitSha: build.build_trigger_metadata.commit_hash,
            ciRunUrl: `https://dash.cloudflare.com/${DEMO_ACCOUNT_ID}/workers/services/view/acme-api/production/builds/${build.build_uuid}`,
            createdOn: deployment.created_on,
          },
        },
      },
    },
  };
}

function expectedAcmeWeb(state: DemoAccountState): DeferredEntity {
  const project = state.data.pages.projects.find(p => p.name === 'acme-web')!;
  const production = project.canonical_deployment!;
  return {
    locationKey: LOCATION,
    entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'cf-pages-acme-web',
        namespace: 'default',
        description: 'Cloudflare Pages project acme-web',
        tags: ['cloudflare', 'pages', 'next'],
        annotations: annotations(project.id),
      },
      spec: {
        type: 'cloudflare-pages',
        owner: 'group:default/platform',
        dependsOn: ['resource:default/cf-kv-acme-sessions'],
        parameters: {
          accountId: DEMO_ACCOUNT_ID,
          projectName: 'acme-web',
          productionBranch: 'main',
          framework: 'next',
          createdOn: project.created_on,
          // DELIBERATE FAILURE of the demo: an ad-hoc upload, no commit, no CI run.
          lastDeployment: {
            version: production.id,
            createdOn: production.created_on,
          },
        },
      },
    },
  };
}

function expectedZeroTrust(): DeferredEntity {
  return {
    locationKey: LOCATION,
    entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'cf-zt-access',
        namespace: 'default',
        description: 'Zero Trust Access of the Cloudflare account',
        tags: ['cloudflare', 'zero-trust', 'access'],
        annotations: annotations(`${DEMO_ACCOUNT_ID}/access`),
      },
      spec: {
        type: 'cloudflare-zero-trust',
        owner: 'group:default/security',
        parameters: { accountId: DEMO_ACCOUNT_ID },
      },
    },
  };
}

const WORKER_NAMES = [
  'acme-api',
  'acme-worker-consumer',
  'acme-edge-router',
  'acme-session',
  'acme-chat',
  'acme-etl',
  'acme-indexer',
  'acme-reports',
  'acme-renderer',
].map(n => `cf-worker-${n}`);
const PAGES_NAMES = ['acme-web', 'acme-docs', 'acme-status'].map(
  n => `cf-pages-${n}`,
);
const KV_NAMES = [
  'acme-cache',
  'acme-sessions',
  'acme-config',
  'acme-feature-flags',
  'acme-eu-profiles',
].map(n => `cf-kv-${n}`);
const D1_NAMES = [
  'acme-core',
  'acme-sessions-db',
  'acme-audit-eu',
  'acme-analytics-staging',
].map(n => `cf-d1-${n}`);
/** The demo account's buckets: the default jurisdiction's, then eu's and fedramp's (hashed names). */
const R2_NAMES = [
  ...[
    'acme-logs-archive',
    'acme-prod-artifacts',
    'acme-regulated-exports',
    'acme-static-assets',
  ].map(n => `cf-r2-${n}`),
  cloudflareEntityName('r2', 'eu/acme-eu-customer-data'),
  cloudflareEntityName('r2', 'fedramp/acme-fedramp-ledger'),
];
const AI_GATEWAY_NAMES = [
  'acme-ai-gateway',
  'acme-support-bot',
  'acme-playground',
  'acme-batch-jobs',
].map(n => `cf-ai-gateway-${n}`);
/** The demo account's Vectorize indexes, in Cloudflare's order. */
const VECTORIZE_NAMES = [
  'acme-idx-main',
  'acme-idx-docs',
  'acme-idx-support',
  'acme-idx-experiments',
].map(n => `cf-vectorize-${n}`);
const SECRETS_STORE_NAMES = ['cf-secrets-store-acme-account-secrets'];
/** The demo account's Hyperdrive configs, in Cloudflare's order. */
const HYPERDRIVE_NAMES = [
  'acme-hyperdrive',
  'acme-hyperdrive-analytics',
  'acme-hyperdrive-tunnel',
  'acme-hyperdrive-inventory',
].map(n => `cf-hyperdrive-${n}`);
/** The demo account's Containers applications: the scheduled one, then the Durable Object one. */
const CONTAINER_NAMES = ['acme-containers', 'acme-renderer'].map(
  n => `cf-container-${n}`,
);
const WORKFLOW_NAMES = [
  'acme-etl',
  'acme-onboarding',
  'acme-nightly-report',
].map(n => `cf-workflow-${n}`);
/** The demo account's queues, in Cloudflare's order. */
const QUEUE_NAMES = [
  'acme-events',
  'acme-events-dlq',
  'acme-email-outbound',
  'acme-r2-notifications',
  'acme-audit-eu',
  'acme-audit-eu-dlq',
].map(n => `cf-queue-${n}`);
/** The demo account's Durable Object classes, in Cloudflare's order. */
const DO_NAMES = [
  'SessionCoordinator',
  'RateLimiter',
  'ChatRoom',
  'RendererContainer',
].map(n => `cf-do-${n}`);
/** The demo account's AI Search instances: the default namespace's, then support's (a hashed name). */
const AI_SEARCH_NAMES = [
  'cf-ai-search-acme-site-index',
  'cf-ai-search-acme-docs-search',
  cloudflareEntityName('aiSearch', 'support/acme-support-kb'),
];
/** The account's one Browser Rendering Resource, named by the account id (no name configured). */
const BROWSER_RENDERING_NAMES = [`cf-browser-rendering-${DEMO_ACCOUNT_ID}`];
const ALL_NAMES = [
  ...WORKER_NAMES,
  ...PAGES_NAMES,
  'cf-zt-access',
  ...QUEUE_NAMES,
  ...KV_NAMES,
  ...D1_NAMES,
  ...R2_NAMES,
  ...AI_GATEWAY_NAMES,
  ...VECTORIZE_NAMES,
  'cf-analytics-engine-acme_analytics',
  ...SECRETS_STORE_NAMES,
  ...HYPERDRIVE_NAMES,
  ...CONTAINER_NAMES,
  ...WORKFLOW_NAMES,
  ...DO_NAMES,
  ...AI_SEARCH_NAMES,
  ...BROWSER_RENDERING_NAMES,
];

function names(mutation: {
  entities?: DeferredEntity[];
  added?: DeferredEntity[];
}) {
  return (mutation.entities ?? mutation.added ?? []).map(
    e => e.entity.metadata.name,
  );
}

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
      /^cloudflare-provider:default refreshed account 0f1e2d3c4b5a69788796a5b4c3d2e1f0: 46 entities \[workers=9 pages=3 zeroTrust=1 queues=6 kv=5 d1=4 r2=6 aiGateway=4 vectorize=4 analyticsEngine=1 workflows=3\], mutation full, \d+ upstream calls, \d+ ms$/,
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

  it('removes resources that disappear from Cloudflare on the next run', async () => {
    const { providers, schedule, state } = demoProviders();
    const connection = fakeConnection();
    await providers[0].connect(connection);
    await schedule.runTask();
    expect(names(connection.applyMutation.mock.calls[0][0])).toContain(
      'cf-worker-acme-edge-router',
    );

    state.data.workers.scripts = state.data.workers.scripts.filter(
      s => s.id !== 'acme-edge-router',
    );
    state.data.pages.projects = state.data.pages.projects.filter(
      p => p.name !== 'acme-status',
    );
    await schedule.runTask();
    const second = connection.applyMutation.mock.calls[1][0];
    expect(second.type).toBe('full');
    expect(names(second)).toEqual(
      ALL_NAMES.filter(
        n => n !== 'cf-worker-acme-edge-router' && n !== 'cf-pages-acme-status',
      ),
    );
  });

  it('keeps the entities of an area whose read fails, and warns', async () => {
    const { providers, schedule, state, logger } = demoProviders();
    const connection = fakeConnection();
    await providers[0].connect(connection);
    await schedule.runTask();
    const first = connection.applyMutation.mock.calls[0][0] as {
      entities: DeferredEntity[];
    };

    state.addFault({
      route: '/pages/projects',
      fault: { kind: 'server-error', status: 503 },
    });
    state.data.pages.projects = []; // would delete every Pages entity if the fault were ignored
    await schedule.runTask();
    const second = connection.applyMutation.mock.calls[1][0] as {
      type: string;
      entities: DeferredEntity[];
    };
    expect(second.type).toBe('full');
    expect(names(second)).toEqual(ALL_NAMES);
    expect(
      second.entities.filter(e => e.entity.spec?.type === 'cloudflare-pages'),
    ).toEqual(
      first.entities.filter(e => e.entity.spec?.type === 'cloudflare-pages'),
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /could not read Pages: .*unavailable.*keeping its 3 entities from the last good run/,
      ),
    );
    expect(logger.info.mock.calls[1][0]).toContain('pages=3 (stale)');

    // Cloudflare recovers: the next good run applies what is really there.
    state.clearFaults();
    await schedule.runTask();
    expect(names(connection.applyMutation.mock.calls[2][0])).toEqual([
      ...WORKER_NAMES,
      'cf-zt-access',
      ...QUEUE_NAMES,
      ...KV_NAMES,
      ...D1_NAMES,
      ...R2_NAMES,
      ...AI_GATEWAY_NAMES,
      ...VECTORIZE_NAMES,
      ...SECRETS_STORE_NAMES,
      ...HYPERDRIVE_NAMES,
      ...CONTAINER_NAMES,
      ...WORKFLOW_NAMES,
      ...DO_NAMES,
      ...BROWSER_RENDERING_NAMES,
    ]);
  });

  it('deletes nothing when an area fails before its first good read', async () => {
    const { providers, schedule, state, logger } = demoProviders();
    const connection = fakeConnection();
    await providers[0].connect(connection);
    state.addFault({
      route: '/access/',
      fault: { kind: 'server-error', status: 500 },
    });
    await schedule.runTask();
    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
    const mutation = connection.applyMutation.mock.calls[0][0];
    expect(mutation.type).toBe('delta');
    expect(mutation.removed).toEqual([]);
    expect(names(mutation)).toEqual([
      ...WORKER_NAMES,
      ...PAGES_NAMES,
      ...QUEUE_NAMES,
      ...KV_NAMES,
      ...D1_NAMES,
      ...R2_NAMES,
      ...AI_GATEWAY_NAMES,
      ...VECTORIZE_NAMES,
      ...SECRETS_STORE_NAMES,
      ...HYPERDRIVE_NAMES,
      ...CONTAINER_NAMES,
      ...WORKFLOW_NAMES,
      ...DO_NAMES,
      ...BROWSER_RENDERING_NAMES,
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('no earlier good run'),
    );
    expect(logger.info.mock.calls[0][0]).toContain('zeroTrust=0 (failed)');
  });

  it('applies nothing when every area fails before a first good read', async () => {
    const { providers, schedule, state, logger } = demoProviders();
    const connection = fakeConnection();
    await providers[0].connect(connection);
    state.addFault({ fault: { kind: 'server-error', status: 502 } });
    await schedule.runTask();
    expect(connection.applyMutation).not.toHaveBeenCalled();
    expect(logger.info.mock.calls[0][0]).toContain('mutation none');
  });

  it('re-reads only Workers whose modified_on changed: a warm run costs 1 Workers call', async () => {
    const { providers, schedule, state } = demoProviders();
    const connection = fakeConnection();
    await providers[0].connect(connection);
    await schedule.runTask();
    state.resetCalls();
    await schedule.runTask();
    // Workers' own routes (Durable Objects live under /workers/durable_objects/: not Workers calls).
    const workersCalls = Object.entries(state.callCounts()).filter(([route]) =>
      /\/workers\/scripts|\/builds\//.test(route),
    );
    expect(workersCalls).toEqual([
      ['GET /accounts/:account_id/workers/scripts', 1],
    ]);
    expect(connection.applyMutation.mock.calls[1][0]).toEqual(
      connection.applyMutation.mock.calls[0][0],
    );

    state.resetCalls();
    const script = state.data.workers.scripts.find(s => s.id === 'acme-etl')!;
    script.modified_on = new Date().toISOString();
    await schedule.runTask();
    expect(
      state.callCounts()[
        'GET /accounts/:account_id/workers/scripts/:script_name/settings'
      ],
    ).toBe(1);
    expect(names(connection.applyMutation.mock.calls[2][0])).toEqual(ALL_NAMES);
  });

  it('imports only the enabled areas', async () => {
    const config = singleAccountConfig({
      entityProvider: {
        import: { pages: false, zeroTrust: false, d1: false, r2: false },
      },
    });
    const { providers, schedule, state } = demoProviders({ config });
    const connection = fakeConnection();
    await providers[0].connect(connection);
    await schedule.runTask();
    expect(names(connection.applyMutation.mock.calls[0][0])).toEqual([
      ...WORKER_NAMES,
      ...QUEUE_NAMES,
      ...KV_NAMES,
      ...AI_GATEWAY_NAMES,
      ...VECTORIZE_NAMES,
      ...SECRETS_STORE_NAMES,
      ...HYPERDRIVE_NAMES,
      ...CONTAINER_NAMES,
      ...WORKFLOW_NAMES,
      ...DO_NAMES,
      ...BROWSER_RENDERING_NAMES,
    ]);
    expect(
      state.callCounts()['GET /accounts/:account_id/pages/projects'],
    ).toBeUndefined();
  });

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
    expect(prodMutation.entities).toHaveLength(34);
    expect(euMutation.entities).toHaveLength(31); // pages off for eu
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
    expect(names(connection.applyMutation.mock.calls[0][0])).toEqual([
      ...PAGES_NAMES,
      ...QUEUE_NAMES,
      ...KV_NAMES,
      ...AI_GATEWAY_NAMES,
      ...VECTORIZE_NAMES,
      ...SECRETS_STORE_NAMES,
      ...HYPERDRIVE_NAMES,
      ...CONTAINER_NAMES,
      ...WORKFLOW_NAMES,
      ...DO_NAMES,
      ...BROWSER_RENDERING_NAMES,
    ]);
  });
});
