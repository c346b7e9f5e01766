import { ConfigReader } from '@backstage/config';
import {
  DEMO_ACCOUNT_ID,
  DEMO_API_TOKEN,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import { createCloudflareClientsService } from '@cloudflare-backstage/plugin-cloudflare-node';
import { mockServices } from '@backstage/backend-test-utils';
import { demoResources, exampleEntities } from './__fixtures__/catalog';
import { factsOf, loggedText, retrieverContext } from './__testUtils__/demo';
import {
  EU_API_TOKEN,
  catalogOf,
  euEntities,
  useTwoDemoAccounts,
} from './__testUtils__/twoAccounts';
import {
  createCloudflareAccessAuditFactRetriever,
  createCloudflareApiTokenHygieneFactRetriever,
  createCloudflareDeploymentAuditFactRetriever,
} from './factRetrievers';

describe('the retrievers with two Cloudflare accounts', () => {
  const demo = useTwoDemoAccounts();

  /** acme's example catalog (read from the served acme account) plus acme-eu's entities. */
  async function twoAccountCatalog() {
    const acmeClient = CloudflareClient.fromConfig(
      new ConfigReader({
        cloudflare: {
          accountId: DEMO_ACCOUNT_ID,
          apiToken: DEMO_API_TOKEN,
          apiBaseUrl: demo.config().cloudflare.accounts[0].apiBaseUrl,
        },
      }),
    );
    const acme = [
      ...exampleEntities(DEMO_ACCOUNT_ID),
      ...(await demoResources(acmeClient)),
    ];
    const api = acme.find(e => e.metadata.name === 'cf-worker-acme-api')!;
    const deployment = (api.spec!.parameters as any).lastDeployment;
    demo.acme.resetCalls();
    return catalogOf([...acme, ...euEntities(deployment)]);
  }

  function run(config = demo.config()) {
    const { ctx, logger } = retrieverContext(config);
    const clients = createCloudflareClientsService({
      config: ctx.config,
      logger: mockServices.logger.mock(),
    });
    return { ctx, logger, clients };
  }

  const refs = (facts: { entity: { kind: string; name: string } }[]) =>
    facts.map(f => `${f.entity.kind}:${f.entity.name}`).sort();

  it('gives each account its own account-wide facts, read once per account', async () => {
    const catalog = await twoAccountCatalog();
    demo.eu.data.zeroTrust.accessRequests = [];
    const { ctx, clients } = run();
    const facts = await createCloudflareAccessAuditFactRetriever({
      catalog: () => catalog,
      clients,
    }).handler(ctx);

    // cf-zt-access-other belongs to an account that is not configured: left alone
    expect(refs(facts)).toEqual([
      'Resource:cf-zt-access',
      'Resource:cf-zt-access-eu',
    ]);
    expect(factsOf(facts, 'cf-zt-access')).toMatchObject({
      auditLogAvailable24h: true,
    });
    expect(factsOf(facts, 'cf-zt-access-eu')).toEqual({
      auditEventsLast24h: 0,
      auditLogAvailable24h: false,
    });
    expect(demo.acme.callCounts()).toEqual({
      'GET /accounts/:account_id/access/logs/access_requests': 1,
    });
    expect(demo.eu.totalCalls()).toBe(2); // nothing in 24 h: one look further back
    expect(clients.health().map(h => [h.id, h.calls])).toEqual([
      ['acme', 1],
      ['acme-eu', 2],
    ]);
  });

  it('reads token hygiene per account, and keeps the other account when one fails', async () => {
    const catalog = await twoAccountCatalog();
    demo.eu.data.tokens.user = [];
    demo.eu.data.tokens.account = [];
    const retriever = createCloudflareApiTokenHygieneFactRetriever({
      catalog: () => catalog,
    });
    let { ctx } = run();
    let facts = await retriever.handler(ctx);
    expect(factsOf(facts, 'cf-zt-access')).toMatchObject({
      tokensHygienic: false,
    });
    expect(factsOf(facts, 'cf-zt-access-eu')).toMatchObject({
      tokensTotal: 0,
      tokensHygienic: true,
    });

    demo.eu.addFault({ fault: { kind: 'server-error', status: 503 } });
    const second = run();
    ctx = second.ctx;
    facts = await retriever.handler(ctx);
    expect(refs(facts)).toEqual(['Resource:cf-zt-access']);
    expect(second.logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'no facts for resource:default/cf-zt-access-eu, Cloudflare could not be read (account acme-eu',
      ),
    );
    const logged = loggedText(second.logger);
    expect(logged).not.toContain(DEMO_API_TOKEN);
    expect(logged).not.toContain(EU_API_TOKEN);
  });

  describe('deployment audit', () => {
    it('checks each deployment against the audit log of its own account', async () => {
      const catalog = await twoAccountCatalog();
      const { ctx, clients } = run();
      const retriever = createCloudflareDeploymentAuditFactRetriever({
        catalog: () => catalog,
        clients,
      });
      let facts = await retriever.handler(ctx);
      expect(factsOf(facts, 'acme-api')).toMatchObject({
        allProductionDeploymentsAudited: true,
      });
      expect(factsOf(facts, 'eu-api')).toMatchObject({
        productionDeployments: 1,
        allProductionDeploymentsAudited: true,
      });
      expect(demo.eu.callCounts()).toEqual({
        'GET /accounts/:account_id/logs/audit': expect.any(Number),
      });

      // the same deployment in acme-eu, whose audit log is now empty: no longer audited there
      demo.eu.data.auditLogs = { v1: [], v2: [] };
      facts = await retriever.handler(ctx);
      expect(factsOf(facts, 'eu-api')).toMatchObject({
        allProductionDeploymentsAudited: false,
      });
      expect(factsOf(facts, 'acme-api')).toMatchObject({
        allProductionDeploymentsAudited: true,
      });
    });

    it('gives no fact to the Components of an account whose audit log cannot be read', async () => {
      const catalog = await twoAccountCatalog();
      demo.eu.addFault({
        route: '/audit',
        fault: { kind: 'server-error', status: 500 },
      });
      const { ctx, logger, clients } = run();
      const facts = await createCloudflareDeploymentAuditFactRetriever({
        catalog: () => catalog,
        clients,
      }).handler(ctx);
      expect(factsOf(facts, 'eu-api')).toBeUndefined();
      expect(factsOf(facts, 'acme-api')).toMatchObject({
        allProductionDeploymentsAudited: true,
      });
      expect(logger.error).toHaveBeenCalledWith(
        expect.stringContaining(
          'account audit log unavailable (account acme-eu)',
        ),
      );
    });

    it('gives no fact to a Component deploying in an account that is not configured', async () => {
      const catalog = await twoAccountCatalog();
      const config = demo.config();
      config.cloudflare.accounts.pop();
      const { ctx, clients } = run(config);
      const facts = await createCloudflareDeploymentAuditFactRetriever({
        catalog: () => catalog,
        clients,
      }).handler(ctx);
      expect(factsOf(facts, 'eu-api')).toBeUndefined();
      expect(factsOf(facts, 'acme-api')).toBeDefined();
      expect(demo.eu.totalCalls()).toBe(0);
    });
  });

  it('reads at background priority: the share kept for the routes is never taken', async () => {
    const catalog = await twoAccountCatalog();
    // 10 calls per window for acme, half kept for routes; 6 spent by "routes" leave 4 reserved
    const { ctx, logger, clients } = run(
      demo.config({ calls: 10, routeShare: 0.5 }),
    );
    const acme = clients.get('acme');
    for (let i = 0; i < 6; i += 1) {
      await acme.client.zeroTrust.listAccessRequests({ limit: 1 });
    }
    const before = clients.health()[0].budget;
    expect(before.remaining).toBeLessThanOrEqual(before.reservedForRoutes);
    const sent = demo.acme.totalCalls();

    const facts = await createCloudflareApiTokenHygieneFactRetriever({
      catalog: () => catalog,
      clients,
      budgetWaitSeconds: 0,
    }).handler(ctx);

    // acme's facts wait for budget (none within 0 s): no fact, no call; acme-eu is unaffected
    expect(refs(facts)).toEqual(['Resource:cf-zt-access-eu']);
    expect(demo.acme.totalCalls()).toBe(sent);
    expect(loggedText(logger)).toMatch(
      /no facts for resource:default\/cf-zt-access, Cloudflare could not be read \(account acme: .*budget/,
    );
    // an interactive call still gets through on the routes' share
    await expect(
      acme.client.zeroTrust.listAccessRequests({ limit: 1 }),
    ).resolves.toBeDefined();
  });
});
