export interface Config {
  /**
   * Cloudflare suite. The connection keys of a single account (`accountId`, `apiToken`,
   * `apiBaseUrl`, `fetch`, `redaction`) are declared by `@cloudflare-backstage/cloudflare-client`;
   * these are the catalog module's own.
   */
  cloudflare?: {
    /**
     * More than one Cloudflare account. Each entry's connection keys (`id`, `accountId`,
     * `apiToken`, `apiBaseUrl`, `browserRendering`, `budget`) are declared by
     * `@cloudflare-backstage/cloudflare-client`; the catalog module makes one entity provider per
     * entry (`cloudflare-provider:<id>`) and declares the entry's own `entityProvider` keys, which
     * win over `cloudflare.entityProvider`.
     */
    accounts?: Array<{
      /** Per-account entity provider settings; see `cloudflare.entityProvider`. */
      entityProvider?: {
        /** Schedule of this account's refresh task. */
        schedule?: {
          frequency: { [unit: string]: number } | string;
          timeout: { [unit: string]: number } | string;
          initialDelay?: { [unit: string]: number } | string;
        };
        /** Product areas to import (registry ids), each true by default. */
        import?: { [areaId: string]: boolean };
        /** Ownership rules of this account; replace the shared ones. */
        ownership?: Array<{
          /** Which resources the rule applies to. */
          match?: {
            /** Product area (registry id), e.g. `workers`. */
            area?: string;
            /** Regular expression over the Cloudflare resource name (anchored at both ends). */
            namePattern?: string;
            /**
             * A Cloudflare resource tag (Resource Tagging API) the resource carries: `key`, or
             * `key=value`, e.g. `backstage-owner=team-a`.
             */
            tag?: string;
          };
          /** Owner entity ref, e.g. `group:default/platform`. */
          owner: string;
          /** System entity ref, e.g. `system:default/acme-org`. */
          system?: string;
        }>;
        /** Owner when no rule matches; default `group:default/platform`. */
        defaultOwner?: string;
        /** System when no rule matches; none by default. */
        defaultSystem?: string;
      };
    }>;
    /** Ingestion of Cloudflare resources as catalog `Resource` entities. */
    entityProvider?: {
      /** Set to false to register no provider at all; default true. */
      enabled?: boolean;
      /**
       * Schedule of the refresh task; default every 10 minutes with a 2-minute timeout. A run stops
       * asking for calls a tenth of the timeout (5 to 30 s) before it, and the next run continues
       * where it stopped.
       */
      schedule?: {
        frequency: { [unit: string]: number } | string;
        timeout: { [unit: string]: number } | string;
        initialDelay?: { [unit: string]: number } | string;
      };
      /** Product areas to import (registry ids, e.g. `workers`, `pages`), each true by default. */
      import?: { [areaId: string]: boolean };
      /** Ownership rules: the first matching rule gives a resource its owner and system. */
      ownership?: Array<{
        /** Which resources the rule applies to; every resource when absent. */
        match?: {
          /** Product area (registry id), e.g. `workers`. */
          area?: string;
          /** Regular expression over the Cloudflare resource name (anchored at both ends). */
          namePattern?: string;
          /**
           * A Cloudflare resource tag (Resource Tagging API) the resource carries: `key`, or
           * `key=value`, e.g. `backstage-owner=team-a`.
           */
          tag?: string;
        };
        /** Owner entity ref, e.g. `group:default/platform`. */
        owner: string;
        /** System entity ref, e.g. `system:default/acme-org`. */
        system?: string;
      }>;
      /** Owner when no rule matches; default `group:default/platform`. */
      defaultOwner?: string;
      /** System when no rule matches; none by default. */
      defaultSystem?: string;
    };
  };
}
