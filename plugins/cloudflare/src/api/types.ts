/**
 * Types the frontend reads that are not wire types of the common package: the evidence routes'
 * answers (exactly as the backend sends them) and the Tech Insights REST API's. Every read route's
 * items are the common package's wire types (`WorkerDeployment`, ...), inside `CloudflareEnvelope`.
 */

/**
 * Kinds of evidence snapshots.
 *
 * @public
 */
export type CloudflareEvidenceKind =
  | 'zero-trust-audit'
  | 'deployment-provenance'
  | 'r2-lifecycle'
  | (string & {});

/**
 * One stored evidence snapshot, as `GET /v1/evidence` lists it (the bytes are downloaded separately).
 *
 * @public
 */
export interface CloudflareEvidenceRecord {
  /** Snapshot id (UUID). */
  id: string;
  /** Position in the chain. */
  seq: number;
  /** What the snapshot holds. */
  kind: CloudflareEvidenceKind;
  /** When it was stored (ISO 8601). */
  createdAt: string;
  /** User entity ref of whoever made it. */
  createdBy: string;
  /** Hex SHA-256 over the exact bytes that are downloaded. */
  sha256: string;
  /** Chain hash of the previous snapshot. */
  prevSha256: string;
  /** Chain hash of this snapshot. */
  chainSha256: string;
  /** When it passes its kind's TTL (`cloudflare.evidence.ttl`); in list answers. */
  staleAfter?: string;
  /** Past its kind's TTL; in list answers. */
  stale?: boolean;
}

/**
 * `GET /v1/evidence/public-key`: the Ed25519 key snapshots are signed with.
 *
 * @public
 */
export interface CloudflareEvidencePublicKey {
  algorithm: 'ed25519';
  /** Hex SHA-256 of the key's SPKI DER: the `keyid` of every envelope it signed. */
  keyid: string;
  /** SPKI PEM. */
  publicKeyPem: string;
}

/**
 * One page of `GET /v1/evidence`, newest first.
 *
 * @public
 */
export interface CloudflareEvidenceList {
  /** The snapshots. */
  items: CloudflareEvidenceRecord[];
  /** `seq` to pass as `before` for the next page, when there is one. */
  nextBefore?: number;
}

/**
 * Bytes of a downloaded snapshot with their hash.
 *
 * @public
 */
export interface CloudflareEvidenceDownload {
  /** The exact bytes. */
  blob: Blob;
  /** File name from `Content-Disposition`. */
  fileName: string;
  /** Hex SHA-256 as the backend reported it (header), when the header was readable. */
  sha256?: string;
}

/**
 * Result of `GET /v1/evidence/:id/verify`.
 *
 * @public
 */
export interface CloudflareEvidenceVerification {
  /** Snapshot id. */
  id: string;
  /** True when the document, the whole chain, the snapshot's place in it and the head check out. */
  valid: boolean;
  /** Each thing that is wrong, in words; empty when valid. */
  problems: string[];
  /** The snapshot's own bytes. */
  document: { valid: boolean; storedSha256: string; computedSha256: string };
  /** The chain walk. */
  chain: {
    valid: boolean;
    length: number;
    headSha256: string;
    brokenAtSeq?: number;
    reason?: string;
  };
}

/**
 * A Tech Insights check, as `GET /api/tech-insights/checks` returns it.
 *
 * @public
 */
export interface ScorecardCheck {
  id: string;
  name: string;
  description: string;
  type?: string;
  factIds: string[];
  metadata?: Record<string, unknown>;
}

/**
 * One fact value inside a check result.
 *
 * @public
 */
export interface ScorecardFactValue {
  id: string;
  type?: string;
  description?: string;
  value: unknown;
}

/**
 * Result of one check for one entity.
 *
 * @public
 */
export interface ScorecardCheckResult {
  facts: Record<string, ScorecardFactValue>;
  result: boolean;
  check: ScorecardCheck;
}

/**
 * Results of the bulk run for one entity.
 *
 * @public
 */
export interface ScorecardEntityResults {
  /** Stringified entity ref. */
  entity: string;
  results: ScorecardCheckResult[];
  error?: { name: string; message: string };
}

/**
 * Latest facts of one fact retriever for one entity.
 *
 * @public
 */
export interface ScorecardFactResponse {
  id: string;
  timestamp?: string;
  version?: string;
  entity?: { namespace: string; kind: string; name: string };
  facts: Record<string, unknown>;
}
