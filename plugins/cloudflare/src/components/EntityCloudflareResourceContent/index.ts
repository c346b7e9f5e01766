export { EntityCloudflareResourceContent } from './EntityCloudflareResourceContent';
