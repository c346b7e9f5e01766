import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { DEMO_API_TOKEN } from '@cloudflare-backstage/cloudflare-demo-account';
import { DateTime } from 'luxon';
import {
  demoCatalog,
  factsOf,
  loggedText,
  retrieverContext,
  useDemoAccount,
} from '../__testUtils__/demo';
import {
  cloudflareDeploymentAuditFactRetriever,
  createCloudflareDeploymentAuditFactRetriever,
} from './cloudflareDeploymentAuditFactRetriever';

describe('cloudflareDeploymentAuditFactRetriever', () => {
  const demo = useDemoAccount();
  let catalog: InMemoryCatalogClient;
  beforeEach(async () => {
    catalog = await demoCatalog();
  });
  const retriever = createCloudflareDeploymentAuditFactRetriever({
    catalog: () => catalog,
  });

  it('is a documented, versioned retriever', () => {
    expect(cloudflareDeploymentAuditFactRetriever.id).toBe(
      'cloudflareDeploymentAuditFactRetriever',
    );
    expect(retriever.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Object.keys(retriever.schema)).toEqual(
      expect.arrayContaining([
        'productionDeployments',
        'productionDeploymentsWithAuditEvent',
        'allProductionDeploymentsAudited',
      ]),
    );
  });

  it('passes acme-api and acme-worker-consumer: every recent deployment has an audit event', async () => {
    const { ctx } = retrieverContext();
    const facts = await retriever.handler(ctx);
    expect(factsOf(facts, 'acme-api')).toEqual({
      productionDeployments: 1,
      productionDeploymentsWithAuditEvent: 1,
      allProductionDeploymentsAudited: true,
      productionDeploymentsWithoutAuditEvent: [],
    });
    expect(factsOf(facts, 'acme-worker-consumer')).toMatchObject({
      allProductionDeploymentsAudited: true,
    });
  });

  it('fails acme-edge-router and acme-web: their latest production deployments left no audit trail', async () => {
    const { ctx } = retrieverContext();
    const facts = await retriever.handler(ctx);

    const router = factsOf(facts, 'acme-edge-router')!;
    const latestRouter =
      demo.state.data.workers.deployments['acme-edge-router'][0];
    expect(router).toEqual({
      productionDeployments: 1,
      productionDeploymentsWithAuditEvent: 0,
      allProductionDeploymentsAudited: false,
      productionDeploymentsWithoutAuditEvent: [
        `worker:acme-edge-router@${latestRouter.versions[0].version_id}`,
      ],
    });

    const web = factsOf(facts, 'acme-web')!;
    const latestWeb = demo.state.data.pages.deployments['acme-web'].find(
      d => d.environment === 'production',
    )!;
    expect(web).toMatchObject({
      allProductionDeploymentsAudited: false,
      productionDeploymentsWithoutAuditEvent: [
        `pages:acme-web@${latestWeb.id}`,
      ],
    });
  });

  it('counts any audit event in the window when asked to', async () => {
    const { ctx } = retrieverContext();
    const facts = await createCloudflareDeploymentAuditFactRetriever({
      catalog: () => catalog,
      match: 'any',
    }).handler(ctx);
    // logins happen every other day, so the router's latest deployment has some event nearby
    expect(factsOf(facts, 'acme-edge-router')).toMatchObject({
      allProductionDeploymentsAudited: true,
    });
  });

  it('has nothing to check (and passes) when no deployment falls in the lookback window', async () => {
    const { ctx } = retrieverContext();
    const facts = await createCloudflareDeploymentAuditFactRetriever({
      catalog: () => catalog,
      now: () => DateTime.now().plus({ days: 400 }),
    }).handler(ctx);
    expect(factsOf(facts, 'acme-api')).toEqual({
      productionDeployments: 0,
      productionDeploymentsWithAuditEvent: 0,
      allProductionDeploymentsAudited: true,
      productionDeploymentsWithoutAuditEvent: [],
    });
  });

  it('gives no facts at all when the audit log cannot be read', async () => {
    demo.state.addFault({
      route: '/audit',
      fault: { kind: 'server-error', status: 500 },
    });
    const { ctx, logger } = retrieverContext();
    expect(await retriever.handler(ctx)).toEqual([]);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('account audit log unavailable'),
    );
    expect(loggedText(logger)).not.toContain(DEMO_API_TOKEN);
  });

  it('gives no fact to the Component whose Pages project is not in the catalog', async () => {
    const partial = await demoCatalog(entities =>
      entities.filter(e => e.metadata.name !== 'cf-pages-acme-web'),
    );
    const { ctx, logger } = retrieverContext();
    const facts = await createCloudflareDeploymentAuditFactRetriever({
      catalog: () => partial,
    }).handler(ctx);
    expect(factsOf(facts, 'acme-web')).toBeUndefined();
    expect(factsOf(facts, 'acme-api')).toBeDefined();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('component:default/acme-web'),
    );
  });

  it('matches audit events to the deployed script, within the window', async () => {
    // acme-api's active deployment, moved 25 hours after its audit event: no longer audited
    const moved = await demoCatalog(entities =>
      entities.map(e => {
        const d = (e.spec?.parameters as any)?.lastDeployment;
        if (e.metadata.name !== 'cf-worker-acme-api' || !d) return e;
        const createdOn = new Date(
          Date.parse(d.createdOn) + 25 * 3_600_000,
        ).toISOString();
        return {
          ...e,
          spec: {
            ...e.spec,
            parameters: {
              ...(e.spec!.parameters as object),
              lastDeployment: { ...d, createdOn },
            },
          },
        };
      }),
    );
    const { ctx } = retrieverContext();
    const facts = await createCloudflareDeploymentAuditFactRetriever({
      catalog: () => moved,
    }).handler(ctx);
    const version =
      demo.state.data.workers.deployments['acme-api'][0].versions[0].version_id;
    expect(factsOf(facts, 'acme-api')).toEqual({
      productionDeployments: 1,
      productionDeploymentsWithAuditEvent: 0,
      allProductionDeploymentsAudited: false,
      productionDeploymentsWithoutAuditEvent: [`worker:acme-api@${version}`],
    });
    expect(factsOf(facts, 'acme-worker-consumer')).toMatchObject({
      allProductionDeploymentsAudited: true,
    });
  });
});
