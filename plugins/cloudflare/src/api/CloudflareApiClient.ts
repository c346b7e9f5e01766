import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  CLOUDFLARE_ACCEPTANCE_PATH,
  CLOUDFLARE_EVIDENCE_DIFF_PATH,
  CloudflareAcceptance,
  cloudflareRoutePath,
  CloudflareEnvelope,
  CloudflareEvidenceDiff,
  CloudflareView,
  CloudflareRouteContract,
  CloudflareRouteItem,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  CloudflareAccountOptions,
  CloudflareApi,
  CloudflareProvenanceScope,
  CloudflareR2LifecycleScope,
  CloudflareReadRequest,
} from './CloudflareApi';
import { evidenceDownloadOf } from './download';
import {
  CloudflareEvidenceDownload,
  CloudflareEvidenceList,
  CloudflareEvidencePublicKey,
  CloudflareEvidenceRecord,
  CloudflareEvidenceVerification,
} from './types';

/** `?view=...&<query>&account=...`: every defined query value as a string. */
function queryString(
  view: string,
  query: object | undefined,
  account: string | undefined,
): string {
  const params = new URLSearchParams({ view });
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  if (account) params.set('account', account);
  return params.toString();
}

/** `?account=...` (with a leading `&` or `?`), or nothing without an account. */
function accountSuffix(
  options: CloudflareAccountOptions | undefined,
  separator: '?' | '&',
): string {
  return options?.account
    ? `${separator}account=${encodeURIComponent(options.account)}`
    : '';
}

/**
 * Default implementation of {@link CloudflareApi}: calls `/api/cloudflare` with the user's token.
 *
 * @public
 */
export class CloudflareApiClient implements CloudflareApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async read<R extends CloudflareRouteContract>(
    route: R,
    request: CloudflareReadRequest<R> = {},
  ): Promise<CloudflareEnvelope<CloudflareRouteItem<R>>> {
    const path = cloudflareRoutePath(
      route,
      (request.params ?? {}) as Record<string, string>,
    );
    const qs = queryString(
      request.view ?? 'masked',
      request.query as object | undefined,
      request.account,
    );
    const response = await this.request(
      `${path}?${qs}`,
      route.method === 'POST'
        ? {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(request.body ?? {}),
          }
        : undefined,
    );
    return response.json();
  }

  async exportZeroTrustAudit(
    options?: CloudflareAccountOptions,
  ): Promise<CloudflareEvidenceDownload> {
    const response = await this.request(
      `/v1/zero-trust/export/audit?download=json${accountSuffix(options, '&')}`,
      { method: 'POST' },
    );
    return evidenceDownloadOf(response);
  }

  async exportR2Lifecycle(
    scope: CloudflareR2LifecycleScope = {},
    options?: CloudflareAccountOptions,
  ): Promise<CloudflareEvidenceDownload> {
    const params = new URLSearchParams({ download: 'json' });
    for (const [key, value] of Object.entries(scope)) {
      if (value) params.set(key, value);
    }
    if (options?.account) params.set('account', options.account);
    const response = await this.request(
      `/v1/r2/lifecycle/export?${params.toString()}`,
      { method: 'POST' },
    );
    return evidenceDownloadOf(response);
  }

  async createDeploymentProvenanceSnapshot(
    scope: CloudflareProvenanceScope,
    options?: CloudflareAccountOptions,
  ): Promise<CloudflareEvidenceRecord> {
    const path = `/v1/evidence/deployment-provenance${accountSuffix(
      options,
      '?',
    )}`;
    const response = await this.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        workers: scope.workers ?? [],
        pages: scope.pages ?? [],
      }),
    });
    return response.json();
  }

  async listEvidence(): Promise<CloudflareEvidenceList> {
    return (await this.request('/v1/evidence')).json();
  }

  async downloadEvidence(id: string): Promise<CloudflareEvidenceDownload> {
    const response = await this.request(
      `/v1/evidence/${encodeURIComponent(id)}/download`,
    );
    return evidenceDownloadOf(response);
  }

  async verifyEvidence(id: string): Promise<CloudflareEvidenceVerification> {
    return (
      await this.request(`/v1/evidence/${encodeURIComponent(id)}/verify`)
    ).json();
  }

  async downloadEvidenceEnvelope(
    id: string,
  ): Promise<CloudflareEvidenceDownload> {
    return evidenceDownloadOf(
      await this.request(`/v1/evidence/${encodeURIComponent(id)}/envelope`),
    );
  }

  async getEvidencePublicKey(): Promise<CloudflareEvidencePublicKey> {
    return (await this.request('/v1/evidence/public-key')).json();
  }

  async downloadOscalAssessmentResults(
    options?: CloudflareAccountOptions,
  ): Promise<CloudflareEvidenceDownload> {
    return evidenceDownloadOf(
      await this.request(`/v1/evidence/oscal${accountSuffix(options, '?')}`),
    );
  }

  async diffEvidence(
    from: string,
    to: string,
    view: CloudflareView = 'masked',
  ): Promise<CloudflareEvidenceDiff> {
    const params = new URLSearchParams({ from, to, view });
    return (
      await this.request(
        `${CLOUDFLARE_EVIDENCE_DIFF_PATH}?${params.toString()}`,
      )
    ).json();
  }

  async getAcceptance(
    options?: CloudflareAccountOptions,
  ): Promise<CloudflareAcceptance> {
    return (
      await this.request(
        `${CLOUDFLARE_ACCEPTANCE_PATH}${accountSuffix(options, '?')}`,
      )
    ).json();
  }

  private async request(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('cloudflare');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
