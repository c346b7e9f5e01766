import { FactRetriever } from '@backstage-community/plugin-tech-insights-node';
import {
  CloudflareAccountFactRetrieverOptions,
  accountFacts,
} from '../accountFacts';
import {
  CLOUDFLARE_FACT_RETRIEVER_IDS,
  ZERO_TRUST_RESOURCE_FILTER,
} from '../constants';
import { DateTime } from 'luxon';

const ID = CLOUDFLARE_FACT_RETRIEVER_IDS.accessAudit;
const HOUR_MS = 3_600_000;
/** Cloudflare caps one read of the Access authentication log at 1,000 entries. */
const MAX_ENTRIES = 1000;
/** How far back the last entry is looked for when the last 24 hours hold none. */
const LAST_EVENT_LOOKBACK_DAYS = 30;

/**
 * Builds the Zero Trust audit log fact retriever (SOC 2 CC7.2, monitoring): whether the account's
 * Zero Trust Access authentication log is available and holds entries of the last 24 hours.
 *
 * Its facts describe the whole account; by default they land on the account's Zero Trust posture
 * Resource (`kind: resource`, `spec.type: cloudflare-zero-trust`), see `entityFilter`. When the log
 * cannot be read, no entity gets a fact (never a false pass).
 *
 * @public
 */
export function createCloudflareAccessAuditFactRetriever(
  options: CloudflareAccountFactRetrieverOptions = {},
): FactRetriever {
  const entityFilter = options.entityFilter ?? ZERO_TRUST_RESOURCE_FILTER;
  return {
    id: ID,
    version: '1.0.0',
    title: 'Cloudflare Zero Trust audit log',
    description:
      'Whether the Zero Trust Access authentication log of the Cloudflare account holds entries of the last 24 hours (SOC 2 CC7.2).',
    entityFilter,
    schema: {
      auditEventsLast24h: {
        type: 'integer',
        description: `Access authentication log entries of the last 24 hours (counted up to ${MAX_ENTRIES})`,
      },
      auditLogAvailable24h: {
        type: 'boolean',
        description:
          'True when the Access authentication log answered and holds at least one entry of the last 24 hours',
      },
      lastAuditEventAt: {
        type: 'datetime',
        description: `Time of the newest Access authentication log entry; absent when there is none in the last ${LAST_EVENT_LOOKBACK_DAYS} days`,
      },
    },
    handler: ctx =>
      accountFacts(ctx, ID, options, entityFilter, async (client, now) => {
        const until = now.toUTC().toISO()!;
        const read = (sinceMs: number, limit: number) =>
          client.zeroTrust.listAccessRequests({
            since: new Date(sinceMs).toISOString(),
            until,
            limit,
            direction: 'desc',
          });
        const recent = await read(now.toMillis() - 24 * HOUR_MS, MAX_ENTRIES);
        let newest = latest(recent.map(e => e.created_at));
        if (!newest) {
          const older = await read(
            now.toMillis() - LAST_EVENT_LOOKBACK_DAYS * 24 * HOUR_MS,
            1,
          );
          newest = latest(older.map(e => e.created_at));
        }
        return {
          auditEventsLast24h: recent.length,
          auditLogAvailable24h: recent.length > 0,
          ...(newest ? { lastAuditEventAt: newest } : {}),
        };
      }),
  };
}

function latest(times: Array<string | undefined>): DateTime | undefined {
  const valid = times
    .map(t => (t ? Date.parse(t) : NaN))
    .filter(t => Number.isFinite(t));
  return valid.length
    ? DateTime.fromMillis(Math.max(...valid), { zone: 'utc' })
    : undefined;
}

/**
 * The Zero Trust audit log fact retriever over the backend's `cloudflare` config and the catalog.
 *
 * @public
 */
export const cloudflareAccessAuditFactRetriever: FactRetriever =
  createCloudflareAccessAuditFactRetriever();
