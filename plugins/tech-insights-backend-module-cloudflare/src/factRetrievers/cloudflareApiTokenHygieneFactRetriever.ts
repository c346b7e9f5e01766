import { FactRetriever } from '@backstage-community/plugin-tech-insights-node';
import { CloudflareAccountFactRetrieverOptions, accountFacts } from '../common';
import {
  CLOUDFLARE_FACT_RETRIEVER_IDS,
  MAX_LISTED,
  ZERO_TRUST_RESOURCE_FILTER,
} from '../constants';
import { ApiToken } from '@cloudflare-backstage/cloudflare-client';

const ID = CLOUDFLARE_FACT_RETRIEVER_IDS.apiTokenHygiene;
const DAY_MS = 86_400_000;
/** Longest lifetime a token may have: 180 days (spec: rotate at most every 180 days). */
const MAX_TTL_DAYS = 180;
/** A token unused this long is flagged. */
const UNUSED_DAYS = 90;

/**
 * True when the token may live longer than 180 days: no expiry, or expiry more than 180 days after issue.
 * A token without an issue date but with an expiry is given the benefit of the doubt.
 *
 * @public
 */
export function ttlOver180d(
  token: Pick<ApiToken, 'issued_on' | 'expires_on'>,
): boolean {
  if (!token.expires_on) return true;
  if (!token.issued_on) return false;
  return (
    Date.parse(token.expires_on) - Date.parse(token.issued_on) >
    MAX_TTL_DAYS * DAY_MS
  );
}

/**
 * True when the token was never used, or not in the last 90 days.
 *
 * @public
 */
export function unused90d(
  token: Pick<ApiToken, 'last_used_on'>,
  nowMs: number,
): boolean {
  if (!token.last_used_on) return true;
  return Date.parse(token.last_used_on) < nowMs - UNUSED_DAYS * DAY_MS;
}

/**
 * Builds the API token hygiene fact retriever (SOC 2 CC6.1, logical access): the account's active
 * user-owned and account-owned API tokens, how many may live longer than 180 days (no expiry, or an
 * expiry more than 180 days after issue), how many were not used for 90 days, and whether the
 * connection itself uses the Global API Key instead of a token.
 *
 * Token values are never read. Offenders are listed by owner and token id, never by name: names are
 * typed by people and often personal, and facts are readable by everyone who can read the entity.
 * By default the facts land on the account's Zero Trust posture Resource (see `entityFilter`).
 *
 * @public
 */
export function createCloudflareApiTokenHygieneFactRetriever(
  options: CloudflareAccountFactRetrieverOptions = {},
): FactRetriever {
  const entityFilter = options.entityFilter ?? ZERO_TRUST_RESOURCE_FILTER;
  return {
    id: ID,
    version: '2.0.0',
    title: 'Cloudflare API token hygiene',
    description:
      'Lifetime and use of the Cloudflare API tokens of the account, and whether the Global API Key is in use (SOC 2 CC6.1).',
    entityFilter,
    schema: {
      tokensTotal: {
        type: 'integer',
        description:
          'Active API tokens, user-owned and account-owned (disabled and expired ones cannot be used and are not counted)',
      },
      tokensTtlOver180d: {
        type: 'integer',
        description: `Active tokens that never expire or expire more than ${MAX_TTL_DAYS} days after issue`,
      },
      tokensUnused90d: {
        type: 'integer',
        description: `Active tokens never used or not used in the last ${UNUSED_DAYS} days`,
      },
      tokensTtlOver180dIds: {
        type: 'set',
        description: `Ids of the tokens counted in tokensTtlOver180d, prefixed "user:" or "account:" (at most ${MAX_LISTED})`,
      },
      tokensUnused90dIds: {
        type: 'set',
        description: `Ids of the tokens counted in tokensUnused90d, prefixed "user:" or "account:" (at most ${MAX_LISTED})`,
      },
      globalApiKeyInUse: {
        type: 'boolean',
        description:
          'True when the Global API Key is configured for the backend (cloudflare.apiKey) instead of relying on an API token alone',
      },
      tokensHygienic: {
        type: 'boolean',
        description: `True when no active token lives over ${MAX_TTL_DAYS} days, none is unused for ${UNUSED_DAYS} days and the Global API Key is not in use`,
      },
    },
    handler: ctx =>
      accountFacts(ctx, ID, options, entityFilter, async (client, now) => {
        const usesGlobalApiKey = ctx.config.has('cloudflare.apiKey');
        const [user, account] = await Promise.all([
          client.tokens.listUserTokens(),
          client.tokens.listAccountTokens(),
        ]);
        const tokens = [...user, ...account].filter(
          t => !t.status || t.status === 'active',
        );
        const longLived = tokens.filter(ttlOver180d);
        const unused = tokens.filter(t => unused90d(t, now.toMillis()));
        // by owner and id only: token names are often personal
        const ids = (list: ApiToken[]) =>
          list.slice(0, MAX_LISTED).map(t => `${t.scope}:${t.id}`);
        return {
          tokensTotal: tokens.length,
          tokensTtlOver180d: longLived.length,
          tokensUnused90d: unused.length,
          tokensTtlOver180dIds: ids(longLived),
          tokensUnused90dIds: ids(unused),
          globalApiKeyInUse: usesGlobalApiKey,
          tokensHygienic:
            longLived.length === 0 && unused.length === 0 && !usesGlobalApiKey,
        };
      }),
  };
}

/**
 * The API token hygiene fact retriever over the backend's `cloudflare` config and the catalog.
 *
 * @public
 */
export const cloudflareApiTokenHygieneFactRetriever: FactRetriever =
  createCloudflareApiTokenHygieneFactRetriever();
