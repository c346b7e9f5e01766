import {
  DEMO_API_TOKEN,
  DEMO_ACCOUNT_ID,
  ALL_SECRET_CANARIES,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { DEMO_TEST_BASE_URL } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';
import { CloudflareClient, CloudflareClientOptions } from '../CloudflareClient';
import { DEFAULT_REDACTION_RULES } from '../redaction';
import { CloudflareApiError } from '../errors';

/** Where tests point the SDK; msw intercepts it, nothing leaves the machine. */
export const TEST_BASE_URL = DEMO_TEST_BASE_URL;

export { useDemoAccount } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';

/** A client pointed at the demo account; no retries and a short timeout unless asked. */
export function demoClient(
  options: {
    token?: string;
    maxRetries?: number;
    timeoutMs?: number;
    accountId?: string;
  } & CloudflareClientOptions = {},
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

/** A logger whose calls the test inspects, e.g. `logger.warn.mock.calls`. */
export function jestLogger() {
  return {
    debug: jest.fn(),
    info: jest.fn(),
    warn: jest.fn(),
    error: jest.fn(),
  };
}

/** Fails the test if any secret canary (or an extra secret) appears in the value's JSON. */
export function expectNoCanary(value: unknown, extra: string[] = []) {
  const json = JSON.stringify(value);
  for (const canary of [...ALL_SECRET_CANARIES, ...extra]) {
    expect(json).not.toContain(canary);
  }
}

export { DEMO_API_TOKEN, DEMO_ACCOUNT_ID };

/** The error a read failed with; fails the test when the read succeeds. */
export async function failure(
  p: Promise<unknown>,
): Promise<CloudflareApiError> {
  try {
    await p;
  } catch (e) {
    return e as CloudflareApiError;
  }
  throw new Error('expected a failure');
}
