import { DEMO_API_TOKEN } from '@cloudflare-backstage/cloudflare-demo-account';
import { DateTime } from 'luxon';
import { CloudflareFactSource } from '../source';
import {
  demoSource,
  exampleCatalog,
  factsOf,
  loggedText,
  retrieverContext,
  useDemoAccount,
} from '../__testUtils__/demo';
import {
  cloudflareDeploymentAuditFactRetriever,
  createCloudflareDeploymentAuditFactRetriever,
} from './cloudflareDeploymentAuditFactRetriever';

const DAY_MS = 86_400_000;

describe('cloudflareDeploymentAuditFactRetriever', () => {
  const demo = useDemoAccount();
  const retriever = createCloudflareDeploymentAuditFactRetriever({
    source: demoSource,
    catalog: () => exampleCatalog(),
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
    const since = Date.now() - 30 * DAY_MS;
    const recent = demo.state.data.workers.deployments['acme-api'].filter(
      d => Date.parse(d.created_on!) >= since,
    );
    expect(factsOf(facts, 'acme-api')).toEqual({
      productionDeployments: recent.length,
      productionDeploymentsWithAuditEvent: recent.length,
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
    expect(router).toMatchObject({
      allProductionDeploymentsAudited: false,
      productionDeploymentsWithoutAuditEvent: [
        `worker:acme-edge-router@${latestRouter.id}`,
      ],
    });
    expect(router.productionDeploymentsWithAuditEvent).toBe(
      (router.productionDeployments as number) - 1,
    );

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
      source: demoSource,
      catalog: () => exampleCatalog(),
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
      source: demoSource,
      catalog: () => exampleCatalog(),
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

  it('gives no fact to the Component whose Pages project cannot be read', async () => {
    demo.state.addFault({
      route: '/pages/projects/acme-web',
      fault: { kind: 'malformed-json' },
    });
    const { ctx, logger } = retrieverContext();
    const facts = await retriever.handler(ctx);
    expect(factsOf(facts, 'acme-web')).toBeUndefined();
    expect(factsOf(facts, 'acme-api')).toBeDefined();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('component:default/acme-web'),
    );
  });

  it('matches audit events to the deployed script or project', async () => {
    const at = '2026-01-10T12:00:00.000Z';
    const source: CloudflareFactSource = {
      accountId: 'a',
      usesGlobalApiKey: false,
      workerDeployments: async () => [
        { id: 'd1', createdOn: at, environment: 'production' },
        {
          id: 'd2',
          createdOn: '2026-01-05T12:00:00.000Z',
          environment: 'production',
        },
      ],
      pagesDeployments: async () => [],
      auditEvents: async ({ since, before }) => {
        expect(since.toISOString()).toBe('2026-01-04T12:00:00.000Z');
        expect(before.toISOString()).toBe('2026-01-11T12:00:00.000Z');
        return [
          { at: '2026-01-11T11:00:00.000Z', resourceId: 'acme-api' }, // +23h: counts for d1
          { at: '2026-01-05T13:00:00.000Z', resourceId: 'other-script' }, // wrong resource
          { at: '2026-01-06T13:00:00.000Z', resourceId: 'acme-api' }, // +25h: too late for d2
        ];
      },
      accessEvents: async () => [],
      tokens: async () => [],
    };
    const { ctx } = retrieverContext();
    const facts = await createCloudflareDeploymentAuditFactRetriever({
      catalog: () => exampleCatalog(),
      source: () => source,
      now: () => DateTime.fromISO('2026-01-20T00:00:00.000Z'),
    }).handler({
      ...ctx,
      entityFilter: { kind: 'component', 'metadata.name': 'acme-api' },
    });
    expect(facts[0].facts).toEqual({
      productionDeployments: 2,
      productionDeploymentsWithAuditEvent: 1,
      allProductionDeploymentsAudited: false,
      productionDeploymentsWithoutAuditEvent: ['worker:acme-api@d2'],
    });
  });
});
