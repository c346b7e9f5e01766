import { CloudflareAreaFacts } from './types';

/**
 * Secrets Store: its check, "secrets centralized in the Secrets Store; no per-Worker plaintext
 * secrets" (SOC 2 CC6.1), is about Workers and their bindings, so it runs over the Worker
 * `Resource` entities with the Workers facts (`cloudflareWorkerSecretsCentralized` in
 * `./workers.ts`); an area's retrievers state facts about its own `Resource` entities, and a store's
 * entity holds counts only (secret names, comments and values never reach the catalog).
 */
export const secretsStoreFacts: CloudflareAreaFacts = {
  retrievers: [],
  checks: [],
};
