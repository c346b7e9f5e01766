import { CloudflareAreaFacts } from './types';

/**
 * Zero Trust: its posture `Resource` carries no posture values (the catalog is readable by all);
 * the account-wide Access audit retriever reads the client and puts its facts on that Resource.
 */
export const zeroTrustFacts: CloudflareAreaFacts = {
  retrievers: [],
  checks: [],
};
