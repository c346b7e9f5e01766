export interface Config {
  /**
   * Cloudflare suite. The connection keys (`accountId`, `apiToken`, `apiBaseUrl`, `fetch`) are
   * declared by `@cloudflare-backstage/cloudflare-client`; these are the backend plugin's own.
   */
  cloudflare?: {
    /** Caching of Cloudflare reads by the `/api/cloudflare` routes. */
    cache?: {
      /**
       * How long a Cloudflare read is served from Backstage's cache service, in seconds. Whole
       * seconds from 30 to 120; default 60. Identical requests in flight always share one call.
       */
      ttlSeconds?: number;
      /**
       * How long a cached answer is kept past its fresh TTL, in seconds: when a read from
       * Cloudflare fails (outage, timeout, HTTP 429, the call budget is short, the account's
       * circuit breaker is open) the route answers the kept value with `stale: true` and its
       * `fetchedAt`. Whole seconds from 0 (never stale) to 604800 (7 days); default 86400 (1 day).
       */
      maxStaleSeconds?: number;
    };
    /** Who may make privileged calls besides signed-in users. */
    permissions?: {
      /**
       * Service principal subjects (for example `plugin:scaffolder`, `external:audit-bot`) allowed
       * to read `?view=unmasked` and to use the evidence routes. Backstage allows every service
       * principal without asking the permission policy, so by default (empty) only users, whose
       * permissions the policy decides, may make these calls.
       */
      trustedServices?: string[];
      /**
       * How long a read route keeps a permission decision (`cloudflare.read.<area>`, per principal),
       * in seconds, so a user's page of cards makes one permission round trip per few seconds
       * rather than one per request. A revoked permission keeps allowing masked reads for at most
       * this long. The unmasked view and the evidence routes always ask afresh. Whole seconds from
       * 0 (off: ask every time) to 30; default 5.
       */
      decisionCacheSeconds?: number;
    };
    /** Evidence snapshots. */
    evidence?: {
      /**
       * Most Worker scripts, and most Pages projects, one deployment-provenance snapshot may name.
       * Whole number from 1 to 100; default 20.
       */
      maxScope?: number;
      /** Signing of snapshots: each gets a DSSE envelope (in-toto statement, Ed25519). */
      signing?: {
        /**
         * Ed25519 private key (PKCS#8 PEM, `openssl genpkey -algorithm ed25519`) snapshots are
         * signed with. When absent, a key is generated once and kept in the plugin's database
         * (fine for a demo; configure one in production so the key lives in your secret store).
         * @visibility secret
         */
        privateKey?: string;
      };
      /**
       * How long a snapshot stays fresh, per kind (`zero-trust-audit`, `r2-lifecycle`,
       * `deployment-provenance`) and `default`; each a duration (`{ days: 35 }`) or an ISO 8601
       * duration string. Older snapshots are listed with `stale: true`. Default 35 days (a monthly
       * cadence with slack).
       */
      ttl?: {
        [kind: string]:
          | string
          | {
              years?: number;
              months?: number;
              weeks?: number;
              days?: number;
              hours?: number;
              minutes?: number;
            };
      };
    };
  };
}
