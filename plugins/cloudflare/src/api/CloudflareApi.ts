import { createApiRef } from '@backstage/core-plugin-api';
import {
  CloudflareAcceptance,
  CloudflareEnvelope,
  CloudflareEvidenceDiff,
  CloudflareRouteBody,
  CloudflareRouteContract,
  CloudflareRouteItem,
  CloudflareRouteParams,
  CloudflareRouteQuery,
  CloudflareView,
  R2Jurisdiction,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  CloudflareEvidenceDownload,
  CloudflareEvidenceList,
  CloudflareEvidencePublicKey,
  CloudflareEvidenceRecord,
  CloudflareEvidenceVerification,
} from './types';

/**
 * What to read from a route: its path parameters, its query, the view and (for a `POST` route) its body.
 *
 * @public
 */
export interface CloudflareReadRequest<R extends CloudflareRouteContract> {
  /** Path parameters of the route (none for account-wide routes). */
  params?: CloudflareRouteParams<R>;
  /** Query parameters besides `view`. */
  query?: CloudflareRouteQuery<R>;
  /** `unmasked` needs `cloudflare.read.unmasked`; `masked` by default. */
  view?: CloudflareView;
  /** The JSON body of a `POST` route (`method: 'POST'` in its contract); ignored for a `GET` route. */
  body?: CloudflareRouteBody<R>;
  /**
   * The account to read (`?account=`): a configured account's id or its Cloudflare account id, as
   * the `cloudflare.com/account-id` annotation of an entity carries it. Needed only when the backend
   * reads several accounts; omitted, the backend reads its one account.
   */
  account?: string;
}

/**
 * Which account an evidence export reads (`?account=`); omitted, the backend's one account.
 *
 * @public
 */
export interface CloudflareAccountOptions {
  /** A configured account's id or its Cloudflare account id. */
  account?: string;
}

/**
 * What a deployment-provenance snapshot covers (at most 20 names of each).
 *
 * @public
 */
export interface CloudflareProvenanceScope {
  /** Worker script names. */
  workers?: string[];
  /** Pages project names. */
  pages?: string[];
}

/**
 * What an R2 lifecycle snapshot covers: every bucket (the default), the buckets of one
 * jurisdiction, or one bucket (in `jurisdiction`, `default` unless given).
 *
 * @public
 */
export interface CloudflareR2LifecycleScope {
  /** One bucket's name. */
  bucket?: string;
  /** `default`, `eu` or `fedramp`. */
  jurisdiction?: R2Jurisdiction;
}

/**
 * Client of the suite's backend (`/api/cloudflare`).
 *
 * @public
 */
export interface CloudflareApi {
  /**
   * Reads a route by its contract (`CLOUDFLARE_CONTRACTS` in the common package), e.g.
   * `read(workersRoutes.deployments, { params: { script: 'acme-api' } })`.
   */
  read<R extends CloudflareRouteContract>(
    route: R,
    request?: CloudflareReadRequest<R>,
  ): Promise<CloudflareEnvelope<CloudflareRouteItem<R>>>;
  /** `POST /v1/zero-trust/export/audit?download=json`: makes, stores and returns a snapshot. */
  exportZeroTrustAudit(
    options?: CloudflareAccountOptions,
  ): Promise<CloudflareEvidenceDownload>;
  /** `POST /v1/r2/lifecycle/export?download=json`: makes, stores and returns a snapshot. */
  exportR2Lifecycle(
    scope?: CloudflareR2LifecycleScope,
    options?: CloudflareAccountOptions,
  ): Promise<CloudflareEvidenceDownload>;
  /** `POST /v1/evidence/deployment-provenance` with `{ workers, pages }`: makes and stores a snapshot. */
  createDeploymentProvenanceSnapshot(
    scope: CloudflareProvenanceScope,
    options?: CloudflareAccountOptions,
  ): Promise<CloudflareEvidenceRecord>;
  /** `GET /v1/evidence` */
  listEvidence(): Promise<CloudflareEvidenceList>;
  /** `GET /v1/evidence/:id/download` */
  downloadEvidence(id: string): Promise<CloudflareEvidenceDownload>;
  /** `GET /v1/evidence/:id/verify` */
  verifyEvidence(id: string): Promise<CloudflareEvidenceVerification>;
  /** `GET /v1/evidence/:id/envelope`: the snapshot's DSSE signature envelope, as a file. */
  downloadEvidenceEnvelope(id: string): Promise<CloudflareEvidenceDownload>;
  /** `GET /v1/evidence/public-key`: the key snapshots are signed with. */
  getEvidencePublicKey(): Promise<CloudflareEvidencePublicKey>;
  /**
   * `GET /v1/evidence/oscal`: NIST OSCAL Assessment Results of the SOC 2 scorecards now, as a file
   * (of one account's entities with `account`).
   */
  downloadOscalAssessmentResults(
    options?: CloudflareAccountOptions,
  ): Promise<CloudflareEvidenceDownload>;
  /**
   * `GET /v1/evidence/diff?from=&to=`: the records added, removed and changed from snapshot `from`
   * to snapshot `to` (of one kind), masked unless `view` is `unmasked` and the caller may.
   */
  diffEvidence(
    from: string,
    to: string,
    view?: CloudflareView,
  ): Promise<CloudflareEvidenceDiff>;
  /** `GET /v1/acceptance`: the acceptance criteria of spec section 11, measured now (in `account`). */
  getAcceptance(
    options?: CloudflareAccountOptions,
  ): Promise<CloudflareAcceptance>;
}

/**
 * API reference of {@link CloudflareApi}.
 *
 * @public
 */
export const cloudflareApiRef = createApiRef<CloudflareApi>({
  id: 'plugin.cloudflare.service',
});
