import Cloudflare from 'cloudflare';
import { DEMO_TEST_BASE_URL } from '../testUtils';
import { DEMO_API_TOKEN } from '../state';

export { useDemoAccount } from '../testUtils';

/** Where tests point the SDK; msw intercepts it, nothing leaves the machine. */
export const TEST_BASE_URL = DEMO_TEST_BASE_URL;

/** An SDK client pointed at the demo account, without retries unless asked. */
export function sdk(
  options: { token?: string; maxRetries?: number; timeout?: number } = {},
) {
  return new Cloudflare({
    apiToken: options.token ?? DEMO_API_TOKEN,
    baseURL: TEST_BASE_URL,
    maxRetries: options.maxRetries ?? 0,
    timeout: options.timeout ?? 5_000,
  });
}
