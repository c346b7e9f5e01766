export * from './types';
export * from './CloudflareApi';
export { CloudflareClient } from './CloudflareClient';
export * from './TechInsightsScorecardClient';
export { saveDownload, sha256Hex } from './download';
