/**
 * Secret canaries: unique strings planted where Cloudflare data holds secrets (or where a careless
 * API could leak them). None of them may ever appear outside the client layer: not in a response,
 * an error, a log line, an evidence snapshot or a catalog entity. Tests search for them.
 *
 * @public
 */
export const SECRET_CANARIES = {
  /** Value of a Worker `plain_text` binding named like a key (`STRIPE_API_KEY`). */
  workerPlainTextKey: 'CANARY-wrk-plaintext-9f2c1e7a5b3d4c6e',
  /** Value inside a Worker `json` binding holding a credential. */
  workerJsonSecret: 'CANARY-wrk-json-4b7d2a9e1c3f5a8b',
  /** A Pages `secret_text` environment variable value. */
  pagesSecretEnv: 'CANARY-pages-secret-env-6e1a3c9b7d2f4a5c',
  /** Pages `web_analytics_token`. */
  pagesAnalyticsToken: 'CANARY-pages-wa-token-2c8e4a6b1d9f3e7a',
  /** A Workers Builds environment variable value. */
  buildsEnvValue: 'CANARY-builds-env-8a3f1c5e7b9d2a4c',
  /** A KV value stored under a credential-like key name. */
  kvCredentialValue: 'CANARY-kv-credential-5d9b2e8a4c1f6a3e',
  /** A KV value that looks like a high-entropy token. */
  kvTokenShapedValue: 'CANARY-kv-token-shape-Zx9Qm2Lr7Tp4Wv8Kj3Nb6Hd1',
  /** A credential inside a KV key's metadata (`webhook_config` in `acme-config`). */
  kvMetadataSecret: 'CANARY-kv-metadata-8e3b6a1d9c4f2a7e',
  /** A session token used as part of a KV key's name (`session:<token>` in `acme-sessions`). */
  kvTokenKeyName: 'CANARY-kv-keyname-Qw7Er2Ty9Ui4Op6As1Df3Gh8',
  /** A Hyperdrive origin password (the real API never returns it; the demo over-shares on purpose). */
  hyperdrivePassword: 'CANARY-hyperdrive-pw-3e7a1c9b5d2f8a4e',
  /** A Hyperdrive Access origin's `access_client_secret` (write-only in the real API; over-shared on purpose). */
  hyperdriveAccessClientSecret:
    'CANARY-hyperdrive-access-secret-6c1f8a3e9b4d2a7e',
  /** An Access service-token client secret. */
  accessClientSecret: 'CANARY-access-client-secret-7b2d9e4a1c6f3a8e',
  /** An API token value (only create/roll return it; the demo over-shares on purpose). */
  apiTokenValue: 'CANARY-api-token-value-1f8c3a6e9b2d5a7c',
  /** A Secrets Store secret value (write-only in the real API; the demo over-shares on purpose). */
  secretsStoreValue: 'CANARY-secrets-store-value-9c4e2a7b5d1f8a3e',
  /** A token pasted into a Secrets Store secret's free-text `comment` (`SENDGRID_API_KEY`). */
  secretsStoreComment: 'CANARY-ss-comment-Yt5Rw8Pq2Lm6Vn3Xc9Bz4Jk7',
  /** A Containers environment variable value. */
  containerEnvValue: 'CANARY-container-env-6a1e8c3b9d5f2a7e',
  /** Free-form `details` of a Containers health error event (an instance's stderr with a token in it). */
  containerErrorDetails: 'CANARY-container-error-details-3f9b6e1a8c4d2a7e',
  /** An AI Gateway OpenTelemetry exporter authorization header. */
  aiGatewayOtelAuth: 'CANARY-aigw-otel-auth-4d8b1e6a3c9f2a5e',
  /** An AI Gateway Stripe usage-billing authorization (`stripe.authorization`). */
  aiGatewayStripeAuth: 'CANARY-aigw-stripe-auth-7c2e9a4b1d6f3a8e',
  /** The preview of an AI Gateway provider key (a provider config's `secret_preview`). */
  aiGatewayProviderKey: 'CANARY-aigw-provider-key-5b8e2c7a4d1f9a3e',
  /** A prompt in an AI Gateway log's request body (served only by the never-make `/logs/{id}/request`). */
  aiGatewayPrompt: 'CANARY-aigw-prompt-body-9a4c2e7b1d5f3a6e',
  /** Caller-supplied `metadata` of an AI Gateway log entry (a user's token in it). */
  aiGatewayLogMetadata: 'CANARY-aigw-log-metadata-1e6a9c3b7d4f2a8e',
  /** A Workflow instance parameter marked sensitive. */
  workflowParam: 'CANARY-workflow-param-2a9e5c1b7d3f8a6e',
  /** A message body in `acme-events` (only peek and pull hand bodies out; the suite calls neither). */
  queueMessageBody: 'CANARY-queue-message-body-5b8e2a7c1d4f9a3e',
  /** A header value an AI Search web crawler sends to the crawled site (`parse_options.include_headers`). */
  aiSearchCrawlerHeader: 'CANARY-aisearch-crawler-header-8d3b6e1a9c4f2a7e',
  /** A credential in a stored Vectorize vector's metadata (only `get_by_ids` and `query` return it). */
  vectorizeVectorMetadata: 'CANARY-vectorize-metadata-5b8e2d7a1c4f9a3e',
  /** A bearer token a careless Worker wrote into an Analytics Engine blob (`blob4` of `acme_analytics`). */
  analyticsEngineBlobToken: 'CANARY-ae-blob-token-Hq4Zt8Lm2Vx6Rn9Pc3Wk7Js1',
  /**
   * A user's session token in a Durable Object's name (`idFromName('session:<token>')` in
   * `SessionCoordinator`): GraphQL analytics rows carry object names, which only a per-object query
   * returns (the suite groups by namespace only).
   */
  durableObjectName: 'CANARY-do-object-name-Kp3Vt7Xq1Bn5Zr9Lw2Hc6Ms4',
  /** The token in a Browser Rendering session's `webSocketDebuggerUrl` (a live session handle). */
  browserSessionWsToken: 'CANARY-browser-ws-token-7e2a9c4b1d6f3a8e',
  /** The signed inspector link of a Browser Rendering session (`devtoolsFrontendUrl`). */
  browserDevtoolsFrontendUrl: 'CANARY-browser-devtools-url-4c9e1a6b3d8f2a7e',
} as const;

/**
 * Every canary value, for tests that search a response, a log or an entity for any of them.
 *
 * @public
 */
export const ALL_SECRET_CANARIES: readonly string[] =
  Object.values(SECRET_CANARIES);
