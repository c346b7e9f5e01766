import { CloudflareAreaFacts } from './types';

/**
 * Browser Rendering: no retriever and no check. Spec section 6 names none for Browser Rendering;
 * its `Resource` (one per account) states the configured plan and the Workers that bind a browser,
 * and the quotas route shows the documented limits.
 */
export const browserRenderingFacts: CloudflareAreaFacts = {
  retrievers: [],
  checks: [],
};
