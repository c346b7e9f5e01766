import {
  CloudflareEnvelope,
  DurableObjectMetrics,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { resource } from '../testUtils';

/** The `Resource` entity of `SessionCoordinator` as the catalog module makes it (2 of its 3 object pages counted). */
export const sessionCoordinatorResource = resource(
  'cf-do-SessionCoordinator',
  'cloudflare-durable-object',
  {
    namespaceId: 'b4c3d2e1f0a94b8c7d6e5f4a3b2c1d0e',
    class: 'SessionCoordinator',
    workerScript: 'acme-session',
    storage: 'sqlite',
    objectCount: 2000,
    objectCountComplete: false,
  },
);

const base = {
  class: 'SessionCoordinator',
  namespaceIds: ['b4c3d2e1f0a94b8c7d6e5f4a3b2c1d0e'],
  scripts: ['acme-session'],
  storage: 'sqlite' as const,
  from: '2026-11-19T10:00:00.000Z',
  to: '2026-11-20T10:00:00.000Z',
};

/** `SessionCoordinator`'s last 24 hours, as the metrics route answers them. */
export const sessionCoordinatorMetrics: CloudflareEnvelope<DurableObjectMetrics> =
  {
    account: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
    area: 'durableObjects',
    view: 'masked',
    item: {
      ...base,
      exposed: true,
      requests: 182_400,
      errors: 730,
      errorRate: 730 / 182_400,
      webSocketMessagesIn: 1_204_000,
      webSocketMessagesOut: 1_530_000,
      webSocketConnectionsMax: 1_840,
      storedBytes: 48_213_504,
    },
    masked: {},
    fetchedAt: '2026-11-20T10:00:00.000Z',
  };

/** The same class read with a token that may not read Account Analytics. */
export const sessionCoordinatorNotExposed: CloudflareEnvelope<DurableObjectMetrics> =
  {
    ...sessionCoordinatorMetrics,
    item: {
      ...base,
      exposed: false,
      notExposedReason:
        'Cloudflare does not expose these analytics to the API token: it lacks the Account Analytics Read permission.',
    },
  };
