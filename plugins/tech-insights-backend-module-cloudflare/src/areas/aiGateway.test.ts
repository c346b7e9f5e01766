import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import { demoAiGatewayResources } from '../__fixtures__/aiGateway';
import {
  demoCloudflareConfig,
  retrieverContext,
  useDemoAccount,
} from '../__testUtils__/demo';
import {
  aiGatewayFacts,
  createCloudflareAiGatewayPolicyFactRetriever,
} from './aiGateway';
import { CLOUDFLARE_TECH_INSIGHTS_CHECKS } from '../checks';

const gatewayOf = (e: Entity) => (e.spec!.parameters as any).gatewayId;

/** The retriever's facts over the demo account's gateway Resources (after `edit`), by gateway id. */
async function factsByGateway(
  config = demoCloudflareConfig(),
  edit: (e: Entity[]) => Entity[] = e => e,
) {
  const client = CloudflareClient.fromConfig(new ConfigReader(config));
  const entities = edit(await demoAiGatewayResources(client));
  const ids = new Map(entities.map(e => [e.metadata.name, gatewayOf(e)]));
  const catalog = new InMemoryCatalogClient({ entities });
  const retriever = createCloudflareAiGatewayPolicyFactRetriever({
    catalog: () => catalog,
  });
  const facts = await retriever.handler(retrieverContext(config).ctx);
  return Object.fromEntries(facts.map(f => [ids.get(f.entity.name), f.facts]));
}

describe('AI Gateway policy facts', () => {
  useDemoAccount();

  it('passes acme-ai-gateway and acme-support-bot, fails acme-playground (no limit, no retries) and acme-batch-jobs (no retries)', async () => {
    const facts = await factsByGateway();
    expect(facts['acme-ai-gateway']).toEqual({
      rateLimited: true,
      requestsPerMinute: 600,
      retryAttempts: 3,
      rateLimitedWithRetries: true,
    });
    expect(facts['acme-support-bot']).toEqual({
      rateLimited: true,
      requestsPerMinute: 120,
      retryAttempts: 2,
      rateLimitedWithRetries: true,
    });
    expect(facts['acme-playground']).toEqual({
      rateLimited: false,
      retryAttempts: 0,
      rateLimitedWithRetries: false,
    });
    expect(facts['acme-batch-jobs']).toEqual({
      rateLimited: true,
      requestsPerMinute: 5000 / 60,
      retryAttempts: 0,
      rateLimitedWithRetries: false,
    });
  });

  it('applies techInsights.cloudflare.aiGateway.minRetryAttempts and maxRequestsPerMinute', async () => {
    const facts = await factsByGateway({
      ...demoCloudflareConfig(),
      techInsights: {
        cloudflare: {
          aiGateway: { minRetryAttempts: 3, maxRequestsPerMinute: 500 },
        },
      },
    });
    // 600 a minute is more than 500
    expect(facts['acme-ai-gateway']).toMatchObject({
      rateLimited: false,
      rateLimitedWithRetries: false,
    });
    // 120 a minute is within 500, but 2 retries are fewer than 3
    expect(facts['acme-support-bot']).toMatchObject({
      rateLimited: true,
      retryAttempts: 2,
      rateLimitedWithRetries: false,
    });
  });

  it('gives no fact to a gateway whose flags the catalog does not hold yet', async () => {
    const facts = await factsByGateway(demoCloudflareConfig(), entities =>
      entities.map(e =>
        gatewayOf(e) === 'acme-support-bot'
          ? e
          : {
              ...e,
              spec: { ...e.spec, parameters: { gatewayId: gatewayOf(e) } },
            },
      ),
    );
    expect(Object.keys(facts)).toEqual(['acme-support-bot']);
  });

  it('names its SOC 2 criterion', () => {
    expect(
      aiGatewayFacts.checks.map(
        c => CLOUDFLARE_TECH_INSIGHTS_CHECKS[c.id].metadata.soc2,
      ),
    ).toEqual([
      {
        control: 'A1.2',
        title: 'Availability: recovery infrastructure and resilience',
      },
    ]);
  });
});
