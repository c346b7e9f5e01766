import {
  DEMO_ACCOUNT_ID,
  DEMO_API_TOKEN,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { DEMO_TEST_BASE_URL } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';
import { ClientContext, LoggerLike } from '../context';
import { DEFAULT_REDACTION_RULES, Redactor } from '../redaction';

/**
 * The context an area module is built with, pointed at the demo account (msw answers it): no
 * retries, a short timeout; `token` is the demo's read token unless given. For testing an area
 * module on its own.
 */
export function demoContext(
  options: { logger?: LoggerLike; token?: string } = {},
) {
  const token = options.token ?? DEMO_API_TOKEN;
  return new ClientContext(
    DEMO_ACCOUNT_ID,
    [token],
    new Redactor(DEFAULT_REDACTION_RULES),
    options.logger,
    {
      apiToken: token,
      apiKey: null,
      apiEmail: null,
      userServiceKey: null,
      baseURL: DEMO_TEST_BASE_URL,
      timeout: 5_000,
      maxRetries: 0,
    },
  );
}
