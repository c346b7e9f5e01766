export { EntityCloudflareContent } from './EntityCloudflareContent';
