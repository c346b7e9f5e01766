import { CloudflareAreaFacts } from './types';

/**
 * D1: no retriever and no check. Spec section 6 names none for D1 (its Data Retention & Storage
 * checks are about R2 lifecycle rules and KV TTLs); the D1 card and the `d1.metadata` route show
 * the Time Travel bookmark as point-in-time recovery evidence.
 */
export const d1Facts: CloudflareAreaFacts = {
  retrievers: [],
  checks: [],
};
