/**
 * Test helpers for packages that test against the demo account: an msw server installing its handlers
 * for a jest test file, and a `fetch` answered by the handlers without any server.
 *
 * @packageDocumentation
 */

import { getResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DEMO_ACCOUNT_ID } from './data';
import { createDemoAccountHandlers } from './handlers';
import { DemoAccountServer, startDemoAccountServer } from './server';
import { DemoAccountOptions, DemoAccountState } from './state';

/**
 * Where tests point the SDK or the client: msw answers it, nothing leaves the machine.
 *
 * @public
 */
export const DEMO_TEST_BASE_URL = 'https://api.cloudflare.test/client/v4';

/**
 * What {@link useDemoAccount} returns: `state` is replaced before each test.
 *
 * @public
 */
export interface DemoAccountTestContext {
  /** The demo account of the running test, fresh for each test. */
  state: DemoAccountState;
  /** The msw server answering {@link DEMO_TEST_BASE_URL} for the test file. */
  server: ReturnType<typeof setupServer>;
  /** The demo account's id. */
  account_id: string;
}

/**
 * Installs the demo account's handlers in an msw server for the current jest test file (unhandled
 * requests fail the test), with a fresh state for each test.
 *
 * @public
 */
export function useDemoAccount(
  options: DemoAccountOptions = {},
): DemoAccountTestContext {
  const ctx: DemoAccountTestContext = {
    state: new DemoAccountState(options),
    server: setupServer(),
    account_id: DEMO_ACCOUNT_ID,
  };
  beforeAll(() => ctx.server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => {
    ctx.state = new DemoAccountState(options);
    ctx.server.resetHandlers(...createDemoAccountHandlers(ctx.state));
  });
  afterAll(() => ctx.server.close());
  return ctx;
}

/**
 * A `fetch` answered by the demo account's handlers bound to `state`, without a server or global
 * interception (for several accounts in one test, and for benchmarks). Unknown routes get a 404.
 *
 * @public
 */
export function demoFetch(state: DemoAccountState): typeof fetch {
  const handlers = createDemoAccountHandlers(state);
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await getResponse(handlers, new Request(input, init));
    return response ?? new Response('no demo route', { status: 404 });
  }) as typeof fetch;
}

/**
 * Serves several demo accounts on one free loopback port for the current jest test file
 * (`accounts()` runs once, in `beforeAll`; see `startDemoAccountServer`'s `accounts`), for tests
 * that give a real HTTP base URL to the code under test. Faults and call counts of every account are
 * cleared before each test; the accounts' data is shared by the file's tests.
 *
 * @public
 */
export function useServedDemoAccounts(
  accounts?: () => DemoAccountState[],
): Pick<DemoAccountServer, 'baseUrl' | 'state' | 'states'> {
  let server: DemoAccountServer | undefined;
  const running = () => {
    if (!server)
      throw new Error('the demo accounts are served from beforeAll on');
    return server;
  };
  beforeAll(async () => {
    server = await startDemoAccountServer({
      port: 0,
      ...(accounts ? { accounts: accounts() } : {}),
    });
  });
  beforeEach(() => {
    for (const state of running().states) {
      state.clearFaults();
      state.resetCalls();
    }
  });
  afterAll(() => server?.close());
  return {
    get baseUrl() {
      return running().baseUrl;
    },
    get state() {
      return running().state;
    },
    get states() {
      return running().states;
    },
  };
}

/**
 * Serves the demo account on a free loopback port for the current jest test file, for tests that
 * give a real HTTP base URL (`baseUrl`) to the code under test. Faults and call counts are cleared
 * before each test; the account's data is shared by the file's tests.
 *
 * @public
 */
export function useServedDemoAccount(): Pick<
  DemoAccountServer,
  'baseUrl' | 'state'
> {
  return useServedDemoAccounts();
}
