import { ConfigReader } from '@backstage/config';
import { expectConfigFailure } from './__testUtils__/configFailure';
import { readCloudflareAccounts } from './accounts';

const TOKEN_A = 'secret-token-a-0123456789abcdef0123';
const TOKEN_B = 'secret-token-b-0123456789abcdef0123';
const ACCOUNT_A = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const ACCOUNT_B = 'aaaabbbbccccddddeeeeffff00001111';

const read = (cloudflare: unknown) =>
  readCloudflareAccounts(new ConfigReader({ cloudflare } as any));

const expectFailureAt = (cloudflare: unknown, key: string) =>
  expectConfigFailure(() => read(cloudflare), key, [TOKEN_A, TOKEN_B]);

const two = {
  fetch: { timeoutMs: 5000 },
  budget: { calls: 600, routeShare: 0.3 },
  breaker: { failureThreshold: 2 },
  accounts: [
    { id: 'prod', accountId: ACCOUNT_A, apiToken: TOKEN_A },
    {
      id: 'staging',
      accountId: ACCOUNT_B,
      apiToken: TOKEN_B,
      apiBaseUrl: 'http://127.0.0.1:8787/client/v4',
      browserRendering: { plan: 'free' },
      budget: { calls: 100 },
    },
  ],
};

describe('readCloudflareAccounts', () => {
  it('gives none without a cloudflare block or an account', () => {
    expect(readCloudflareAccounts(new ConfigReader({}))).toEqual([]);
    expect(read({ fetch: { timeoutMs: 1000 } })).toEqual([]);
  });

  it("reads the top-level block as the account 'default'", () => {
    const [only, ...rest] = read({
      accountId: ACCOUNT_A,
      apiToken: TOKEN_A,
      budget: { calls: 100 },
    });
    expect(rest).toEqual([]);
    expect(only).toMatchObject({
      id: 'default',
      accountId: ACCOUNT_A,
      clientConfig: {
        accountId: ACCOUNT_A,
        apiToken: TOKEN_A,
        budget: { calls: 100 },
        breaker: {},
      },
    });
  });

  it('reads one account per cloudflare.accounts entry, the shared keys applying to each', () => {
    const [prod, staging] = read({
      ...two,
      accountId: 'ffffffffffffffffffffffffffffffff',
    });
    expect(prod).toMatchObject({
      id: 'prod',
      accountId: ACCOUNT_A,
      clientConfig: {
        apiToken: TOKEN_A,
        apiBaseUrl: 'https://api.cloudflare.com/client/v4',
        timeoutMs: 5000,
        budget: { calls: 600, routeShare: 0.3 },
        breaker: { failureThreshold: 2 },
        areaSettings: {},
      },
    });
    expect(staging).toMatchObject({
      id: 'staging',
      accountId: ACCOUNT_B,
      clientConfig: {
        apiToken: TOKEN_B,
        apiBaseUrl: 'http://127.0.0.1:8787/client/v4',
        timeoutMs: 5000,
        // The entry's own budget keys win, the shared ones fill in.
        budget: { calls: 100, routeShare: 0.3 },
        areaSettings: { browserRendering: { plan: 'free' } },
      },
    });
  });

  it('names the key of a bad entry, never its token', () => {
    const entry = { id: 'prod', accountId: ACCOUNT_A, apiToken: TOKEN_A };
    expect(read({ accounts: [entry] })).toHaveLength(1);
    expectFailureAt(
      { accounts: [entry, { id: 'x', accountId: ACCOUNT_B }] },
      'cloudflare.accounts[1].apiToken',
    );
    expectFailureAt(
      { accounts: [{ ...entry, accountId: 'nope' }] },
      'cloudflare.accounts[0].accountId',
    );
    expectFailureAt(
      { accounts: [{ ...entry, apiBaseUrl: 'http://example.com' }] },
      'cloudflare.accounts[0].apiBaseUrl',
    );
    expectFailureAt(
      { accounts: [{ ...entry, budget: { calls: 0 } }] },
      'cloudflare.accounts[0].budget.calls',
    );
    expectFailureAt(
      { budget: { routeShare: 2 }, accounts: [entry] },
      'cloudflare.budget.routeShare',
    );
    expectFailureAt(
      { fetch: { maxRetries: 99 }, accounts: [entry] },
      'cloudflare.fetch.maxRetries',
    );
    expectFailureAt(
      { accounts: [{ ...entry, id: 'no spaces' }] },
      'cloudflare.accounts[0].id',
    );
    expectFailureAt(
      { accounts: [{ accountId: ACCOUNT_A, apiToken: TOKEN_A }] },
      'cloudflare.accounts[0].id',
    );
    expectFailureAt({ accounts: 'prod' }, 'cloudflare.accounts');
  });

  it('refuses two entries with one id or one account', () => {
    const a = { id: 'prod', accountId: ACCOUNT_A, apiToken: TOKEN_A };
    expect(
      read({ accounts: [a, { ...a, id: 'other', accountId: ACCOUNT_B }] }),
    ).toHaveLength(2);
    expectFailureAt(
      { accounts: [a, { ...a, accountId: ACCOUNT_B }] },
      'cloudflare.accounts[1].id',
    );
    expectFailureAt(
      {
        accounts: [
          a,
          { ...a, id: 'other', accountId: ACCOUNT_A.toUpperCase() },
        ],
      },
      'cloudflare.accounts[1].accountId',
    );
  });
});
