/**
 * The Cloudflare plugin for Backstage's new frontend system.
 *
 * @packageDocumentation
 */
import { cloudflareFrontendPlugin } from './alpha/index';

export * from './alpha/index';
export default cloudflareFrontendPlugin;
