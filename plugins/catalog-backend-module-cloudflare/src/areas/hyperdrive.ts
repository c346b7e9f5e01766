import { HyperdriveConfig } from '@cloudflare-backstage/plugin-cloudflare-common';
import { cloudflareResourceEntity } from './entity';
import { defineCatalogArea } from './types';

/**
 * Hyperdrive: one `Resource` (`cf-hyperdrive-<config name>`, type `cloudflare-hyperdrive`) per
 * config, with its id, how the origin is reached (`public`, `access` or `vpc`), caching (on or off,
 * max age, stale-while-revalidate), mTLS and `sslmode`, connection limit and times. Declares
 * config id -> name, so a Worker's `hyperdrive` binding (which carries the config id) and a
 * Component's `cloudflare.com/hyperdrive: <name>` meet at the same entity.
 *
 * The origin's scheme, host, port, database, user and Access client id are sensitive (the routes
 * mask them unless the caller may see unmasked data), and the catalog is readable by every group:
 * they are never copied into the entity. The password and Access client secret never leave the
 * client.
 *
 * Calls: the configs list only (page paging, 100 a page: 2 calls up to 100 configs; Cloudflare
 * allows at most 25 configs an account).
 */
export const hyperdriveArea = defineCatalogArea<HyperdriveConfig[]>({
  read: client => client.hyperdrive.listConfigs(),

  names: configs => configs.map(c => [c.id, c.name] as const),

  map: (configs, ctx) =>
    configs.map(config =>
      cloudflareResourceEntity(ctx, {
        area: 'hyperdrive',
        resourceName: config.name,
        resourceId: config.id,
        description: `Cloudflare Hyperdrive config ${config.name}`,
        parameters: {
          accountId: ctx.accountId,
          configId: config.id,
          name: config.name,
          originNetwork: config.origin.network,
          caching: config.caching.enabled ? 'enabled' : 'disabled',
          cacheMaxAgeSeconds: config.caching.maxAgeSeconds,
          cacheStaleWhileRevalidateSeconds:
            config.caching.staleWhileRevalidateSeconds,
          sslmode: config.mtls?.sslmode,
          mtls: config.mtls?.mtlsCertificateId !== undefined,
          originConnectionLimit: config.originConnectionLimit,
          createdOn: config.createdOn,
          modifiedOn: config.modifiedOn,
          restartedOn: config.restartedOn,
        },
      }),
    ),
});
