import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';

/** Config block of the evidence TTLs: `default` and one per kind, each a duration. */
export const EVIDENCE_TTL_CONFIG = 'cloudflare.evidence.ttl';

/** Default TTL of every kind: a monthly cadence plus a few days' slack. */
export const DEFAULT_EVIDENCE_TTL_MS = 35 * 24 * 60 * 60 * 1000;

/** How long a snapshot of each kind stays fresh, in milliseconds. */
export interface EvidenceTtl {
  byKind: Record<string, number>;
  default: number;
}

/** When a snapshot stops being fresh, and whether it has at `now`. */
export interface EvidenceFreshness {
  /** `createdAt` plus its kind's TTL, ISO 8601 UTC. */
  staleAfter: string;
  stale: boolean;
}

function readTtl(config: Config, key: string): number | undefined {
  if (!config.has(key)) return undefined;
  let ms: number;
  try {
    ms = durationToMilliseconds(readDurationFromConfig(config, { key }));
  } catch (e) {
    throw new InputError(
      `Invalid config ${EVIDENCE_TTL_CONFIG}.${key}: ${(e as Error).message}`,
    );
  }
  if (!(ms > 0)) {
    throw new InputError(
      `Invalid config ${EVIDENCE_TTL_CONFIG}.${key}: must be longer than zero`,
    );
  }
  return ms;
}

/**
 * `cloudflare.evidence.ttl`: `default` and per kind (`zero-trust-audit`, ...), each a duration
 * (`{ days: 35 }` or an ISO 8601 string); 35 days when absent. Bad values fail at start-up.
 */
export function readEvidenceTtl(config?: Config): EvidenceTtl {
  const block = config?.getOptionalConfig(EVIDENCE_TTL_CONFIG);
  const fallback =
    (block && readTtl(block, 'default')) ?? DEFAULT_EVIDENCE_TTL_MS;
  const byKind: Record<string, number> = {};
  for (const kind of block?.keys() ?? []) {
    const ms = block && kind !== 'default' ? readTtl(block, kind) : undefined;
    if (ms !== undefined) byKind[kind] = ms;
  }
  return { byKind, default: fallback };
}

/** The freshness of a snapshot of `kind` created at `createdAt`, at `now`. */
export function evidenceFreshness(
  ttl: EvidenceTtl,
  record: { kind: string; createdAt: string },
  now: Date,
): EvidenceFreshness {
  const ms = ttl.byKind[record.kind] ?? ttl.default;
  const staleAfter = new Date(Date.parse(record.createdAt) + ms);
  return {
    staleAfter: staleAfter.toISOString(),
    stale: now.getTime() > staleAfter.getTime(),
  };
}
