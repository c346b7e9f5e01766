import { FactRetrieverContext } from '@backstage-community/plugin-tech-insights-node';
import { Config } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import {
  CloudflareAccountClient,
  CloudflareClientsService,
  createCloudflareClientsService,
} from '@cloudflare-backstage/plugin-cloudflare-node';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import { CloudflareFactRetrieverOptions, describeError, refOf } from './common';

/**
 * How long a retriever's read waits for call budget by default: one of Cloudflare's rate limit
 * windows (5 minutes). Past it the read fails with kind `budget` and the run stores no fact for
 * what it would have read.
 */
export const DEFAULT_BUDGET_WAIT_SECONDS = 300;

/**
 * Services built for retrievers used without the module (registered by hand, or in tests), one
 * per root config object, so their runs share one budget and breaker per account as the module's
 * do.
 */
const standalone = new WeakMap<Config, CloudflareClientsService>();

/**
 * The Cloudflare clients of a run: the module's shared service (`options.clients`), else one built
 * once from the run's config. Undefined (logged) when the configuration is invalid or names no
 * account, so the run stores no facts.
 */
export function openClients(
  ctx: FactRetrieverContext,
  retrieverId: string,
  options: Pick<CloudflareFactRetrieverOptions, 'clients'>,
): CloudflareClientsService | undefined {
  let clients = options.clients ?? standalone.get(ctx.config);
  if (!clients) {
    try {
      clients = createCloudflareClientsService({
        config: ctx.config,
        logger: ctx.logger,
      });
    } catch (error) {
      ctx.logger.error(
        `${retrieverId}: Cloudflare connection unavailable, no facts this run (${describeError(
          error,
        )})`,
      );
      return undefined;
    }
    standalone.set(ctx.config, clients);
  }
  if (clients.list().length === 0) {
    ctx.logger.error(
      `${retrieverId}: no Cloudflare account is configured (cloudflare.accountId or cloudflare.accounts), no facts this run`,
    );
    return undefined;
  }
  return clients;
}

/**
 * Runs a read of one account at background priority: its calls wait for budget (never taking the
 * share kept for the routes) for at most `budgetWaitSeconds`, then fail with kind `budget`.
 */
export function readInBackground<T>(
  account: CloudflareAccountClient,
  options: Pick<CloudflareFactRetrieverOptions, 'budgetWaitSeconds'>,
  read: (client: CloudflareClient) => Promise<T>,
): Promise<T> {
  const waitMs =
    (options.budgetWaitSeconds ?? DEFAULT_BUDGET_WAIT_SECONDS) * 1000;
  return account.client.inBackground(() => read(account.client), {
    deadline: Date.now() + waitMs,
  });
}

/**
 * The entities of each configured account (`clients.forEntity`: the `cloudflare.com/account-id`
 * annotation, else the only account), and those no configured account claims (logged at debug
 * level: an entity of another account, or one naming none when several are configured).
 */
export function entitiesByAccount(
  ctx: FactRetrieverContext,
  retrieverId: string,
  clients: CloudflareClientsService,
  entities: Entity[],
): Map<CloudflareAccountClient, Entity[]> {
  const groups = new Map<CloudflareAccountClient, Entity[]>();
  const unclaimed: Entity[] = [];
  for (const entity of entities) {
    const account = clients.forEntity(entity);
    if (!account) unclaimed.push(entity);
    else groups.set(account, [...(groups.get(account) ?? []), entity]);
  }
  if (unclaimed.length > 0) {
    ctx.logger.debug(
      `${retrieverId}: left alone, no configured Cloudflare account claims them: ${unclaimed
        .map(refOf)
        .join(', ')}`,
    );
  }
  return groups;
}
