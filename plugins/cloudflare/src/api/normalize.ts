import {
  CloudflareAccessAuditEvent,
  CloudflareDeployment,
  CloudflareEvidenceSnapshot,
  CloudflareEvidenceVerification,
  CloudflareZeroTrustUser,
} from './types';

type Json = Record<string, any>;

const str = (...values: unknown[]): string | undefined => {
  for (const v of values) {
    if (typeof v === 'string' && v.length > 0) return v;
    if (typeof v === 'number') return String(v);
  }
  return undefined;
};

const num = (...values: unknown[]): number | undefined =>
  values.find((v): v is number => typeof v === 'number');

const bool = (...values: unknown[]): boolean | undefined =>
  values.find((v): v is boolean => typeof v === 'boolean');

/** Items of a list payload: a bare array, or `{ items | <key> | result: [...] }`. */
export function listOf(body: unknown, ...keys: string[]): Json[] {
  if (Array.isArray(body)) return body;
  if (body && typeof body === 'object') {
    for (const key of ['items', ...keys, 'result']) {
      const v = (body as Json)[key];
      if (Array.isArray(v)) return v;
    }
  }
  return [];
}

/** One deployment from the backend's payload. */
export function toDeployment(raw: Json): CloudflareDeployment {
  const meta: Json =
    raw.metadata ??
    raw.deploymentMetadata ??
    raw.deployment_trigger?.metadata ??
    raw.deploymentTrigger?.metadata ??
    {};
  const firstVersion: Json | undefined = Array.isArray(raw.versions)
    ? raw.versions[0]
    : undefined;
  const env = raw.environment ?? raw.env;
  return {
    id: str(raw.id, raw.deploymentId) ?? '',
    createdOn:
      str(
        raw.createdOn,
        raw.createdAt,
        raw.created_on,
        raw.ts,
        raw.timestamp,
      ) ?? '',
    version: str(
      raw.versionId,
      raw.version,
      raw.version_id,
      firstVersion?.versionId,
      firstVersion?.version_id,
      raw.shortId,
      raw.short_id,
    ),
    environment: str(env),
    branch: str(raw.branch, meta.branch),
    commitSha: str(
      raw.commitSha,
      raw.commit_sha,
      raw.commitHash,
      meta.commitSha,
    ),
    commitUrl: str(raw.commitUrl, raw.commit_url, meta.commitUrl),
    ciRunUrl: str(raw.ciRunUrl, raw.ci_run_url, meta.ciRunUrl),
    status: str(raw.status, raw.latestStage?.status, raw.latest_stage?.status),
    author: str(raw.author, raw.authorEmail, raw.author_email),
    percentage: num(raw.percentage, firstVersion?.percentage),
  };
}

/** One evidence snapshot summary. */
export function toSnapshot(raw: Json): CloudflareEvidenceSnapshot {
  const collector = raw.collector;
  return {
    id: str(raw.id, raw.snapshotId) ?? '',
    kind: str(raw.kind) ?? 'unknown',
    collectedAt: str(raw.collectedAt, raw.createdAt, raw.collected_at) ?? '',
    sha256: str(raw.sha256, raw.hash, raw.sha_256) ?? '',
    collector:
      typeof collector === 'object' && collector
        ? str(collector.userRef, collector.user, collector.ref)
        : str(collector, raw.collectorRef, raw.createdBy),
    size: num(raw.size, raw.sizeBytes),
    previousSha256: str(raw.previousSha256, raw.prevSha256, raw.previousHash),
  };
}

/** The verify route's answer. */
export function toVerification(
  id: string,
  raw: Json,
): CloudflareEvidenceVerification {
  const ok =
    bool(raw.valid, raw.ok, raw.verified) ??
    (raw.status === 'ok' || raw.status === 'valid');
  return {
    id: str(raw.id) ?? id,
    ok,
    expectedSha256: str(
      raw.document?.storedSha256,
      raw.expectedSha256,
      raw.recordedSha256,
      raw.sha256,
    ),
    actualSha256: str(
      raw.document?.computedSha256,
      raw.actualSha256,
      raw.computedSha256,
    ),
    chainOk: bool(raw.chain?.valid, raw.chainOk),
    message: str(raw.message, raw.reason, raw.chain?.reason),
  };
}

/** One Access audit event. */
export function toAuditEvent(raw: Json): CloudflareAccessAuditEvent {
  const actor = raw.actor;
  return {
    id: str(raw.id, raw.ray_id, raw.rayId) ?? '',
    ts: str(raw.ts, raw.createdAt, raw.created_at) ?? '',
    actor:
      typeof actor === 'object' && actor
        ? { email: str(actor.email), id: str(actor.id) }
        : { email: str(actor, raw.user_email, raw.email) },
    action: str(raw.action) ?? '',
    target: str(raw.target, raw.app_domain, raw.appDomain) ?? '',
    allowed: typeof raw.allowed === 'boolean' ? raw.allowed : undefined,
  };
}

/** One Zero Trust user. */
export function toZeroTrustUser(raw: Json): CloudflareZeroTrustUser {
  return {
    id: str(raw.id) ?? '',
    email: str(raw.email),
    name: str(raw.name),
    lastSeen: str(
      raw.lastSeenAt,
      raw.lastSeen,
      raw.last_successful_login,
      raw.updated_at,
    ),
    deviceCount:
      typeof raw.deviceCount === 'number' ? raw.deviceCount : undefined,
    accessSeat:
      typeof raw.accessSeat === 'boolean' ? raw.accessSeat : undefined,
    gatewaySeat:
      typeof raw.gatewaySeat === 'boolean' ? raw.gatewaySeat : undefined,
  };
}

/** Hex SHA-256 from the response headers, whichever the backend used. */
export function sha256FromHeaders(headers: Headers): string | undefined {
  for (const name of [
    'x-cloudflare-evidence-sha256',
    'x-evidence-sha256',
    'x-content-sha256',
    'x-sha256',
    'content-sha256',
  ]) {
    const v = headers.get(name);
    if (v) return v;
  }
  const digest =
    headers.get('content-digest') ??
    headers.get('repr-digest') ??
    headers.get('digest');
  const m = digest?.match(/sha-?256=:?([^:,]+):?/i);
  if (m) {
    const value = m[1];
    if (/^[0-9a-f]{64}$/i.test(value)) return value.toLowerCase();
    try {
      return Array.from(atob(value), c =>
        c.charCodeAt(0).toString(16).padStart(2, '0'),
      ).join('');
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** File name from `Content-Disposition`, else a fallback. */
export function fileNameFromHeaders(
  headers: Headers,
  fallback: string,
): string {
  const cd = headers.get('content-disposition');
  const m = cd?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
  return m ? decodeURIComponent(m[1]) : fallback;
}

/** Snapshot id from the backend's file name `cloudflare-evidence-<kind>-<uuid>.json`. */
export function evidenceIdFromFileName(fileName: string): string | undefined {
  return fileName.match(
    /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json$/i,
  )?.[1];
}
