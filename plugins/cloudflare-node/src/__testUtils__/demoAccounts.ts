import {
  createDemoAccounts,
  demoApiTokenFor,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { useServedDemoAccounts } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';

/**
 * Two generated demo accounts (3 and 2 Workers) served on one free loopback port for the current test file, each
 * with its own id and API token (so its own rate limit), with faults and call counts cleared
 * before each test.
 */
export function useTwoDemoAccounts() {
  const served = useServedDemoAccounts(() => {
    const accounts = createDemoAccounts({ count: 2, counts: { workers: 3 } });
    // tell the accounts apart: the second has one Worker less
    accounts[1].data.workers.scripts.pop();
    return accounts;
  });
  return {
    get server() {
      return served;
    },
    /** The Cloudflare account id of demo account `i`. */
    accountId(i: number) {
      return served.states[i].data.account.id;
    },
    /** `cloudflare.accounts[i]` of demo account `i`, read with `token` (its own by default). */
    entry(i: number, id: string, token?: string): Record<string, string> {
      const accountId = served.states[i].data.account.id;
      return {
        id,
        accountId,
        apiToken: token ?? demoApiTokenFor(accountId),
        apiBaseUrl: served.baseUrl,
      };
    },
  };
}

/** The shared `cloudflare` keys of the tests: fast timeouts, no retries. */
export const TEST_FETCH = { timeoutMs: 2000, maxRetries: 0 };
