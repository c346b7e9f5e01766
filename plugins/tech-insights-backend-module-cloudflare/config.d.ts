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
}
