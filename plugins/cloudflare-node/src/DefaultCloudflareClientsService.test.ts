import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  DEMO_ACCOUNT_ID,
  DEMO_API_TOKEN,
  demoAccountId,
  demoApiTokenFor,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { DEMO_TEST_BASE_URL } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';
import { createCloudflareClientsService } from './createCloudflareClientsService';

const EU_ACCOUNT_ID = demoAccountId(1);

function twoAccounts() {
  return createCloudflareClientsService({
    config: new ConfigReader({
      cloudflare: {
        accounts: [
          {
            id: 'acme',
            accountId: DEMO_ACCOUNT_ID,
            apiToken: DEMO_API_TOKEN,
            apiBaseUrl: DEMO_TEST_BASE_URL,
          },
          {
            id: 'acme-eu',
            accountId: EU_ACCOUNT_ID,
            apiToken: demoApiTokenFor(EU_ACCOUNT_ID),
            apiBaseUrl: DEMO_TEST_BASE_URL,
          },
        ],
      },
    }),
    logger: mockServices.logger.mock(),
  });
}

function oneAccount() {
  return createCloudflareClientsService({
    config: new ConfigReader({
      cloudflare: {
        accountId: DEMO_ACCOUNT_ID,
        apiToken: DEMO_API_TOKEN,
        apiBaseUrl: DEMO_TEST_BASE_URL,
      },
    }),
    logger: mockServices.logger.mock(),
  });
}

function entity(accountId?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'cf-worker-acme-api',
      annotations: accountId ? { 'cloudflare.com/account-id': accountId } : {},
    },
    spec: { type: 'cloudflare-worker', owner: 'platform' },
  };
}

describe('DefaultCloudflareClientsService', () => {
  describe('get', () => {
    it('gives the only account without a name, by its config id or account id', () => {
      const clients = oneAccount();
      const only = clients.get();
      expect(only).toMatchObject({ id: 'default', accountId: DEMO_ACCOUNT_ID });
      expect(clients.get('default')).toBe(only);
      expect(clients.get(DEMO_ACCOUNT_ID)).toBe(only);
      expect(clients.get('')).toBe(only);
    });

    it('picks one of several accounts by config id or Cloudflare account id (any case)', () => {
      const clients = twoAccounts();
      const [acme, eu] = clients.list();
      expect(clients.get('acme')).toBe(acme);
      expect(clients.get('acme-eu')).toBe(eu);
      expect(clients.get(EU_ACCOUNT_ID)).toBe(eu);
      expect(clients.get(EU_ACCOUNT_ID.toUpperCase())).toBe(eu);
      expect(eu.client.accountId).toBe(EU_ACCOUNT_ID);
      expect(acme.client).not.toBe(eu.client);
    });

    it('asks for the account when several are configured', () => {
      const clients = twoAccounts();
      expect(() => clients.get()).toThrow(InputError);
      expect(() => clients.get()).toThrow(
        'account is required: one of acme, acme-eu',
      );
    });

    it('answers NotFoundError for an account that is not configured', () => {
      const clients = twoAccounts();
      expect(() => clients.get('nope')).toThrow(NotFoundError);
      expect(() => clients.get('ffffffffffffffffffffffffffffffff')).toThrow(
        "no Cloudflare account 'ffffffffffffffffffffffffffffffff' is configured",
      );
      expect(() => oneAccount().get('acme-eu')).toThrow(NotFoundError);
    });
  });

  describe('forEntity', () => {
    it('follows the cloudflare.com/account-id annotation', () => {
      const clients = twoAccounts();
      expect(clients.forEntity(entity(EU_ACCOUNT_ID))?.id).toBe('acme-eu');
      expect(clients.forEntity(entity(DEMO_ACCOUNT_ID))?.id).toBe('acme');
    });

    it('gives nothing for an unannotated entity when several accounts are configured', () => {
      expect(twoAccounts().forEntity(entity())).toBeUndefined();
    });

    it('gives nothing for an entity of an account that is not configured', () => {
      expect(
        twoAccounts().forEntity(entity('ffffffffffffffffffffffffffffffff')),
      ).toBeUndefined();
      expect(oneAccount().forEntity(entity(EU_ACCOUNT_ID))).toBeUndefined();
    });

    it('gives the only account to an unannotated entity', () => {
      expect(oneAccount().forEntity(entity())?.id).toBe('default');
    });
  });

  it('reports each account health under its config id, without a token', () => {
    const health = twoAccounts().health();
    expect(health.map(h => [h.id, h.accountId])).toEqual([
      ['acme', DEMO_ACCOUNT_ID],
      ['acme-eu', EU_ACCOUNT_ID],
    ]);
    expect(health[0]).toMatchObject({
      calls: 0,
      callsByArea: {},
      breaker: { state: 'closed', consecutiveFailures: 0 },
      budget: { limit: 1200, windowSeconds: 300, spent: 0 },
    });
    const text = JSON.stringify(health);
    expect(text).not.toContain(DEMO_API_TOKEN);
    expect(text).not.toContain(demoApiTokenFor(EU_ACCOUNT_ID));
  });
});
