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
    };
    /** Evidence snapshots. */
    evidence?: {
      /**
       * Most Worker scripts, and most Pages projects, one deployment-provenance snapshot may name.
       * Whole number from 1 to 100; default 20.
       */
      maxScope?: number;
    };
  };
}
