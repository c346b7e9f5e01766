import {
  FactRetrieverContext,
  TechInsightFact,
} from '@backstage-community/plugin-tech-insights-node';
import { DateTime } from 'luxon';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import { CloudflareAccountClient } from '@cloudflare-backstage/plugin-cloudflare-node';
import {
  CloudflareFactRetrieverOptions,
  EntityFilter,
  describeError,
  factsPerEntity,
  openEntities,
  refOf,
} from './common';
import { entitiesByAccount, openClients, readInBackground } from './clients';

/**
 * Options of the retrievers whose facts describe a whole Cloudflare account.
 *
 * @public
 */
export interface CloudflareAccountFactRetrieverOptions
  extends CloudflareFactRetrieverOptions {
  /**
   * Entities that carry the account's facts. Default: the account's Zero Trust posture Resource
   * (`kind: resource`, `spec.type: cloudflare-zero-trust`). Use `{ kind: 'system', 'metadata.name': 'acme-org' }`
   * to put them on a System instead.
   */
  entityFilter?: FactRetrieverContext['entityFilter'];
}

/**
 * Computes account-wide facts once per configured account that has target entities, and gives
 * them to the targets of that account: an entity's account is the one its
 * `cloudflare.com/account-id` annotation names, else the only configured account (an entity of an
 * account that is not configured, or naming none when several are, is left alone). Each account is
 * read at background priority. When an account's facts cannot be computed, the fault is logged and
 * its entities get no fact; the other accounts' entities still do.
 */
export async function accountFacts(
  ctx: FactRetrieverContext,
  retrieverId: string,
  options: CloudflareAccountFactRetrieverOptions,
  defaultFilter: EntityFilter,
  compute: (
    client: CloudflareClient,
    now: DateTime,
  ) => Promise<TechInsightFact['facts']>,
): Promise<TechInsightFact[]> {
  const now = (options.now ?? DateTime.now)();
  const filter = options.entityFilter ?? defaultFilter;
  const entities = await openEntities(
    ctx,
    retrieverId,
    filter,
    options.catalog,
  );
  if (!entities) return [];
  if (entities.length === 0) {
    ctx.logger.info(
      `${retrieverId}: no entity matches ${JSON.stringify(
        filter,
      )}, nothing to do`,
    );
    return [];
  }
  const clients = openClients(ctx, retrieverId, options);
  if (!clients) return [];
  const groups = entitiesByAccount(ctx, retrieverId, clients, entities);
  const factsByAccount = new Map<
    CloudflareAccountClient,
    TechInsightFact['facts']
  >();
  for (const [account, targets] of groups) {
    try {
      factsByAccount.set(
        account,
        await readInBackground(account, options, client =>
          compute(client, now),
        ),
      );
    } catch (error) {
      ctx.logger.warn(
        `${retrieverId}: no facts for ${targets
          .map(refOf)
          .join(', ')}, Cloudflare could not be read (account ${
          account.id
        }: ${describeError(error)})`,
      );
    }
  }
  const targets = [...groups.values()].flat();
  return factsPerEntity(ctx, retrieverId, targets, now, async entity => {
    const account = clients.forEntity(entity);
    return account ? factsByAccount.get(account) : undefined;
  });
}
