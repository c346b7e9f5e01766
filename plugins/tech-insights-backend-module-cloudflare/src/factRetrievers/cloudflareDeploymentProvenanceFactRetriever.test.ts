import {
  SECRET_CANARIES,
  DEMO_API_TOKEN,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { component } from '../__fixtures__/catalog';
import {
  demoCatalog,
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
  let catalog: InMemoryCatalogClient;
  beforeEach(async () => {
    catalog = await demoCatalog();
  });
  const retriever = createCloudflareDeploymentProvenanceFactRetriever({
    catalog: () => catalog,
  });

  it('is a documented, versioned retriever for Components with Workers or Pages', () => {
    expect(cloudflareDeploymentProvenanceFactRetriever.id).toBe(
      'cloudflareDeploymentProvenanceFactRetriever',
    );
    expect(retriever.version).toBe('2.0.0');
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

  it('passes Components whose deployments carry a commit SHA and a CI run URL', async () => {
    const { ctx } = retrieverContext();
    const facts = await retriever.handler(ctx);

    for (const name of ['acme-api', 'acme-worker-consumer']) {
      expect(factsOf(facts, name)).toEqual({
        deploymentsTotal: 1,
        deploymentsWithCommitSha: 1,
        deploymentsWithCiRunUrl: 1,
        allDeploymentsHaveProvenance: true,
        deploymentsMissingProvenance: [],
      });
    }
  });

  it('fails acme-edge-router: deployed from the dashboard, no commit SHA or CI link', async () => {
    const { ctx } = retrieverContext();
    const facts = await retriever.handler(ctx);
    const active = demo.state.data.workers.deployments['acme-edge-router'][0];

    expect(factsOf(facts, 'acme-edge-router')).toEqual({
      deploymentsTotal: 1,
      deploymentsWithCommitSha: 0,
      deploymentsWithCiRunUrl: 0,
      allDeploymentsHaveProvenance: false,
      deploymentsMissingProvenance: [
        `worker:acme-edge-router@${active.versions[0].version_id}`,
      ],
    });
  });

  it('fails acme-web: its newest production deployment was uploaded by hand', async () => {
    const { ctx } = retrieverContext();
    const facts = await retriever.handler(ctx);
    const newest = demo.state.data.pages.deployments['acme-web'].find(
      d => d.environment === 'production',
    )!;
    expect(newest.deployment_trigger.type).toBe('ad_hoc');

    expect(factsOf(facts, 'acme-web')).toMatchObject({
      deploymentsTotal: 1,
      deploymentsWithCommitSha: 0,
      allDeploymentsHaveProvenance: false,
      deploymentsMissingProvenance: [`pages:acme-web@${newest.id}`],
    });
  });

  it('sums every Worker a Component names (comma-separated) and skips entities outside its filter', async () => {
    const { ctx } = retrieverContext();
    const facts = await retriever.handler(ctx);
    expect(factsOf(facts, 'acme-platform')).toMatchObject({
      deploymentsTotal: 2,
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

  it('reads the catalog only: no Cloudflare call, and no connection needed', async () => {
    demo.state.addFault({ fault: { kind: 'server-error', status: 500 } });
    const { ctx, logger } = retrieverContext({});
    const facts = await retriever.handler(ctx);
    expect(factsOf(facts, 'acme-api')).toMatchObject({
      allDeploymentsHaveProvenance: true,
    });
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('gives no fact (never a pass) to a Component naming a resource the catalog does not hold, and logs it safely', async () => {
    const { ctx, logger } = retrieverContext();
    const facts = await createCloudflareDeploymentProvenanceFactRetriever({
      catalog: () => catalog,
    }).handler(ctx);
    expect(factsOf(facts, 'acme-api')).toBeDefined();

    const partial = await demoCatalog(entities => [
      ...entities,
      component('ghost', {
        'cloudflare.com/worker': 'acme-api, no-such-worker',
      }),
    ]);
    const ghost = await createCloudflareDeploymentProvenanceFactRetriever({
      catalog: () => partial,
    }).handler({
      ...ctx,
      entityFilter: { kind: 'component', 'metadata.name': 'ghost' },
    });
    expect(ghost).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'no facts for component:default/ghost (Error: 1 of the 2 Workers resources it names are not in the catalog)',
      ),
    );
    const text = loggedText(logger);
    expect(text).not.toContain(DEMO_API_TOKEN);
    for (const canary of Object.values(SECRET_CANARIES))
      expect(text).not.toContain(canary);
  });

  it('gives no facts when the catalog cannot be read', async () => {
    const { ctx, logger } = retrieverContext();
    const facts = await createCloudflareDeploymentProvenanceFactRetriever({
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
