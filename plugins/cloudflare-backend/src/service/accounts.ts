import { InputError, NotFoundError } from '@backstage/errors';
import { cloudflareAccountQuerySchema } from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  CloudflareAccountClient,
  CloudflareClientsService,
} from '@cloudflare-backstage/plugin-cloudflare-node';
import { parseInput } from './validation';

/**
 * The account a call reads: the one whose config id or Cloudflare account id is `account`, else
 * the only one configured.
 *
 * @throws NotFoundError (404) when `account` names no configured account; InputError (400) when
 * several are configured and none is named (the message lists their config ids)
 */
export function pickAccount(
  clients: Pick<CloudflareClientsService, 'list'>,
  account: string | undefined,
): CloudflareAccountClient {
  const all = clients.list();
  if (account !== undefined) {
    const found = all.find(a => a.id === account || a.accountId === account);
    if (!found) {
      // The value passed `cloudflareAccountParam` (letters, digits, '-', '_'): safe to name.
      throw new NotFoundError(
        `No Cloudflare account '${account}' is configured`,
      );
    }
    return found;
  }
  if (all.length === 1) return all[0];
  if (all.length === 0) {
    throw new NotFoundError('No Cloudflare account is configured');
  }
  throw new InputError(
    `Invalid query: account is required when several Cloudflare accounts are configured: one of ${all
      .map(a => a.id)
      .join(', ')}`,
  );
}

/** The `account` of a query (400 when it is not a plausible id), without the rest of the query. */
export function accountOfQuery(query: unknown): string | undefined {
  const { account } = parseInput(
    cloudflareAccountQuerySchema,
    query ?? {},
    'query',
  );
  return account;
}
