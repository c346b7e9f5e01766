import {
  DemoAccountServer,
  createDemoAccounts,
  demoApiTokenFor,
  startDemoAccountServer,
} from '@cloudflare-backstage/cloudflare-demo-account';

/**
 * Two generated demo accounts (3 and 2 Workers) served on one free loopback port for the current test file, each
 * with its own id and API token (so its own rate limit), with faults and call counts cleared
 * before each test.
 */
export function useTwoDemoAccounts() {
  let server: DemoAccountServer | undefined;
  const running = () => {
    if (!server)
      throw new Error('the demo accounts are served from beforeAll on');
    return server;
  };
  beforeAll(async () => {
    server = await startDemoAccountServer({
      port: 0,
      accounts: createDemoAccounts({ count: 2, counts: { workers: 3 } }),
    });
    // tell the accounts apart: the second has one Worker less
    server.states[1].data.workers.scripts.pop();
  });
  beforeEach(() => {
    for (const state of running().states) {
      state.clearFaults();
      state.resetCalls();
    }
  });
  afterAll(() => server?.close());
  return {
    get server() {
      return running();
    },
    /** The Cloudflare account id of demo account `i`. */
    accountId(i: number) {
      return running().states[i].data.account.id;
    },
    /** `cloudflare.accounts[i]` of demo account `i`, read with `token` (its own by default). */
    entry(i: number, id: string, token?: string): Record<string, string> {
      const accountId = running().states[i].data.account.id;
      return {
        id,
        accountId,
        apiToken: token ?? demoApiTokenFor(accountId),
        apiBaseUrl: running().baseUrl,
      };
    },
  };
}

/** The shared `cloudflare` keys of the tests: fast timeouts, no retries. */
export const TEST_FETCH = { timeoutMs: 2000, maxRetries: 0 };
