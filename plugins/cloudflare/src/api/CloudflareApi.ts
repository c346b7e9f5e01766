import { createApiRef } from '@backstage/core-plugin-api';
import {
  CloudflareAccessAuditEvent,
  CloudflareDeploymentList,
  CloudflareEvidenceDownload,
  CloudflareEvidenceSnapshot,
  CloudflareEvidenceVerification,
  CloudflareZeroTrustUser,
} from './types';

/**
 * Filters of the Access audit log.
 *
 * @public
 */
export interface CloudflareAccessAuditQuery {
  /** E-mail address of the actor. */
  actor?: string;
  action?: string;
  target?: string;
  /** ISO 8601 UTC. */
  from?: string;
  /** ISO 8601 UTC. */
  to?: string;
  /** Page size, at most 1000 (default 100). */
  limit?: number;
  /** Cursor from a previous page. */
  cursor?: string;
  /** `unmasked` needs `cloudflare.read.unmasked`. */
  view?: 'masked' | 'unmasked';
}

/**
 * One page of the Access audit log.
 *
 * @public
 */
export interface CloudflareAccessAuditPage {
  events: CloudflareAccessAuditEvent[];
  /** Cursor of the next page, when there is one. */
  cursor?: string;
}

/**
 * What a deployment-provenance snapshot covers (at most 20 names of each).
 *
 * @public
 */
export interface CloudflareProvenanceScope {
  workers?: string[];
  pages?: string[];
}

/**
 * Client of the suite's backend (`/api/cloudflare`).
 *
 * @public
 */
export interface CloudflareApi {
  /** `GET /v1/workers/:script/deployments` */
  getWorkerDeployments(script: string): Promise<CloudflareDeploymentList>;
  /** `GET /v1/pages/:project/deployments` */
  getPagesDeployments(project: string): Promise<CloudflareDeploymentList>;
  /** `GET /v1/zero-trust/users` */
  getZeroTrustUsers(): Promise<CloudflareZeroTrustUser[]>;
  /** `GET /v1/zero-trust/access/audit` */
  getAccessAudit(
    query?: CloudflareAccessAuditQuery,
  ): Promise<CloudflareAccessAuditPage>;
  /** `POST /v1/zero-trust/export/audit?download=json`: makes, stores and returns a snapshot. */
  exportZeroTrustAudit(): Promise<CloudflareEvidenceDownload>;
  /** `POST /v1/evidence/deployment-provenance` with `{ workers, pages }`: makes and stores a snapshot. */
  createDeploymentProvenanceSnapshot(
    scope: CloudflareProvenanceScope,
  ): Promise<CloudflareEvidenceSnapshot>;
  /** `GET /v1/evidence` */
  listEvidence(): Promise<CloudflareEvidenceSnapshot[]>;
  /** `GET /v1/evidence/:id/download` */
  downloadEvidence(id: string): Promise<CloudflareEvidenceDownload>;
  /** `GET /v1/evidence/:id/verify` */
  verifyEvidence(id: string): Promise<CloudflareEvidenceVerification>;
}

/**
 * API reference of {@link CloudflareApi}.
 *
 * @public
 */
export const cloudflareApiRef = createApiRef<CloudflareApi>({
  id: 'plugin.cloudflare.service',
});
