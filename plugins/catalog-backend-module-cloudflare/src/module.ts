import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { CloudflareAnnotationProcessor } from './processors/CloudflareAnnotationProcessor';
import { CloudflareEntityProvider } from './providers/CloudflareEntityProvider';

/**
 * Catalog module of the Cloudflare suite: registers one {@link CloudflareEntityProvider} per
 * configured Cloudflare account and the {@link CloudflareAnnotationProcessor}.
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
      },
      async init({ catalog, config, logger, scheduler }) {
        catalog.addEntityProvider(
          CloudflareEntityProvider.fromConfig(config, { logger, scheduler }),
        );
        catalog.addProcessor(CloudflareAnnotationProcessor.fromConfig(config));
      },
    });
  },
});
