import {
  CloudflareEnvelope,
  ContainerStatus,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { resource } from '../testUtils';

/** The `Resource` entity of `acme-containers` as the catalog module makes it. */
export const acmeContainersResource = resource(
  'cf-container-acme-containers',
  'cloudflare-container',
  {
    applicationId: 'a1c0e2d4-5f60-4b7a-8c9d-0e1f2a3b4c5d',
    name: 'acme-containers',
    kind: 'scheduled',
    images: ['registry.cloudflare.com/acme-org/acme-converter:2025-10-25'],
    imageTag: '2025-10-25',
    instances: 30,
  },
);

/** The status route's masked answer for `acme-containers` on the demo account. */
export const acmeContainersStatus: CloudflareEnvelope<ContainerStatus> = {
  account: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
  area: 'containers',
  view: 'masked',
  item: {
    id: 'a1c0e2d4-5f60-4b7a-8c9d-0e1f2a3b4c5d',
    name: 'acme-containers',
    kind: 'scheduled',
    summary: 'degraded',
    desired: 30,
    active: 27,
    assigned: 30,
    failed: 1,
    instanceStates: { running: 27, failed: 1, unhealthy: 1, provisioning: 1 },
    instancesComplete: true,
    errors: [
      {
        instanceId: 'a1c0e2d4-inst-0009',
        name: 'ServiceHealthUpdates',
        type: 'Warn',
        time: '2026-11-20T09:00:00.000Z',
        message: '[masked]',
      },
      {
        instanceId: 'a1c0e2d4-inst-0004',
        name: 'VMFailed',
        type: 'Error',
        time: '2026-11-20T06:00:00.000Z',
        message: '[masked]',
      },
    ],
  },
  masked: { 'errors[].message': 2 },
  fetchedAt: '2026-11-20T10:00:00.000Z',
};

/** The status of the Durable Object application `acme-renderer`, which states no desired count. */
export const acmeRendererStatus: CloudflareEnvelope<ContainerStatus> = {
  ...acmeContainersStatus,
  view: 'masked',
  item: {
    id: 'b2d1f3e5-6a71-4c8b-9dae-1f2a3b4c5d6e',
    name: 'acme-renderer',
    kind: 'durable-object',
    active: 1,
    starting: 1,
    failed: 0,
    instanceStates: { running: 1, provisioning: 1, stopped: 1 },
    instancesComplete: true,
    errors: [],
  },
  masked: {},
};
