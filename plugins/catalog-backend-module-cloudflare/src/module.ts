import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { cloudflareClientsServiceRef } from '@cloudflare-backstage/plugin-cloudflare-node';
import { CloudflareAnnotationProcessor } from './processors/CloudflareAnnotationProcessor';
import { CloudflareEntityProvider } from './providers/CloudflareEntityProvider';

/**
 * Catalog module of the Cloudflare suite: registers one {@link CloudflareEntityProvider} per
 * configured Cloudflare account (each reading through that account's shared client from
 * `cloudflareClientsServiceRef`, its progress persisted in the catalog's database) and the
 * {@link CloudflareAnnotationProcessor}.
 *
 * @public
 */
export const catalogModuleCloudflare = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'cloudflare',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        database: coreServices.database,
        clients: cloudflareClientsServiceRef,
      },
      async init({ catalog, config, logger, scheduler, database, clients }) {
        catalog.addEntityProvider(
          CloudflareEntityProvider.fromConfig(config, {
            logger,
            scheduler,
            database,
            clients,
          }),
        );
        catalog.addProcessor(CloudflareAnnotationProcessor.fromConfig(config));
      },
    });
  },
});
