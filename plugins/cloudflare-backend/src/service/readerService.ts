import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { CloudflareReader } from './reader';
import { createClientReader } from './clientReader';

export type {
  CloudflareReader,
  AccessAuditFilter,
  AccessAuditPage,
  View,
} from './reader';

/**
 * What the Cloudflare routes read through. The default implementation is the suite's Cloudflare
 * client built from `cloudflare.*` config; a backend (or a test) can install its own factory.
 *
 * @public
 */
export const cloudflareReaderServiceRef = createServiceRef<CloudflareReader>({
  id: 'cloudflare.reader',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      factory: ({ config, logger }) => createClientReader({ config, logger }),
    }),
});
