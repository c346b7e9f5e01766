import { CloudflareAreaFacts } from './types';

/**
 * Hyperdrive: no retriever and no check. Spec section 6 names none for Hyperdrive; its configs are
 * inventory (catalog `Resource` entities the Workers binding them depend on), with caching, mTLS and
 * `sslmode` in `spec.parameters` for anyone who wants to add a check later.
 */
export const hyperdriveFacts: CloudflareAreaFacts = {
  retrievers: [],
  checks: [],
};
