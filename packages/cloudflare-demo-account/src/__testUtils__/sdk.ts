import Cloudflare from 'cloudflare';
import { setupServer } from 'msw/node';
import { createDemoAccountHandlers } from '../handlers';
import { DemoAccountState, DemoAccountOptions, DEMO_API_TOKEN } from '../state';
import { DEMO_ACCOUNT_ID } from '../data';

/** Where tests point the SDK; msw intercepts it, nothing leaves the machine. */
export const TEST_BASE_URL = 'https://api.cloudflare.test/client/v4';

/**
 * Installs the demo account's handlers in an msw server for the current test file and returns a
 * getter for a fresh state and an SDK client per test.
 */
export function useDemoAccount(options: DemoAccountOptions = {}) {
  const ctx: { state: DemoAccountState; server: ReturnType<typeof setupServer>; account_id: string } = {
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

/** An SDK client pointed at the demo account, without retries unless asked. */
export function sdk(options: { token?: string; maxRetries?: number; timeout?: number } = {}) {
  return new Cloudflare({
    apiToken: options.token ?? DEMO_API_TOKEN,
    baseURL: TEST_BASE_URL,
    maxRetries: options.maxRetries ?? 0,
    timeout: options.timeout ?? 5_000,
  });
}
