import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  CloudflareEnvelope,
  CloudflareRouteContract,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { CloudflareApi } from './api';

const STATUS_TEXT: Record<number, string> = {
  403: 'Forbidden',
  503: 'Service Unavailable',
};

/**
 * A Backstage JSON error as the backend sends it (with `headers`, e.g. `Retry-After`), parsed
 * into a ResponseError.
 */
export async function responseError(
  status: number,
  name: string,
  message: string,
  headers: Record<string, string> = {},
): Promise<ResponseError> {
  const body = JSON.stringify({
    error: { name, message },
    response: { statusCode: status },
  });
  return ResponseError.fromResponse({
    ok: false,
    status,
    statusText: STATUS_TEXT[status] ?? 'Internal Server Error',
    url: 'http://backstage/api/cloudflare',
    headers: new Headers({
      'content-type': 'application/json',
      ...headers,
    }) as any,
    text: async () => body,
  } as any);
}

/** A CloudflareApi whose methods are all jest mocks. */
export function mockCloudflareApi(): jest.Mocked<CloudflareApi> {
  return {
    read: jest.fn(),
    exportZeroTrustAudit: jest.fn(),
    exportR2Lifecycle: jest.fn(),
    createDeploymentProvenanceSnapshot: jest.fn(),
    listEvidence: jest.fn(),
    downloadEvidence: jest.fn(),
    verifyEvidence: jest.fn(),
    downloadEvidenceEnvelope: jest.fn(),
    getEvidencePublicKey: jest.fn(),
    downloadOscalAssessmentResults: jest.fn(),
    diffEvidence: jest.fn(),
    getAcceptance: jest.fn(),
  };
}

/**
 * Answers `api.read` per route id (`workers.deployments`, ...): an envelope, or an error to throw.
 * A route without an answer never settles (the loading state).
 */
export function answerReads(
  api: jest.Mocked<CloudflareApi>,
  answers: Record<string, CloudflareEnvelope<unknown> | Error>,
) {
  api.read.mockImplementation(((route: CloudflareRouteContract) => {
    const answer = answers[route.id];
    if (answer === undefined) return new Promise(() => {});
    return answer instanceof Error
      ? Promise.reject(answer)
      : Promise.resolve(answer);
  }) as CloudflareApi['read']);
}

export function component(
  name: string,
  annotations: Record<string, string> = {},
  extra: Partial<Entity> & { lifecycle?: string } = {},
): Entity {
  const { lifecycle = 'production', ...rest } = extra;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', lifecycle, owner: 'team-a' },
    ...rest,
  };
}

export function resource(
  name: string,
  type: string,
  parameters?: Record<string, unknown>,
  annotations?: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: 'default',
      ...(annotations ? { annotations } : {}),
    },
    spec: {
      type,
      owner: 'team-a',
      ...(parameters ? { parameters } : {}),
    } as Entity['spec'],
  };
}
