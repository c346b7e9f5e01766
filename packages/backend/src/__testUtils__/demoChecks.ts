/**
 * Where the demo account is built to pass and to fail each Tech Insights check of a Cloudflare
 * Resource: `[entity name, check id, result]`. Each check has at least one pass and one fail.
 */
export const DEMO_CHECK_OUTCOMES: ReadonlyArray<
  readonly [entity: string, check: string, result: boolean]
> = [
  ['cf-kv-acme-sessions', 'cloudflareKvPiiRetention', true],
  ['cf-kv-acme-eu-profiles', 'cloudflareKvPiiRetention', false],
  ['cf-r2-acme-prod-artifacts', 'cloudflareR2RegulatedLifecycle', true],
  ['cf-r2-acme-regulated-exports', 'cloudflareR2RegulatedLifecycle', false],
];
