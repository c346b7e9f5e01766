export interface Config {
  cloudflare?: {
    /**
     * The Cloudflare Global API Key. The suite never uses it (its client speaks API tokens only);
     * declared so that a leftover key is treated as a secret, and so the Tech Insights fact
     * `globalApiKeyInUse` can flag it. Remove it and use `cloudflare.apiToken`.
     *
     * @visibility secret
     * @deprecated Use an API token (`cloudflare.apiToken`).
     */
    apiKey?: string;
  };
  techInsights?: {
    /** Options of the Cloudflare fact retrievers. */
    cloudflare?: {
      /** Workers KV facts. */
      kv?: {
        /**
         * The Cloudflare tag that marks a namespace as holding personal data: `key=value`, or `key`
         * for any value. Default `pii=true`.
         */
        piiTag?: string;
      };
      /** R2 lifecycle facts. */
      r2?: {
        /**
         * The Cloudflare tag that marks a bucket as holding regulated data: `key=value`, or `key`
         * for any value. Default `data-class=regulated`.
         */
        regulatedTag?: string;
      };
    };
  };
}
