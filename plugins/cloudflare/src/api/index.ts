export * from './types';
export * from './CloudflareApi';
export { CloudflareApiClient } from './CloudflareApiClient';
export * from './TechInsightsScorecardClient';
export { saveDownload, sha256Hex } from './download';
