/**
 * Shared product-area registry, permissions and annotations of the Cloudflare suite for Backstage.
 *
 * @packageDocumentation
 */

export * from './areas';
export * from './permissions';
export * from './annotations';
export * from './entityNames';
export * from './wire';
export * from './scorecards';
export * from './coverage';
export * from './posture';
export * from './remediation';
