import { z } from 'zod';
import { defineRoute, defineWireType } from './contract';

/**
 * The namespace AI Search puts instances in unless told otherwise.
 *
 * @public
 */
export const AI_SEARCH_DEFAULT_NAMESPACE = 'default';

/**
 * The name an AI Search instance goes by in the catalog and in `cloudflare.com/ai-search`
 * annotations: its id in the `default` namespace, `<namespace>/<id>` in any other, so that instances
 * with the same id in two namespaces are two entities (`cloudflareEntityName` turns the `/` into `-`
 * and adds a hash).
 *
 * @public
 */
export function aiSearchResourceName(
  id: string,
  namespace?: string | null,
): string {
  return !namespace || namespace === AI_SEARCH_DEFAULT_NAMESPACE
    ? id
    : `${namespace}/${id}`;
}

/**
 * The id and namespace of an instance from its catalog name (see {@link aiSearchResourceName}).
 *
 * @public
 */
export function parseAiSearchResourceName(name: string): {
  id: string;
  namespace: string;
} {
  const slash = name.indexOf('/');
  return slash < 0
    ? { id: name, namespace: AI_SEARCH_DEFAULT_NAMESPACE }
    : { namespace: name.slice(0, slash), id: name.slice(slash + 1) };
}

const AI_SEARCH_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/**
 * AI Search instance ids as Cloudflare accepts them: lower-case letters, digits, `-` and `_`.
 *
 * @public
 */
export const aiSearchIndexParam = z
  .string()
  .regex(
    AI_SEARCH_NAME,
    'must be an AI Search instance id: 1-64 lower-case letters, digits, "-" or "_", starting with a letter or digit',
  );

/**
 * `?namespace=` of an instance route: the namespace the instance lives in, `default` unless said.
 *
 * @public
 */
export const aiSearchNamespaceParam = z
  .string()
  .regex(
    AI_SEARCH_NAME,
    'must be an AI Search namespace name: 1-64 lower-case letters, digits, "-" or "_", starting with a letter or digit',
  )
  .default(AI_SEARCH_DEFAULT_NAMESPACE);

/**
 * Where an instance reads its documents (its data connector): an R2 bucket (under a key prefix) or a
 * website its crawler visits. Only the names of the headers the crawler sends are kept (sensitive);
 * their values are secrets and never leave the client.
 *
 * @public
 */
export const aiSearchSourceSchema = z.object({
  /** `r2` (an R2 bucket) or `web-crawler` (a website). */
  type: z.enum(['r2', 'web-crawler']),
  /** The R2 bucket's name, or the crawled site's URL. */
  name: z.string(),
  /** R2: the key prefix read; empty for the whole bucket. */
  prefix: z.string().optional(),
  /** R2: the bucket's jurisdiction (`default`, `eu`, `fedramp`). */
  jurisdiction: z.string().optional(),
  /** Web crawler: `sitemap` (the sitemaps listed) or `discover` (following links). */
  parseType: z.string().optional(),
  /** Web crawler: the sitemaps it reads. */
  sitemaps: z.array(z.string()).optional(),
  /** Web crawler: whether pages are rendered in a browser before parsing. */
  browserRendering: z.boolean().optional(),
  /**
   * Web crawler: names of the headers it sends to the site (Cloudflare's
   * `source_params.web_crawler.parse_options.include_headers`; sensitive). The values are never read
   * out of the client.
   */
  includeHeaders: z.array(z.string()).optional(),
});

/**
 * An AI Search data connector (see {@link aiSearchSourceSchema}).
 *
 * @public
 */
export type AiSearchSource = z.output<typeof aiSearchSourceSchema>;

/**
 * An AI Search instance (an index; spec section 3.15): the client's output, the indexes route's item
 * and the card's row. `createdBy` and `modifiedBy` are people's emails (sensitive).
 *
 * @public
 */
export const aiSearchIndexSchema = z.object({
  /** Instance id. */
  id: z.string(),
  /** The namespace it lives in. */
  namespace: z.string(),
  /** Cloudflare's status of the instance (`ready`, `paused`, `error`, ...). */
  status: z.string(),
  /** Whether the instance is enabled. */
  enabled: z.boolean(),
  /** Whether scheduled syncs are paused. */
  paused: z.boolean(),
  /** Its data connector; absent when the instance has none. */
  source: aiSearchSourceSchema.optional(),
  /** Seconds between scheduled syncs. */
  syncIntervalSeconds: z.number().int().positive().optional(),
  /** Last crawl or sync activity (ISO 8601). */
  lastActivityAt: z.string().optional(),
  /** Embedding model (`@cf/baai/bge-m3`). */
  embeddingModel: z.string().optional(),
  /** Model answering `chat/completions` (never called by the suite). */
  aiSearchModel: z.string().optional(),
  /** AI Gateway its model calls go through. */
  aiGatewayId: z.string().optional(),
  /** When it was created (ISO 8601). */
  createdAt: z.string().optional(),
  /** Who created it (an email; sensitive). */
  createdBy: z.string().optional(),
  /** When it was last changed (ISO 8601). */
  modifiedAt: z.string().optional(),
  /** Who last changed it (an email; sensitive). */
  modifiedBy: z.string().optional(),
});

/**
 * An AI Search instance (see {@link aiSearchIndexSchema}).
 *
 * @public
 */
