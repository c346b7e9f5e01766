import {
  CloudflareEnvelope,
  PagesDeployment,
  WorkerDeployment,
  ZeroTrustUser,
} from '@cloudflare-backstage/plugin-cloudflare-common';

const fetchedAt = '2026-11-20T10:00:00.000Z';

/** A Worker deployment with commit SHA and CI run link (Workers Builds). */
export const tracedDeployment: WorkerDeployment = {
  id: 'd1',
  createdOn: new Date(Date.now() - 3 * 3600 * 1000).toISOString(),
  active: true,
  versionId: '6f1c2d3e-aaaa-bbbb-cccc-1234567890ab',
  versionNumber: 12,
  versions: [
    { versionId: '6f1c2d3e-aaaa-bbbb-cccc-1234567890ab', percentage: 100 },
  ],
  source: 'workersci',
  provenance: 'workers-builds',
  commitSha: 'abcdef1234567890abcdef1234567890abcdef12',
  commitUrl:
    'https://github.com/acme/edge/commit/abcdef1234567890abcdef1234567890abcdef12',
  ciRunUrl: 'https://dash.cloudflare.com/acme/workers/builds/42',
  branch: 'main',
  authorEmail: 'a***@acme.example',
};

/** A Worker deployment uploaded by hand: no commit SHA, no CI run. */
export const untracedDeployment: WorkerDeployment = {
  id: 'd2',
  createdOn: '2026-11-01T08:00:00Z',
  active: false,
  versionId: 'v2',
  versions: [{ versionId: 'v2', percentage: 100 }],
  source: 'wrangler',
  provenance: 'none',
};

/** `GET /v1/workers/acme-edge-router/deployments` (masked). */
export const workerDeployments: CloudflareEnvelope<WorkerDeployment> = {
  account: 'acme-org',
  area: 'workers',
  view: 'masked',
  items: [tracedDeployment, untracedDeployment],
  masked: { authorEmail: 1 },
  fetchedAt,
};

/** `GET /v1/pages/acme-web/deployments`. */
export const pagesDeployments: CloudflareEnvelope<PagesDeployment> = {
  account: 'acme-org',
  area: 'pages',
  view: 'masked',
  items: [
    {
      id: 'p1',
      shortId: 'a1b2c3d4',
      projectName: 'acme-web',
      createdOn: '2026-11-19T10:00:00Z',
      environment: 'preview',
      branch: 'feature/login',
      commitSha: 'fedcba9876543210fedcba9876543210fedcba98',
      ciRunUrl: 'https://github.com/acme/web/actions/runs/7',
      status: 'success',
      stage: 'deploy',
    },
  ],
  masked: {},
  fetchedAt,
};

/** `GET /v1/zero-trust/users` (masked: emails and names). */
export const zeroTrustUsers: CloudflareEnvelope<ZeroTrustUser> = {
  account: 'acme-org',
  area: 'zeroTrust',
  view: 'masked',
  items: [
    {
      id: 'u1',
      email: 'a***@acme.example',
      name: '[masked]',
      accessSeat: true,
      gatewaySeat: false,
      lastSuccessfulLogin: '2026-11-19T09:00:00Z',
    },
  ],
  masked: { email: 1, name: 1 },
  fetchedAt,
};

/** An envelope without items. */
export function emptyEnvelope<T>(
  area: CloudflareEnvelope<T>['area'],
): CloudflareEnvelope<T> {
  return {
    account: 'acme-org',
    area,
    view: 'masked',
    items: [],
    masked: {},
    fetchedAt,
  };
}
