import { CloudflareAreaFacts } from './types';

/**
 * Analytics Engine: no retriever and no check. Spec section 6 names none for Analytics Engine; its
 * datasets are inventory (catalog `Resource` entities related to the Workers that write them), and
 * every query of one is audited by the backend (`analytics-engine-query`).
 */
export const analyticsEngineFacts: CloudflareAreaFacts = {
  retrievers: [],
  checks: [],
};
