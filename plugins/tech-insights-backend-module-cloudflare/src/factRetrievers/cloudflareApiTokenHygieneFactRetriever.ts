import { FactRetriever } from '@backstage-community/plugin-tech-insights-node';
import { DateTime } from 'luxon';
import {
  CloudflareAccountFactRetrieverOptions,
  accountFacts,
} from '../accountFacts';
import {
  CLOUDFLARE_FACT_RETRIEVER_IDS,
  MAX_LISTED,
  ZERO_TRUST_RESOURCE_FILTER,
} from '../constants';
import {
  ApiToken,
  CloudflareClient,
} from '@cloudflare-backstage/cloudflare-client';

const ID = CLOUDFLARE_FACT_RETRIEVER_IDS.apiTokenHygiene;
const DAY_MS = 86_400_000;
/** Longest lifetime a token may have: 180 days (spec: rotate at most every 180 days). */
const MAX_TTL_DAYS = 180;
/** A token unused this long is flagged. */
const UNUSED_DAYS = 90;
/** How far back the account audit log is searched for Global API Key requests. */
const GLOBAL_KEY_LOOKBACK_DAYS = 30;
/** Most Global API Key requests counted (one page of the audit log, usually far from full). */
const GLOBAL_KEY_MAX_EVENTS = 1000;

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
 * Requests made with a Global API Key in the last 30 days, from the account audit log (v2): how many
 * and when the newest was. Who made them is not kept.
 */
async function globalApiKeyUse(client: CloudflareClient, now: DateTime) {
  const entries = await client.auditLogs.list(
    {
      since: now.minus({ days: GLOBAL_KEY_LOOKBACK_DAYS }).toUTC().toISO()!,
      before: now.plus({ minutes: 1 }).toUTC().toISO()!,
      actorContext: 'api_key',
      direction: 'desc',
      limit: GLOBAL_KEY_MAX_EVENTS,
    },
    { maxEntries: GLOBAL_KEY_MAX_EVENTS },
  );
  const times = entries
    .map(e => Date.parse(e.action?.time ?? ''))
    .filter(t => Number.isFinite(t));
  return {
    globalApiKeyInUse: entries.length > 0,
    globalApiKeyEvents: entries.length,
    ...(times.length
      ? {
          globalApiKeyLastUsed: DateTime.fromMillis(Math.max(...times), {
            zone: 'utc',
          }),
        }
      : {}),
  };
}

/**
 * Builds the API token hygiene fact retriever (SOC 2 CC6.1, logical access): the account's active
 * user-owned and account-owned API tokens, how many may live longer than 180 days (no expiry, or an
 * expiry more than 180 days after issue), how many were not used for 90 days, and whether anyone
 * used a Global API Key: requests of the last 30 days in the account audit log (v2) whose
 * `actor.context` is `api_key`, read with Cloudflare's `actor_context` filter (one small page, not the
 * whole log). Version 3 reads the Global API Key from Cloudflare; version 2 only asked whether our
 * own config held one (`cloudflare.apiKey`), and `tokensHygienic` no longer includes it.
 *
 * Token values are never read. Offenders are listed by owner and token id, never by name: names are
 * typed by people and often personal, and facts are readable by everyone who can read the entity.
 * Global API Key requests are counted and dated only: never who made them (a key belongs to a person).
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
    version: '3.0.0',
    title: 'Cloudflare API token hygiene',
    description:
      'Lifetime and use of the Cloudflare API tokens of the account, and requests made with a Global API Key in the last 30 days (SOC 2 CC6.1).',
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
        description: `True when the account audit log holds a request of the last ${GLOBAL_KEY_LOOKBACK_DAYS} days authenticated with a Global API Key (actor context api_key)`,
      },
      globalApiKeyEvents: {
        type: 'integer',
        description: `Audit log entries of the last ${GLOBAL_KEY_LOOKBACK_DAYS} days made with a Global API Key (at most ${GLOBAL_KEY_MAX_EVENTS} counted)`,
      },
      globalApiKeyLastUsed: {
        type: 'datetime',
        description: `Time of the newest of those entries; absent when there is none in the last ${GLOBAL_KEY_LOOKBACK_DAYS} days`,
      },
      tokensHygienic: {
        type: 'boolean',
        description: `True when no active token lives over ${MAX_TTL_DAYS} days and none is unused for ${UNUSED_DAYS} days`,
      },
    },
    handler: ctx =>
      accountFacts(ctx, ID, options, entityFilter, async (client, now) => {
        const [user, account, globalKey] = await Promise.all([
          client.tokens.listUserTokens(),
          client.tokens.listAccountTokens(),
          globalApiKeyUse(client, now),
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
          ...globalKey,
          tokensHygienic: longLived.length === 0 && unused.length === 0,
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
