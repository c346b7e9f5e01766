import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { createCloudflareClientsService } from './createCloudflareClientsService';
import type { CloudflareClientsService } from './types';

/**
 * The backend's Cloudflare clients: one `CloudflareClient` per configured account for the whole
 * backend process (root scope), one call budget per distinct API token, one circuit breaker per
 * account. The catalog module, the `/api/cloudflare` plugin and the Tech Insights module depend on
 * it, so they share budget, breaker and counters.
 *
 * Its default factory reads `cloudflare.*` (the top-level account, or `cloudflare.accounts[]`) from
 * the root config when a plugin first depends on it, and fails the backend's start-up with a
 * message naming the key when the configuration is invalid. No `backend.add(...)` line is needed;
 * add your own `createServiceFactory({ service: cloudflareClientsServiceRef, ... })` to replace it.
 *
 * @example
 * ```ts
 * deps: { clients: cloudflareClientsServiceRef },
 * async init({ clients }) {
 *   const { client } = clients.get(req.query.account);
 * }
 * ```
 *
 * @public
 */
export const cloudflareClientsServiceRef =
  createServiceRef<CloudflareClientsService>({
    id: 'cloudflare.clients',
    scope: 'root',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        initialization: 'lazy',
        deps: {
          config: coreServices.rootConfig,
          logger: coreServices.rootLogger,
        },
        factory: ({ config, logger }) =>
          createCloudflareClientsService({
            config,
            logger: logger.child({ service: 'cloudflare.clients' }),
          }),
      }),
  });
