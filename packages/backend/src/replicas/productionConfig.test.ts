import {
  checkConfig,
  readProductionConfig,
  withAccountsBlock,
} from './productionConfig';

jest.setTimeout(60_000);

const ENV = {
  CLOUDFLARE_ACCOUNT_ID: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
  CLOUDFLARE_API_TOKEN: 'single-token',
  CLOUDFLARE_PROD_ACCOUNT_ID: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
  CLOUDFLARE_PROD_API_TOKEN: 'prod-token',
  CLOUDFLARE_STAGING_ACCOUNT_ID: '1f1e2d3c4b5a69788796a5b4c3d2e1f0',
  CLOUDFLARE_STAGING_API_TOKEN: 'staging-token',
  POSTGRES_PASSWORD: 'pg-password',
};

/**
 * The keys app-config.production.yaml sets. The demo's app-config.yaml has strict-schema errors
 * of its own elsewhere (e.g. the Tech Insights checks' `links`), which are not this file's.
 */
const PRODUCTION_KEYS = /^\/(backend|cloudflare|auth|catalog|app)(\/|$)/;

const productionErrors = (errors: Array<{ path: string }>) =>
  errors.filter(e => PRODUCTION_KEYS.test(e.path));

describe('app-config.production.yaml', () => {
  it('is valid config with one account: PostgreSQL, Redis, the budget, breaker and stale cache', async () => {
    const { errors, printed } = await checkConfig(readProductionConfig(), ENV);
    expect(productionErrors(errors)).toEqual([]);
    expect(printed.backend.database.client).toBe('pg');
    expect(printed.backend.cache.store).toBe('redis');
    expect(printed.cloudflare).toMatchObject({
      accountId: ENV.CLOUDFLARE_ACCOUNT_ID,
      budget: { calls: 1200, windowSeconds: 300, routeShare: 0.2 },
      breaker: { failureThreshold: 5, openSeconds: 30, maxOpenSeconds: 300 },
      cache: { maxStaleSeconds: 86400 },
    });
    expect(printed.cloudflare.accounts).toBeUndefined();
    // Secrets stay hidden in what the CLI prints.
    expect(JSON.stringify(printed)).not.toMatch(/single-token|pg-password/);
  });

  it('is valid config with its accounts example switched on, each token from its variable', async () => {
    const text = withAccountsBlock(readProductionConfig());
    expect(text).not.toBe(readProductionConfig());
    const { errors, printed } = await checkConfig(text, ENV);
    expect(productionErrors(errors)).toEqual([]);
    expect(printed.cloudflare.accounts).toEqual([
      {
        id: 'prod',
        accountId: ENV.CLOUDFLARE_PROD_ACCOUNT_ID,
        apiToken: '<secret>',
      },
      {
        id: 'staging',
        accountId: ENV.CLOUDFLARE_STAGING_ACCOUNT_ID,
        apiToken: '<secret>',
        budget: { calls: 600 },
      },
    ]);
  });

  it('has its schema errors found: a wrong type under cloudflare fails', async () => {
    const text = readProductionConfig().replace('calls: 1200', 'calls: [1200]');
    const { errors } = await checkConfig(text, ENV);
    expect(productionErrors(errors)).toEqual([
      {
        message: 'must be number { type=number }',
        path: '/cloudflare/budget/calls',
      },
    ]);
  });
});
