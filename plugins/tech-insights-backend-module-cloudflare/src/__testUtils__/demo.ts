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
import { createCloudflareFactSourceFromConfig } from '../clientSource';

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

const component = (
  name: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'platform',
    system: 'acme-org',
  },
});

/** The example catalog: acme-org's Components, its System and its Zero Trust posture Resource. */
export const EXAMPLE_ENTITIES: Entity[] = [
  component('acme-api', { 'cloudflare.com/worker': 'acme-api' }),
  component('acme-web', { 'cloudflare.com/pages': 'acme-web' }),
  component('acme-edge-router', {
    'cloudflare.com/worker': 'acme-edge-router',
  }),
  component('acme-worker-consumer', {
    'cloudflare.com/worker': 'acme-worker-consumer',
  }),
  component('acme-platform', {
    'cloudflare.com/worker': 'acme-api, acme-worker-consumer',
  }),
  component('legacy-billing', {}),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'acme-org', namespace: 'default' },
    spec: { owner: 'platform' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'cf-zt-acme-org',
      namespace: 'default',
      annotations: { 'cloudflare.com/account-id': DEMO_ACCOUNT_ID },
    },
    spec: {
      type: 'cloudflare-zero-trust',
      owner: 'security',
      system: 'acme-org',
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'cf-zt-other-account',
      namespace: 'default',
      annotations: {
        'cloudflare.com/account-id': 'ffffffffffffffffffffffffffffffff',
      },
    },
    spec: { type: 'cloudflare-zero-trust', owner: 'security' },
  },
];

/** A catalog holding {@link EXAMPLE_ENTITIES} (or the given entities). */
export function exampleCatalog(entities: Entity[] = EXAMPLE_ENTITIES) {
  return new InMemoryCatalogClient({ entities });
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

/** The source over the config: the suite's client against the demo account. */
export const demoSource = createCloudflareFactSourceFromConfig;
