import {
  SECRET_CANARIES,
  DEMO_API_TOKEN,
} from '@cloudflare-backstage/cloudflare-demo-account';
import {
  demoSource,
  EXAMPLE_ENTITIES,
  exampleCatalog,
  factsOf,
  loggedText,
  retrieverContext,
  useDemoAccount,
} from '../__testUtils__/demo';
import {
  cloudflareDeploymentProvenanceFactRetriever,
  createCloudflareDeploymentProvenanceFactRetriever,
} from './cloudflareDeploymentProvenanceFactRetriever';

describe('cloudflareDeploymentProvenanceFactRetriever', () => {
  const demo = useDemoAccount();
  const retriever = createCloudflareDeploymentProvenanceFactRetriever({
    source: demoSource,
    catalog: () => exampleCatalog(),
  });

  it('is a documented, versioned retriever for Components with Workers or Pages', () => {
    expect(cloudflareDeploymentProvenanceFactRetriever.id).toBe(
      'cloudflareDeploymentProvenanceFactRetriever',
    );
    expect(retriever.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Object.keys(retriever.schema).sort()).toEqual([
      'allDeploymentsHaveProvenance',
      'deploymentsMissingProvenance',
      'deploymentsTotal',
      'deploymentsWithCiRunUrl',
      'deploymentsWithCommitSha',
    ]);
    for (const fact of Object.values(retriever.schema)) {
      expect(fact.description.length).toBeGreaterThan(20);
    }
    expect(retriever.entityFilter).toEqual([
      expect.objectContaining({ kind: 'component' }),
      expect.objectContaining({ kind: 'component' }),
    ]);
  });

  it('passes Components whose deployments all carry a commit SHA and a CI run URL', async () => {
    const { ctx } = retrieverContext();
    const facts = await retriever.handler(ctx);

    for (const name of ['acme-api', 'acme-worker-consumer']) {
      const f = factsOf(facts, name)!;
      expect(f).toMatchObject({
        allDeploymentsHaveProvenance: true,
        deploymentsMissingProvenance: [],
      });
      expect(f.deploymentsTotal).toBeGreaterThan(0);
      expect(f.deploymentsWithCommitSha).toBe(f.deploymentsTotal);
      expect(f.deploymentsWithCiRunUrl).toBe(f.deploymentsTotal);
    }
    expect(factsOf(facts, 'acme-api')!.deploymentsTotal).toBe(
      demo.state.data.workers.deployments['acme-api'].length,
    );
  });

  it('fails acme-edge-router: deployed from the dashboard, no commit SHA or CI link', async () => {
    const { ctx } = retrieverContext();
    const facts = await retriever.handler(ctx);
    const router = demo.state.data.workers.deployments['acme-edge-router'];

    expect(factsOf(facts, 'acme-edge-router')).toEqual({
      deploymentsTotal: router.length,
      deploymentsWithCommitSha: 0,
      deploymentsWithCiRunUrl: 0,
      allDeploymentsHaveProvenance: false,
      deploymentsMissingProvenance: router.map(
        d => `worker:acme-edge-router@${d.id}`,
      ),
    });
  });

  it('fails acme-web: its newest production deployment was uploaded by hand', async () => {
    const { ctx } = retrieverContext();
    const facts = await retriever.handler(ctx);
    const production = demo.state.data.pages.deployments['acme-web'].filter(
      d => d.environment === 'production',
    );
    const adHoc = production.filter(
      d => d.deployment_trigger.type === 'ad_hoc',
    );
    expect(adHoc).toHaveLength(1);

    const web = factsOf(facts, 'acme-web')!;
    expect(web).toMatchObject({
      deploymentsTotal: production.length,
      deploymentsWithCommitSha: production.length - 1,
      allDeploymentsHaveProvenance: false,
      deploymentsMissingProvenance: [`pages:acme-web@${adHoc[0].id}`],
    });
  });

  it('sums every Worker a Component names (comma-separated) and skips entities outside its filter', async () => {
    const { ctx } = retrieverContext();
    const facts = await retriever.handler(ctx);
    const d = demo.state.data.workers.deployments;
    expect(factsOf(facts, 'acme-platform')).toMatchObject({
      deploymentsTotal: d['acme-api'].length + d['acme-worker-consumer'].length,
      allDeploymentsHaveProvenance: true,
    });
    expect(facts.map(f => f.entity.name).sort()).toEqual([
      'acme-api',
      'acme-edge-router',
      'acme-platform',
      'acme-web',
      'acme-worker-consumer',
    ]);
    expect(facts[0].entity).toEqual({
      namespace: 'default',
      kind: 'Component',
      name: expect.any(String),
    });
    expect(facts[0].timestamp).toBeDefined();
  });

  it('uses the entity filter Tech Insights hands in', async () => {
    const { ctx } = retrieverContext();
    const facts = await retriever.handler({
      ...ctx,
      entityFilter: { kind: 'component', 'metadata.name': 'acme-api' },
    });
    expect(facts.map(f => f.entity.name)).toEqual(['acme-api']);
  });

  it('gives no fact (never a pass) to a Component whose Worker cannot be read, and logs it safely', async () => {
    demo.state.addFault({
      route: '/workers/scripts/acme-edge-router/',
      fault: { kind: 'server-error', status: 503 },
    });
    const { ctx, logger } = retrieverContext();
    const facts = await retriever.handler(ctx);

    expect(factsOf(facts, 'acme-edge-router')).toBeUndefined();
    expect(factsOf(facts, 'acme-api')).toBeDefined();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'no facts for component:default/acme-edge-router',
      ),
    );
    const text = loggedText(logger);
    expect(text).not.toContain(DEMO_API_TOKEN);
    for (const canary of Object.values(SECRET_CANARIES))
      expect(text).not.toContain(canary);
    expect(text).not.toMatch(/@acme-org\.org/);
  });

  it('gives no fact when a Component names a Worker that does not exist', async () => {
    const { ctx, logger } = retrieverContext();
    const facts = await createCloudflareDeploymentProvenanceFactRetriever({
      source: demoSource,
      catalog: () =>
        exampleCatalog([
          {
            ...EXAMPLE_ENTITIES[0],
            metadata: {
              name: 'ghost',
              annotations: { 'cloudflare.com/worker': 'no-such-worker' },
            },
          },
        ]),
    }).handler(ctx);
    expect(facts).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('component:default/ghost'),
    );
  });

  it('gives no facts when every call is rate limited', async () => {
    demo.state.addFault({
      fault: { kind: 'rate-limit', retryAfterSeconds: 7 },
    });
    const { ctx, logger } = retrieverContext();
    expect(await retriever.handler(ctx)).toEqual([]);
    expect(logger.warn).toHaveBeenCalledTimes(5);
  });

  it('gives no facts when the Cloudflare connection is not configured', async () => {
    const { ctx, logger } = retrieverContext({});
    expect(await retriever.handler(ctx)).toEqual([]);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('Cloudflare connection unavailable'),
    );
  });

  it('gives no facts when the catalog cannot be read', async () => {
    const { ctx, logger } = retrieverContext();
    const facts = await createCloudflareDeploymentProvenanceFactRetriever({
      source: demoSource,
      catalog: () =>
        ({
          getEntities: () => Promise.reject(new Error('catalog down')),
        } as any),
    }).handler(ctx);
    expect(facts).toEqual([]);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('catalog unavailable'),
    );
  });
});
