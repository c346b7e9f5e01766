import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  CloudflareAccessAuditPage,
  CloudflareAccessAuditQuery,
  CloudflareApi,
  CloudflareProvenanceScope,
} from './CloudflareApi';
import {
  evidenceIdFromFileName,
  fileNameFromHeaders,
  listOf,
  sha256FromHeaders,
  toAuditEvent,
  toDeployment,
  toSnapshot,
  toVerification,
  toZeroTrustUser,
} from './normalize';
import {
  CloudflareDeploymentList,
  CloudflareEvidenceDownload,
  CloudflareEvidenceSnapshot,
  CloudflareEvidenceVerification,
  CloudflareZeroTrustUser,
} from './types';

/**
 * Default implementation of {@link CloudflareApi}: calls `/api/cloudflare` with the user's token.
 *
 * @public
 */
export class CloudflareClient implements CloudflareApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getWorkerDeployments(
    script: string,
  ): Promise<CloudflareDeploymentList> {
    const body = await this.getJson(
      `/v1/workers/${encodeURIComponent(script)}/deployments`,
    );
    return {
      name: script,
      items: listOf(body, 'deployments').map(toDeployment),
    };
  }

  async getPagesDeployments(
    project: string,
  ): Promise<CloudflareDeploymentList> {
    const body = await this.getJson(
      `/v1/pages/${encodeURIComponent(project)}/deployments`,
    );
    return {
      name: project,
      items: listOf(body, 'deployments').map(toDeployment),
    };
  }

  async getZeroTrustUsers(): Promise<CloudflareZeroTrustUser[]> {
    const body = await this.getJson('/v1/zero-trust/users');
    return listOf(body, 'users').map(toZeroTrustUser);
  }

  async getAccessAudit(
    query: CloudflareAccessAuditQuery = {},
  ): Promise<CloudflareAccessAuditPage> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') params.set(key, String(value));
    }
    const qs = params.toString();
    const body = await this.getJson(
      `/v1/zero-trust/access/audit${qs ? `?${qs}` : ''}`,
    );
    return {
      events: listOf(body, 'events', 'logs').map(toAuditEvent),
      cursor: typeof body?.cursor === 'string' ? body.cursor : undefined,
    };
  }

  async exportZeroTrustAudit(): Promise<CloudflareEvidenceDownload> {
    return this.getBytes(
      '/v1/zero-trust/export/audit?download=json',
      'zero-trust-audit.json',
      { method: 'POST' },
    );
  }

  async createDeploymentProvenanceSnapshot(
    scope: CloudflareProvenanceScope,
  ): Promise<CloudflareEvidenceSnapshot> {
    const response = await this.request('/v1/evidence/deployment-provenance', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        workers: scope.workers ?? [],
        pages: scope.pages ?? [],
      }),
    });
    const body = await response.json();
    return toSnapshot(body?.snapshot ?? body);
  }

  async listEvidence(): Promise<CloudflareEvidenceSnapshot[]> {
    const body = await this.getJson('/v1/evidence');
    return listOf(body, 'snapshots').map(toSnapshot);
  }

  async downloadEvidence(id: string): Promise<CloudflareEvidenceDownload> {
    return this.getBytes(
      `/v1/evidence/${encodeURIComponent(id)}/download`,
      `evidence-${id}.json`,
    );
  }

  async verifyEvidence(id: string): Promise<CloudflareEvidenceVerification> {
    const body = await this.getJson(
      `/v1/evidence/${encodeURIComponent(id)}/verify`,
    );
    return toVerification(id, body ?? {});
  }

  private async request(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('cloudflare');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }

  private async getJson(path: string): Promise<any> {
    const response = await this.request(path);
    return response.json();
  }

  private async getBytes(
    path: string,
    fallbackName: string,
    init?: RequestInit,
  ): Promise<CloudflareEvidenceDownload> {
    const response = await this.request(path, init);
    const blob = await response.blob();
    const fileName = fileNameFromHeaders(response.headers, fallbackName);
    return {
      blob,
      fileName,
      sha256: sha256FromHeaders(response.headers),
      id:
        response.headers.get('x-evidence-id') ??
        evidenceIdFromFileName(fileName),
    };
  }
}
