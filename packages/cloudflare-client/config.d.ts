export interface Config {
  /**
   * The Cloudflare suite for Backstage. Every key the suite reads is declared here; the backend plugin
   * declares its own (`cloudflare.evidence.*`) beside them.
   */
  cloudflare?: {
    /**
     * Cloudflare account id (32 hexadecimal characters) the suite reads. Required unless
     * `cloudflare.accounts` is used (then not read); the client checks it at start-up and names the key.
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
     * at `http://127.0.0.1:8787/client/v4`. Must be `https:`; plain `http:` only for a loopback host
     * (127.0.0.0/8, `::1`, `localhost`). A user name or password, a query string or a fragment is
     * refused at start-up. The client always passes this URL (or the default) to the SDK, so the
     * `CLOUDFLARE_BASE_URL` environment variable is never used.
     */
    apiBaseUrl?: string;

    /**
     * Several Cloudflare accounts, one client each (instead of the top-level `accountId` and
     * `apiToken`, which are not read when this list is set). The top-level `fetch`, `redaction`,
     * `provenance`, `budget` and `breaker` apply to every entry; an entry's `budget` keys win. The
     * catalog module declares each entry's `entityProvider`.
     */
    accounts?: Array<{
      /** Id of the entry, used in URLs (`?account=`) and provider names: letters, digits, `-`, `_`. Unique. */
      id: string;
      /** Cloudflare account id (32 hexadecimal characters). Unique. */
      accountId: string;
      /**
       * Read-only API token of this account. Entries with the same token share one call budget.
       * @visibility secret
       */
      apiToken: string;
      /** Cloudflare's v4 base URL; see `cloudflare.apiBaseUrl`. */
      apiBaseUrl?: string;
      /** This account's Browser Rendering facts; see `cloudflare.browserRendering`. */
      browserRendering?: {
        /** Name of the account's Browser Rendering `Resource`; default: the account id. */
        name?: string;
        /** The account's Workers plan, `free` or `paid`. */
        plan?: 'free' | 'paid';
      };
      /** This token's call budget; keys given here win over `cloudflare.budget`. */
      budget?: {
        /** Calls per window. */
        calls?: number;
        /** Window in seconds. */
        windowSeconds?: number;
        /** Fraction of `calls` only interactive calls (routes) may take. */
        routeShare?: number;
      };
    }>;

    /**
     * The call budget of each API token: a token bucket refilled continuously, fed by Cloudflare's
     * `Ratelimit` and `Ratelimit-Policy` headers. Cloudflare allows 1,200 calls per 5 minutes per
     * token and blocks the token for 5 minutes beyond that; the budget keeps the suite under it.
     */
    budget?: {
      /** Calls per window (1 to 1000000). Default 1200, Cloudflare's limit. */
      calls?: number;
      /** Window in seconds (1 to 86400). Default 300. */
      windowSeconds?: number;
      /**
       * Fraction of `calls` (0 to 0.9) only interactive calls (routes: a user waits) may take;
       * background calls (ingestion, fact retrievers) wait instead. Default 0.2.
       */
      routeShare?: number;
    };

    /**
     * The circuit breaker of each account: after repeated upstream failures (5xx, 429, timeouts,
     * connection errors) calls fail at once without reaching Cloudflare, then one trial call decides.
     */
    breaker?: {
      /** Consecutive failures that open the breaker (1 to 1000). Default 5. */
      failureThreshold?: number;
      /** Seconds the breaker stays open the first time (1 to 86400). Default 30. */
      openSeconds?: number;
      /** Ceiling of the backoff, doubled at each failed trial (1 to 86400). Default 300. */
      maxOpenSeconds?: number;
    };

    /** How deployment provenance read from Cloudflare is cleaned before it is shown or stored. */
    provenance?: {
      /**
       * CI links: the `run=` URL of a version's message (`sha=... run=...`) and Workers Builds'
       * pull request URL. Only `https:` URLs without a user name or password are kept; fragments are
       * always dropped, query strings unless the host is listed here. Each dropped part is counted
       * as a redaction.
       */
      ciRunUrl?: {
        /**
         * Host names (exact, case-insensitive) whose query strings are kept, e.g. a CI server that
         * needs `?build=42`. Parameters whose name or value looks like a credential are still dropped.
         */
        allowQueryHosts?: string[];
      };
    };

    /**
     * Browser Rendering (Browser Run): what Cloudflare has no API for. The account's one `Resource`
     * is `cf-browser-rendering-<name>`; the plan picks the documented limits the quotas route shows.
     */
    browserRendering?: {
      /**
       * Name of the account's Browser Rendering `Resource` (lower-case letters, digits and `-`, at
       * most 40), e.g. `acme-browser`. Default: the account id, unique per account. With the catalog
       * module's `cloudflare.accounts`, each entry sets its own.
       */
      name?: string;
      /**
       * The account's Workers plan, `free` or `paid`: Cloudflare exposes no plan or limits API.
       * Absent: the quotas route shows both plans' documented limits and applies neither.
       */
      plan?: 'free' | 'paid';
    };

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
