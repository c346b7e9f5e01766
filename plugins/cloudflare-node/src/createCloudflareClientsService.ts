import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  CircuitBreaker,
  CloudflareClient,
  readCloudflareAccounts,
} from '@cloudflare-backstage/cloudflare-client';
import { DefaultCloudflareClientsService } from './DefaultCloudflareClientsService';
import { SharedBudgets } from './sharedBudgets';
import type {
  CloudflareAccountClient,
  CloudflareClientsService,
} from './types';

/**
 * Options of {@link createCloudflareClientsService}.
 *
 * @public
 */
export interface CloudflareClientsServiceOptions {
  /** The root config; its `cloudflare` block (top-level account or `cloudflare.accounts[]`) is read. */
  config: Config;
  /** Where the clients log; each account's client logs through a child with `account: <config id>`. */
  logger: LoggerService;
  /** The `fetch` every client uses; `globalThis.fetch` by default. A seam for tests and proxies. */
  fetch?: typeof fetch;
  /** Extra request headers of every client, e.g. the demo account's `cf-demo-fault` in tests. */
  defaultHeaders?: Record<string, string>;
}

/**
 * Builds the backend's Cloudflare clients from config: one `CloudflareClient` per configured
 * account (`readCloudflareAccounts`), one `CallBudget` per distinct API token (accounts read with
 * the same token share it; the first of them sets its options), one `CircuitBreaker` per account.
 * The default factory of {@link cloudflareClientsServiceRef} calls it; tests call it directly.
 *
 * With no account configured the service lists none, `get` throws `NotFoundError` and `forEntity`
 * answers undefined (logged once, at warn level). Invalid configuration throws a
 * `CloudflareConfigError` naming the key, never a value.
 *
 * @public
 */
export function createCloudflareClientsService(
  options: CloudflareClientsServiceOptions,
): CloudflareClientsService {
  const { config, logger } = options;
  const accounts = readCloudflareAccounts(config);
  const budgets = new SharedBudgets();
  const clients: CloudflareAccountClient[] = accounts.map(account => {
    const { budget, sharedWith, optionsDiffer } = budgets.budgetFor(
      account.clientConfig.apiToken,
      account.id,
      account.clientConfig.budget,
    );
    if (optionsDiffer) {
      logger.warn(
        `Cloudflare account ${
          account.id
        } uses the API token of ${sharedWith.join(
          ', ',
        )}: it shares that call budget, and its own budget settings are not used`,
      );
    }
    const client = new CloudflareClient(account.clientConfig, {
      logger: logger.child({ account: account.id }),
      fetch: options.fetch,
      defaultHeaders: options.defaultHeaders,
      budget,
      breaker: new CircuitBreaker(account.clientConfig.breaker),
    });
    return { id: account.id, accountId: account.accountId, client };
  });
  if (clients.length === 0) {
    logger.warn(
      'No Cloudflare account is configured (cloudflare.accountId or cloudflare.accounts): the Cloudflare plugins have nothing to read',
    );
  } else {
    logger.info(
      `Cloudflare clients: ${clients.length} account(s) (${clients
        .map(c => c.id)
        .join(', ')}), ${budgets.size} call budget(s)`,
    );
  }
  return new DefaultCloudflareClientsService(clients);
}
