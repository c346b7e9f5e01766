export interface Config {
  /**
   * The Cloudflare suite for Backstage. Every key the suite reads is declared here; the backend plugin
   * declares its own (`cloudflare.evidence.*`) beside them.
   */
  cloudflare?: {
    /**
     * Cloudflare account id (32 hexadecimal characters) the suite reads. Required unless the catalog
     * module's `cloudflare.accounts` list is used; the client checks it at start-up and names the key.
     */
    accountId?: string;

    /**
     * API token with read permissions on the areas to show (e.g. Workers Scripts Read, Pages Read,
     * Access: Apps and Policies Read, Account Settings Read). Workers Builds commit data needs a
     * user-scoped token with Workers CI Read. Never logged, never in an error message. Required
     * with `accountId`.
     * @visibility secret
     */
    apiToken?: string;

    /**
     * Cloudflare v4 API base URL. Defaults to `https://api.cloudflare.com/client/v4`; the demo points it
     * at `http://127.0.0.1:8787/client/v4`.
     */
    apiBaseUrl?: string;

    /** Transport of the calls to Cloudflare (the official SDK's timeout and retries). */
    fetch?: {
      /**
       * Timeout of one request, in milliseconds (100 to 300000). Default 15000.
       */
      timeoutMs?: number;
      /**
       * Retries of a request that failed with 408, 409, 429, 5xx, a timeout or a connection error
       * (0 to 10). Default 3. `Retry-After` is honoured.
       */
      maxRetries?: number;
      /**
       * Backoff between retries. Only `jitter` (exponential 0.5 to 8 seconds with jitter, the SDK's).
       */
      backoff?: 'jitter';
    };

    /** The catalog entity provider (`@cloudflare-backstage/plugin-catalog-backend-module-cloudflare`). */
    entityProvider?: {
      /**
       * How often the provider reads Cloudflare. Default every 10 minutes, timeout 2 minutes.
       */
      schedule?: {
        /** Frequency: a human duration such as `{ minutes: 10 }`, an ISO duration or a cron expression. */
        frequency: { cron: string } | string | { [unit: string]: number };
        /** Timeout of one run. */
        timeout: string | { [unit: string]: number };
        /** Delay before the first run. */
        initialDelay?: string | { [unit: string]: number };
        /** Whether the task runs on one host at a time (`global`, default) or on every host (`local`). */
        scope?: 'global' | 'local';
      };
      /**
       * Which product areas become catalog Resource entities. Every area is imported unless set to false.
       */
      import?: {
        /** Workers scripts (`cloudflare-worker`). */
        workers?: boolean;
        /** Pages projects (`cloudflare-pages`). */
        pages?: boolean;
        /** Zero Trust Access posture (`cloudflare-zero-trust`). */
        zeroTrust?: boolean;
        /** Queues (`cloudflare-queue`). */
        queues?: boolean;
        /** Workers KV namespaces (`cloudflare-kv`). */
        kv?: boolean;
        /** D1 databases (`cloudflare-d1`). */
        d1?: boolean;
        /** R2 buckets (`cloudflare-r2`). */
        r2?: boolean;
        /** AI Gateway gateways (`cloudflare-ai-gateway`). */
        aiGateway?: boolean;
        /** Vectorize indexes (`cloudflare-vectorize`). */
        vectorize?: boolean;
        /** Analytics Engine datasets (`cloudflare-analytics-engine`). */
        analyticsEngine?: boolean;
        /** Secrets Store stores, metadata only (`cloudflare-secrets-store`). */
        secretsStore?: boolean;
        /** Hyperdrive configs (`cloudflare-hyperdrive`). */
        hyperdrive?: boolean;
        /** Containers applications (`cloudflare-container`). */
        containers?: boolean;
        /** Workflows (`cloudflare-workflow`). */
        workflows?: boolean;
        /** Durable Object namespaces (`cloudflare-durable-object`). */
        durableObjects?: boolean;
        /** AI Search instances (`cloudflare-ai-search`). */
        aiSearch?: boolean;
        /** Browser Rendering (`cloudflare-browser-rendering`). */
        browserRendering?: boolean;
      };
    };

    /** Caching of Cloudflare reads by the `/api/cloudflare` routes. */
    cache?: {
      /**
       * How long a Cloudflare read is served from Backstage's cache service, in seconds. Whole
       * seconds from 30 to 120; default 60. Identical requests in flight always share one call.
       */
      ttlSeconds?: number;
    };

    /**
     * Redaction rules, added to the safe defaults (never replacing them). Values matching them never
     * leave the client; each redaction is counted.
     */
    redaction?: {
      /**
       * Extra regular expressions (case-insensitive) for names (bindings, variables, JSON keys) whose
       * values are credentials. Defaults cover secret, token, password, api key, private key,
       * credential, auth and more.
       */
      keyNamePatterns?: string[];
      /**
       * Extra regular expressions for values that are credentials whatever their name. Defaults cover
       * JWTs, PEM blocks, URLs with a password and well-known token prefixes.
       */
      valuePatterns?: string[];
      /**
       * Shortest string checked for a high-entropy token shape (8 to 256). Default 20.
       */
      highEntropyMinLength?: number;
    };
  };
}
