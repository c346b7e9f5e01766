import { setupServer } from 'msw/node';
import {
  DemoAccountState,
  DemoAccountOptions,
  createDemoAccountHandlers,
  DEMO_API_TOKEN,
  DEMO_ACCOUNT_ID,
  ALL_SECRET_CANARIES,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { CloudflareClient, CloudflareClientOptions } from '../CloudflareClient';
import { DEFAULT_REDACTION_RULES } from '../redaction';

/** Where tests point the SDK; msw intercepts it, nothing leaves the machine. */
export const TEST_BASE_URL = 'https://api.cloudflare.test/client/v4';

/**
 * Installs the demo account's handlers in an msw server for the current test file; a fresh state
 * per test.
 */
export function useDemoAccount(options: DemoAccountOptions = {}) {
  const ctx: { state: DemoAccountState; server: ReturnType<typeof setupServer> } = {
    state: new DemoAccountState(options),
    server: setupServer(),
  };
  beforeAll(() => ctx.server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => {
    ctx.state = new DemoAccountState(options);
    ctx.server.resetHandlers(...createDemoAccountHandlers(ctx.state));
  });
  afterAll(() => ctx.server.close());
  return ctx;
}

/** A client pointed at the demo account; no retries and a short timeout unless asked. */
export function demoClient(
  options: { token?: string; maxRetries?: number; timeoutMs?: number; accountId?: string } & CloudflareClientOptions = {},
) {
  const { token, maxRetries, timeoutMs, accountId, ...rest } = options;
  return new CloudflareClient(
    {
      accountId: accountId ?? DEMO_ACCOUNT_ID,
      apiToken: token ?? DEMO_API_TOKEN,
      apiBaseUrl: TEST_BASE_URL,
      timeoutMs: timeoutMs ?? 5_000,
      maxRetries: maxRetries ?? 0,
      backoff: 'jitter',
      redaction: DEFAULT_REDACTION_RULES,
    },
    rest,
  );
}

/** Fails the test if any secret canary (or an extra secret) appears in the value's JSON. */
export function expectNoCanary(value: unknown, extra: string[] = []) {
  const json = JSON.stringify(value);
  for (const canary of [...ALL_SECRET_CANARIES, ...extra]) {
    expect(json).not.toContain(canary);
  }
}

export { DEMO_API_TOKEN, DEMO_ACCOUNT_ID };
