import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { cloudflareClientsServiceRef } from '@cloudflare-backstage/plugin-cloudflare-node';
import {
  cloudflarePermissions,
  parseR2RegulatedTag,
  R2_REGULATED_TAG_CONFIG,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { registerCloudflareActions } from './actions';
import { EvidenceStore } from './evidence/EvidenceStore';
import { createCachedRead } from './service/cachedRead';
import {
  readCacheTtlSeconds,
  readDecisionCacheSeconds,
  readEvidenceMaxScope,
  readMaxStaleSeconds,
  readTrustedServices,
  SUITE,
} from './service/config';
import { PermissionDecisionCache } from './service/decisionCache';
import { RouteContext } from './service/context';
import { createRouter } from './service/router';

/**
 * The Cloudflare backend plugin, mounted at `/api/cloudflare`: permission-gated, masked and cached
 * reads of Cloudflare, and hash-chained evidence snapshots.
 *
 * @public
 */
export const cloudflarePlugin = createBackendPlugin({
  pluginId: 'cloudflare',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        cache: coreServices.cache,
        database: coreServices.database,
        auditor: coreServices.auditor,
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        clients: cloudflareClientsServiceRef,
      },
      async init({
        httpRouter,
        httpAuth,
        permissions,
        permissionsRegistry,
        cache,
        database,
        auditor,
        logger,
        config,
        catalog,
        actionsRegistry,
        discovery,
        auth,
        clients,
      }) {
        permissionsRegistry.addPermissions(cloudflarePermissions);
        const ttlSeconds = readCacheTtlSeconds(config);
        const maxStaleSeconds = readMaxStaleSeconds(config);
        const evidence = await EvidenceStore.create({ database, config });
        const ctx: RouteContext = {
          logger,
          httpAuth,
          permissions,
          auditor,
          clients,
          cachedRead: createCachedRead({ cache, ttlSeconds, maxStaleSeconds }),
          decisions: new PermissionDecisionCache({
            ttlSeconds: readDecisionCacheSeconds(config),
          }),
          evidence,
          suite: SUITE,
          evidenceMaxScope: readEvidenceMaxScope(config),
          trustedServices: readTrustedServices(config),
          now: () => new Date(),
          catalog,
          r2RegulatedTag: parseR2RegulatedTag(
            config.getOptionalString(R2_REGULATED_TAG_CONFIG),
          ),
          discovery,
          auth,
        };
        httpRouter.use(await createRouter(ctx));
        registerCloudflareActions(actionsRegistry, ctx);
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        logger.info(
          `Cloudflare routes ready for account(s) ${clients
            .list()
            .map(a => a.id)
            .join(
              ', ',
            )} (cache TTL ${ttlSeconds} s, kept ${maxStaleSeconds} s more for stale answers)`,
        );
      },
    });
  },
});
