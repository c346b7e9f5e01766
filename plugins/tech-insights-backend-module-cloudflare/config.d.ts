export interface Config {
  cloudflare?: {
    /**
     * The Cloudflare Global API Key. The suite never uses it (its client speaks API tokens only);
     * declared so that a leftover key is treated as a secret. Remove it and use
     * `cloudflare.apiToken`. (Whether anyone uses a Global API Key, the Tech Insights fact
     * `globalApiKeyInUse`, is read from the account audit log.)
     *
     * @visibility secret
     * @deprecated Use an API token (`cloudflare.apiToken`).
     */
    apiKey?: string;
  };
  techInsights?: {
    /** Options of the Cloudflare fact retrievers. */
    cloudflare?: {
      /** The refresh route (`POST /api/tech-insights/cloudflare/refresh`). */
      refresh?: {
        /**
         * Start a triggered retriever within this many seconds (1 to 4) instead of the scheduler's
         * 5, by a no-op task of the Tech Insights plugin that runs this often (a claim and a release
         * in its database each time). Unset by default; the demo sets 1.
         */
        pollIntervalSeconds?: number;
      };
      /** Workers KV facts. */
      kv?: {
        /**
         * The Cloudflare tag that marks a namespace as holding personal data: `key=value`, or `key`
         * for any value. Default `pii=true`.
         */
        piiTag?: string;
      };
      /** AI Search crawl facts. */
      aiSearch?: {
        /**
         * The most days since an instance's last successful crawl or sync for the check to pass.
         * Default 7.
         */
        maxCrawlAgeDays?: number;
      };
      /** Durable Objects runtime facts. */
      durableObjects?: {
        /**
         * The highest error rate (0 to 1: failed requests over requests in the last 24 hours) a
         * Durable Object class may have to pass `cloudflareDurableObjectErrorRate`. Default 0.01.
         */
        maxErrorRate?: number;
      };
      /** R2 lifecycle facts. */
      r2?: {
        /**
         * The Cloudflare tag that marks a bucket as holding regulated data: `key=value`, or `key`
         * for any value. Default `data-class=regulated`.
         */
        regulatedTag?: string;
      };
      /** Vectorize index facts. */
      vectorize?: {
        /**
         * Embedding model -> its output dimensions, added to (or overriding) the built-in map of
         * Cloudflare's presets and common models, e.g. `{ '@cf/baai/bge-base-en-v1.5': 768 }`.
         * Model names hold `@` and `/`: quote them.
         */
        models?: { [model: string]: number };
        /**
         * The Cloudflare tag whose value names an index's embedding model. Default
         * `embedding-model`.
         */
        modelTag?: string;
        /** Days within which an index's last write passes. Default 7. */
        maxWriteAgeDays?: number;
      };
      /** Workflows retry-policy facts. */
      workflows?: {
        /**
         * The fewest retries every `step.do` step of a workflow's current version must have for
         * the workflow to count as having a retry policy. Default 1.
         */
        minStepRetries?: number;
      };
      /** Queue backlog facts. */
      queues?: {
        /** The most messages a queue's backlog may hold. Default 10000. */
        maxBacklogMessages?: number;
        /** The oldest a queue's oldest message may be, in seconds. Default 900. */
        maxOldestMessageAgeSeconds?: number;
      };
      /** AI Gateway rate limiting and retry facts. */
      aiGateway?: {
        /**
         * The fewest retries of a failed provider request that count as retries on (Cloudflare
         * allows 1 to 5). Default 1.
         */
        minRetryAttempts?: number;
        /**
         * The most requests per minute a gateway's rate limit may allow and still count as a rate
         * limit. Default: any limit counts.
         */
        maxRequestsPerMinute?: number;
      };
    };
  };
}
