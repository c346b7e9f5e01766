/**
 * Example permission policy for the Cloudflare suite: the spec's group matrix, configurable.
 *
 * @packageDocumentation
 */

export { permissionModuleCloudflarePolicy as default } from './module';
export * from './policy';
export * from './matrix';
