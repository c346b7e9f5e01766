/**
 * Cloudflare tabs for Components, Resource entity content and the Cloudflare posture page.
 *
 * The new frontend system's plugin is the default export of `@cloudflare-backstage/plugin-cloudflare/alpha`.
 *
 * @packageDocumentation
 */

export {
  cloudflarePlugin,
  EntityCloudflareContent,
  EntityCloudflareResourceContent,
  EntityCloudflareWorkersDeploymentsCard,
  EntityCloudflarePagesDeploymentsCard,
  CloudflarePosturePage,
} from './plugin';
export {
  isCloudflareAvailable,
  isCloudflareResource,
  getCloudflareAnnotatedAreas,
} from './conditions';
export { rootRouteRef as cloudflareRouteRef } from './routes';
export * from './api';