export type AiSearchIndex = z.output<typeof aiSearchIndexSchema>;

/**
 * One sync job (a crawl of the site or a read of the bucket) and its outcome: `succeeded` or
 * `failed` from its end reason, `running` while it has not ended, `unknown` when the end reason says
 * neither.
 *
 * @public
 */
export const aiSearchJobSchema = z.object({
  /** Job id. */
  id: z.string(),
  /** `schedule` or `user` (started by hand). */
  trigger: z.string(),
  /** What became of it. */
  outcome: z.enum(['succeeded', 'failed', 'running', 'unknown']),
  /** When it started (ISO 8601). */
  startedAt: z.string().optional(),
  /** When it ended (ISO 8601). */
  endedAt: z.string().optional(),
  /** Cloudflare's end reason (`completed`, `error: ...`). */
  endReason: z.string().optional(),
});

/**
 * A sync job (see {@link aiSearchJobSchema}).
 *
 * @public
 */
export type AiSearchJob = z.output<typeof aiSearchJobSchema>;

/**
 * What an instance's recent sync jobs say: the latest, the latest that succeeded, and how far back
 * they were read (jobs are read newest first within a call budget).
 *
 * @public
 */
export const aiSearchSyncHistorySchema = z.object({
  /** The most recent job; absent when the instance never synced. */
  lastJob: aiSearchJobSchema.optional(),
  /** The most recent successful job among those read. */
  lastSuccess: aiSearchJobSchema.optional(),
  /** Jobs read. */
  jobsRead: z.number().int().nonnegative(),
  /** True when every job of the instance was read (so no success was missed). */
  complete: z.boolean(),
  /** Start of the oldest job read (ISO 8601): no success was missed after it. */
  readSince: z.string().optional(),
});

/**
 * An instance's sync history (see {@link aiSearchSyncHistorySchema}).
 *
 * @public
 */
export type AiSearchSyncHistory = z.output<typeof aiSearchSyncHistorySchema>;

/**
 * Document counts of an instance by indexing state; all absent when Cloudflare cannot count them
 * (`countsUnavailable`).
 *
 * @public
 */
export const aiSearchDocumentCountsSchema = z.object({
  /** Indexed. */
  completed: z.number().int().nonnegative().optional(),
  /** Waiting to be indexed. */
  queued: z.number().int().nonnegative().optional(),
  /** Being indexed. */
  running: z.number().int().nonnegative().optional(),
  /** Failed to index. */
  error: z.number().int().nonnegative().optional(),
  /** Skipped (unsupported or excluded). */
  skipped: z.number().int().nonnegative().optional(),
  /** Indexed from a version that changed since. */
  outdated: z.number().int().nonnegative().optional(),
});

/**
 * The health of an AI Search instance (spec section 3.15): indexing status, document counts, errors
 * and its last sync jobs. Nothing is searched and no document is read.
 *
 * @public
 */
export const aiSearchIndexHealthSchema = aiSearchIndexSchema
  .pick({
    id: true,
    namespace: true,
    status: true,
    enabled: true,
    paused: true,
    source: true,
  })
  .extend({
    /** Documents by indexing state. */
    documents: aiSearchDocumentCountsSchema,
    /** True when Cloudflare could not count the documents. */
    countsUnavailable: z.boolean(),
    /** Vectors in the instance's index, where Cloudflare reports them. */
    vectors: z.number().int().nonnegative().optional(),
    /** Sources that failed to be read at the last sync (their messages are not returned). */
    sourceErrors: z.number().int().nonnegative(),
    /** Documents that failed to embed (their names are not returned). */
    fileErrors: z.number().int().nonnegative(),
    /** Last crawl or sync activity (ISO 8601). */
    lastActivityAt: z.string().optional(),
    /** Its recent sync jobs. */
    sync: aiSearchSyncHistorySchema,
  });

/**
 * The health of an instance (see {@link aiSearchIndexHealthSchema}).
 *
 * @public
 */
export type AiSearchIndexHealth = z.output<typeof aiSearchIndexHealthSchema>;

/**
 * Routes of the AI Search area. None searches, chats, or reads an item's content or chunks.
 *
 * @public
 */
export const aiSearchRoutes = {
  indexes: defineRoute({
    id: 'aiSearch.indexes',
    area: 'aiSearch',
    path: '/v1/ai-search/indexes',
    description:
      'AI Search instances of every namespace with their data connector (R2 bucket or crawled website), status and last crawl or sync time.',
    params: z.object({}),
    query: z.object({}),
    shape: 'list',
    wire: defineWireType({
      name: 'AiSearchIndex',
      schema: aiSearchIndexSchema,
      sensitive: ['createdBy', 'modifiedBy', 'source.includeHeaders'],
    }),
  }),
  health: defineRoute({
    id: 'aiSearch.health',
    area: 'aiSearch',
    path: '/v1/ai-search/:index/health',
    description:
      'Health of one AI Search instance: status, document counts by indexing state, errors, and its last and last successful sync jobs; `?namespace=` for instances outside the default namespace.',
    params: z.object({ index: aiSearchIndexParam }),
    query: z.object({ namespace: aiSearchNamespaceParam }),
    shape: 'item',
    wire: defineWireType({
      name: 'AiSearchIndexHealth',
      schema: aiSearchIndexHealthSchema,
      sensitive: ['source.includeHeaders'],
    }),
  }),
};
