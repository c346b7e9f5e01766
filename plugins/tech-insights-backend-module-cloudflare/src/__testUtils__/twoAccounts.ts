import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { Entity } from '@backstage/catalog-model';
import {
  DEMO_ACCOUNT_ID,
  DEMO_API_TOKEN,
  DemoAccountState,
  createDemoAccountData,
  demoAccountId,
  demoApiTokenFor,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { useServedDemoAccounts } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';
import { component, resourceEntity } from '../__fixtures__/catalog';

/** The second account: acme-org's data under another id and token (`acme-eu`). */
export const EU_ACCOUNT_ID = demoAccountId(1);
/** The second account's API token (not a secret: it opens a fictional account). */
export const EU_API_TOKEN = demoApiTokenFor(EU_ACCOUNT_ID);

/**
 * Two demo accounts served on one free loopback port for the current test file: acme-org
 * (`acme`) and a copy of it under another id and token (`acme-eu`), each with its own rate limit,
 * both fresh for each test. `config()` is the backend's `cloudflare` block with both in
 * `cloudflare.accounts`.
 */
export function useTwoDemoAccounts() {
  const served = useServedDemoAccounts(() => [
    new DemoAccountState(),
    new DemoAccountState(),
  ]);
  beforeEach(() => {
    const [acme, eu] = served.states;
    acme.data = createDemoAccountData();
    eu.data = {
      ...createDemoAccountData(),
      account: { id: EU_ACCOUNT_ID, name: 'acme-eu' },
    };
    eu.tokens = new Set([EU_API_TOKEN]);
  });
  return {
    get acme() {
      return served.states[0];
    },
    get eu() {
      return served.states[1];
    },
    config(budget?: { calls: number; routeShare?: number }) {
      const baseUrl = served.baseUrl;
      return {
        cloudflare: {
          fetch: { timeoutMs: 2000, maxRetries: 0 },
          ...(budget ? { budget } : {}),
          accounts: [
            {
              id: 'acme',
              accountId: DEMO_ACCOUNT_ID,
              apiToken: DEMO_API_TOKEN,
              apiBaseUrl: baseUrl,
            },
            {
              id: 'acme-eu',
              accountId: EU_ACCOUNT_ID,
              apiToken: EU_API_TOKEN,
              apiBaseUrl: baseUrl,
            },
          ],
        },
      };
    },
  };
}

/**
 * The second account's entities: its Zero Trust posture Resource (`cf-zt-access-eu`), the Worker
 * `acme-api` of that account as `cf-worker-acme-api-eu` (with `deployment` as its last deployment)
 * and the Component `eu-api` depending on it.
 */
export function euEntities(deployment: {
  version: string;
  createdOn: string;
}): Entity[] {
  const worker = resourceEntity(EU_ACCOUNT_ID, 'workers', 'acme-api', {
    scriptName: 'acme-api',
    lastDeployment: deployment,
  });
  worker.metadata.name = 'cf-worker-acme-api-eu';
  const eu = component('eu-api', { 'cloudflare.com/worker': 'acme-api' });
  eu.relations = [
    { type: 'dependsOn', targetRef: 'resource:default/cf-worker-acme-api-eu' },
  ];
  return [
    resourceEntity(
      EU_ACCOUNT_ID,
      'zeroTrust',
      'access-eu',
      {},
      `${EU_ACCOUNT_ID}/access`,
    ),
    worker,
    eu,
  ];
}

/** An in-memory catalog of `entities`. */
export function catalogOf(entities: Entity[]) {
  return new InMemoryCatalogClient({ entities });
}
