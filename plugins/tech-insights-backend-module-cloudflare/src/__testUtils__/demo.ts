import {
  FactRetrieverContext,
  TechInsightFact,
} from '@backstage-community/plugin-tech-insights-node';
import { mockServices } from '@backstage/backend-test-utils';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import {
  DEMO_ACCOUNT_ID,
  DEMO_API_TOKEN,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { DEMO_TEST_BASE_URL } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import { demoResources, exampleEntities } from '../__fixtures__/catalog';

type JsonObject = NonNullable<ConstructorParameters<typeof ConfigReader>[0]>;

/** Where tests point the client; msw intercepts it, nothing leaves the machine. */
export const TEST_BASE_URL = DEMO_TEST_BASE_URL;

export { useDemoAccount } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';

/** The backend's `cloudflare` block, pointed at the demo account, without retries. */
export function demoCloudflareConfig(overrides: JsonObject = {}): JsonObject {
  return {
    cloudflare: {
      accountId: DEMO_ACCOUNT_ID,
      apiToken: DEMO_API_TOKEN,
      apiBaseUrl: TEST_BASE_URL,
      fetch: { timeoutMs: 2000, maxRetries: 0 },
      ...overrides,
    },
  };
}

/**
 * The example catalog of acme-org (see `__fixtures__/catalog.ts`): its Components, System and Zero
 * Trust posture Resources, and the Worker and Pages Resources read from the demo account now.
 * Build it before adding faults to the demo account. `edit` changes the entity list.
 */
export async function demoCatalog(
  edit: (entities: Entity[]) => Entity[] = e => e,
): Promise<InMemoryCatalogClient> {
  const client = CloudflareClient.fromConfig(
    new ConfigReader(demoCloudflareConfig()),
  );
  const entities = [
    ...exampleEntities(DEMO_ACCOUNT_ID),
    ...(await demoResources(client)),
  ];
  return new InMemoryCatalogClient({ entities: edit(entities) });
}

/** The context Tech Insights hands a retriever, with a logger whose calls tests can read. */
export function retrieverContext(config: JsonObject = demoCloudflareConfig()) {
  const logger = mockServices.logger.mock();
  const ctx: FactRetrieverContext = {
    config: new ConfigReader(config),
    discovery: mockServices.discovery(),
    logger,
    auth: mockServices.auth(),
    urlReader: mockServices.urlReader.mock(),
  };
  return { ctx, logger };
}

/** Everything logged, one string per call, for assertions (and for proving no secret was logged). */
export function loggedText(
  logger: ReturnType<typeof mockServices.logger.mock>,
): string {
  return (['error', 'warn', 'info', 'debug'] as const)
    .flatMap(level =>
      (logger[level] as jest.Mock).mock.calls.map(
        c => `${level}: ${c.map(String).join(' ')}`,
      ),
    )
    .join('\n');
}

/** Facts of one entity by name. */
export function factsOf(
  facts: TechInsightFact[],
  name: string,
): TechInsightFact['facts'] | undefined {
  return facts.find(f => f.entity.name === name)?.facts;
}
