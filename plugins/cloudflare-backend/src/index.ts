/**
 * Backend plugin of the Cloudflare suite for Backstage: `/api/cloudflare` routes with permissions,
 * masking, caching and evidence snapshots.
 *
 * @packageDocumentation
 */

export { cloudflarePlugin as default } from './plugin';
