/**
 * Shapes of the `/api/cloudflare` routes that the frontend reads, and of the Tech Insights REST API.
 *
 * The client normalises the backend's payloads into these types (see `normalize.ts`), so components
 * never depend on the exact wire format.
 */

/**
 * One Workers or Pages deployment, as the UI shows it.
 *
 * @public
 */
export interface CloudflareDeployment {
  /** Deployment id. */
  id: string;
  /** ISO timestamp of the deployment. */
  createdOn: string;
  /** Worker version id or Pages deployment short id. */
  version?: string;
  /** `production`, `preview`, ... */
  environment?: string;
  /** Git branch, when known (Pages). */
  branch?: string;
  /** Full commit SHA, when the deployment carries provenance. */
  commitSha?: string;
  /** Link to the commit, when known. */
  commitUrl?: string;
  /** Link to the CI run that built the deployment. */
  ciRunUrl?: string;
  /** Deployment status (`success`, `failure`, `active`, ...). */
  status?: string;
  /** Who or what made the deployment, masked by the backend when sensitive. */
  author?: string;
  /** Share of traffic this version takes (Workers gradual deployments). */
  percentage?: number;
}

/**
 * Deployments of one Workers script or Pages project.
 *
 * @public
 */
export interface CloudflareDeploymentList {
  /** Script or project name. */
  name: string;
  /** Newest first. */
  items: CloudflareDeployment[];
}

/**
 * One Access authentication event.
 *
 * @public
 */
export interface CloudflareAccessAuditEvent {
  id: string;
  /** ISO timestamp. */
  ts: string;
  actor: { email?: string; id?: string };
  action: string;
  target: string;
  allowed?: boolean;
}

/**
 * One recent Zero Trust user.
 *
 * @public
 */
export interface CloudflareZeroTrustUser {
  id: string;
  email?: string;
  name?: string;
  lastSeen?: string;
  deviceCount?: number;
  accessSeat?: boolean;
  gatewaySeat?: boolean;
}

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
 * One stored evidence snapshot (metadata only; the bytes are downloaded separately).
 *
 * @public
 */
export interface CloudflareEvidenceSnapshot {
  id: string;
  kind: CloudflareEvidenceKind;
  /** ISO timestamp at which the data was collected. */
  collectedAt: string;
  /** Hex SHA-256 over the exact bytes that are downloaded. */
  sha256: string;
  /** User entity ref of whoever made the snapshot. */
  collector?: string;
  /** Size in bytes, when known. */
  size?: number;
  /** Hash of the previous snapshot in the chain. */
  previousSha256?: string;
}

/**
 * Bytes of a downloaded snapshot with their hash.
 *
 * @public
 */
export interface CloudflareEvidenceDownload {
  blob: Blob;
  fileName: string;
  /** Hex SHA-256 as the backend reported it (header), if it did. */
  sha256?: string;
  /** Snapshot id, when the backend reported one. */
  id?: string;
}

/**
 * Result of `GET /v1/evidence/:id/verify`.
 *
 * @public
 */
export interface CloudflareEvidenceVerification {
  id: string;
  /** True when the stored bytes still hash to the recorded SHA-256 and the chain holds. */
  ok: boolean;
  /** Recorded hash. */
  expectedSha256?: string;
  /** Hash recomputed now. */
  actualSha256?: string;
  /** Whether the link to the previous snapshot holds. */
  chainOk?: boolean;
  /** Human explanation, when the backend gives one. */
  message?: string;
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
