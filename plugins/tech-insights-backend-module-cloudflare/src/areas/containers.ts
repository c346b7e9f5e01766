import { CloudflareAreaFacts } from './types';

/**
 * Containers: no retriever and no check. Spec section 6 names none for Containers; applications
 * are inventory (catalog `Resource` entities, a Durable Object application a dependency of the class
 * it backs), with image, instances, scheduling policy, constraints and health summary in
 * `spec.parameters` for anyone who wants to add a check later.
 */
export const containersFacts: CloudflareAreaFacts = {
  retrievers: [],
  checks: [],
};
