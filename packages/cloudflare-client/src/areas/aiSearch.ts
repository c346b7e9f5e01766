import { z } from 'zod';
import {
  AI_SEARCH_DEFAULT_NAMESPACE,
  AiSearchIndex,
  AiSearchIndexHealth,
  AiSearchJob,
  AiSearchSource,
  AiSearchSyncHistory,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { ClientContext } from '../context';
import { compact } from '../envelope';

const AREA = 'aiSearch';
/** Page size of the namespace and instance lists (Cloudflare's largest). */
const LIST_PAGE = 100;
/** Page size of the jobs list. */
const JOBS_PAGE = 50;
/** Jobs {@link AiSearchApi.getSyncHistory} reads at most, unless told: two calls. */
const DEFAULT_MAX_JOBS = 100;

const namespaceSchema = z.object({ name: z.string() });

/** The header values are read only to be dropped: the record's keys are all the client keeps. */
const sourceParamsSchema = z
  .object({
    prefix: z.string().nullish(),
    r2_jurisdiction: z.string().nullish(),
    web_crawler: z
      .object({
        parse_type: z.string().nullish(),
        parse_options: z
          .object({
            include_headers: z.record(z.string(), z.unknown()).nullish(),
            specific_sitemaps: z.array(z.string()).nullish(),
            use_browser_rendering: z.boolean().nullish(),
          })
          .nullish(),
      })
      .nullish(),
  })
  .nullish();

const instanceSchema = z.object({
  id: z.string(),
  namespace: z.string().nullish(),
  type: z.enum(['r2', 'web-crawler']).nullish(),
  source: z.string().nullish(),
  source_params: sourceParamsSchema,
  status: z.string().nullish(),
  enable: z.boolean().nullish(),
  paused: z.boolean().nullish(),
  sync_interval: z.number().nullish(),
  last_activity: z.string().nullish(),
  embedding_model: z.string().nullish(),
  ai_search_model: z.string().nullish(),
  ai_gateway_id: z.string().nullish(),
  created_at: z.string().nullish(),
  created_by: z.string().nullish(),
  modified_at: z.string().nullish(),
  modified_by: z.string().nullish(),
});

type Instance = z.output<typeof instanceSchema>;

const count = z.number().int().nonnegative().nullish();
const statsSchema = z.object({
  completed: count,
  queued: count,
  running: count,
  error: count,
  skipped: count,
  outdated: count,
  degraded: z.boolean().nullish(),
  last_activity: z.string().nullish(),
  file_embed_errors: z.record(z.string(), z.unknown()).nullish(),
  index_source_errors: z.record(z.string(), z.unknown()).nullish(),
  engine: z
    .object({
      vectorize: z.object({ vectorsCount: count }).nullish(),
    })
    .nullish(),
});

const jobSchema = z.object({
  id: z.string(),
  source: z.string().nullish(),
  started_at: z.string().nullish(),
  ended_at: z.string().nullish(),
  end_reason: z.string().nullish(),
});

type RawJob = z.output<typeof jobSchema>;

const SUCCEEDED = /^(completed?|success(ful)?|succeeded|done|finished)\b/i;
const FAILED =
  /\b(error|fail(ed|ure)?|abort(ed)?|cancel(l?ed)?|timed? ?out)\b/i;

/** A job's outcome from its end reason: only a known word of success counts as one. */
function outcomeOf(job: RawJob): AiSearchJob['outcome'] {
  if (!job.ended_at) return 'running';
  const reason = job.end_reason ?? '';
  if (SUCCEEDED.test(reason)) return 'succeeded';
  return FAILED.test(reason) ? 'failed' : 'unknown';
}

function toJob(job: RawJob): AiSearchJob {
  return compact({
    id: job.id,
    trigger: job.source ?? 'schedule',
    outcome: outcomeOf(job),
    startedAt: job.started_at ?? undefined,
    endedAt: job.ended_at ?? undefined,
    endReason: job.end_reason ?? undefined,
  });
}

/** When a job happened, for ordering: its end, else its start. */
const timeOf = (job: RawJob) =>
  Date.parse(job.ended_at ?? job.started_at ?? '') || 0;

/** The data connector of an instance; header values are dropped here and counted. */
function sourceOf(
  i: Instance,
  onDropped: (n: number) => void,
): AiSearchSource | undefined {
  if (!i.type || !i.source) return undefined;
  const params = i.source_params;
  if (i.type === 'r2') {
    return compact({
      type: i.type,
      name: i.source,
      prefix: params?.prefix ?? undefined,
      jurisdiction: params?.r2_jurisdiction ?? undefined,
    });
  }
  const crawler = params?.web_crawler;
  const headers = Object.keys(crawler?.parse_options?.include_headers ?? {});
  onDropped(headers.length);
  return compact({
    type: i.type,
    name: i.source,
    parseType: crawler?.parse_type ?? undefined,
    sitemaps: crawler?.parse_options?.specific_sitemaps ?? undefined,
    browserRendering:
      crawler?.parse_options?.use_browser_rendering ?? undefined,
    includeHeaders: headers.length > 0 ? headers : undefined,
  });
}

/**
 * Options of {@link AiSearchApi.getSyncHistory} and {@link AiSearchApi.getHealth}.
 *
 * @public
 */
export interface AiSearchSyncHistoryOptions {
  /** Jobs read at most, newest first, in pages of 50 (default 100: two calls). */
  maxJobs?: number;
}

/**
 * AI Search reads through the namespaced SDK resource (`client.aiSearch.namespaces.*`; the
 * account-level instance paths are deprecated): namespaces, their instances, an instance's stats
 * and its sync jobs. Never an item's content or chunks, `search` or `chat/completions`. The headers
 * a web crawler sends to its site are secrets: only their names leave the client.
 *
 * @public
 */
export class AiSearchApi {
  constructor(private readonly ctx: ClientContext) {}

  /** Every instance of every namespace (page paging of both lists). */
  async listIndexes(): Promise<AiSearchIndex[]> {
    return this.ctx.run(AREA, 'aiSearch.listIndexes', async () => {
      const namespaces = await this.pages(page =>
        this.ctx.sdk.aiSearch.namespaces.list({
          account_id: this.ctx.accountId,
          per_page: LIST_PAGE,
          page,
        }),
      );
      const out: AiSearchIndex[] = [];
      for (const ns of namespaces.map(n => namespaceSchema.parse(n))) {
        const instances = await this.pages(page =>
          this.ctx.sdk.aiSearch.namespaces.instances.list(ns.name, {
            account_id: this.ctx.accountId,
            per_page: LIST_PAGE,
            page,
          }),
        );
        for (const i of instances)
          out.push(this.toIndex(instanceSchema.parse(i), ns.name));
      }
      return out;
    });
  }

  /** One instance (one call). */
  async getIndex(
    id: string,
    namespace = AI_SEARCH_DEFAULT_NAMESPACE,
  ): Promise<AiSearchIndex> {
    return this.ctx.run(AREA, 'aiSearch.getIndex', async () =>
      this.toIndex(await this.read(id, namespace), namespace),
    );
  }

  /**
   * An instance's recent sync jobs, newest first, until the first that succeeded or `maxJobs`
   * (Cloudflare lists jobs newest first; the client orders what it read all the same).
   */
  async getSyncHistory(
    id: string,
    namespace = AI_SEARCH_DEFAULT_NAMESPACE,
    options: AiSearchSyncHistoryOptions = {},
  ): Promise<AiSearchSyncHistory> {
    return this.ctx.run(AREA, 'aiSearch.getSyncHistory', () =>
      this.history(id, namespace, options.maxJobs ?? DEFAULT_MAX_JOBS),
    );
  }

  /**
   * The health of an instance: its status, document counts by indexing state, error counts (never
   * their messages or document names) and its sync history. Three calls and the jobs pages.
   */
  async getHealth(
    id: string,
    namespace = AI_SEARCH_DEFAULT_NAMESPACE,
    options: AiSearchSyncHistoryOptions = {},
  ): Promise<AiSearchIndexHealth> {
    return this.ctx.run(AREA, 'aiSearch.getHealth', async () => {
      const index = this.toIndex(await this.read(id, namespace), namespace);
      const stats = statsSchema.parse(
        await this.ctx.sdk.aiSearch.namespaces.instances.stats(id, {
          account_id: this.ctx.accountId,
          name: namespace,
        }),
      );
      const sync = await this.history(
        id,
        namespace,
        options.maxJobs ?? DEFAULT_MAX_JOBS,
      );
      return compact({
        id: index.id,
        namespace: index.namespace,
        status: index.status,
        enabled: index.enabled,
        paused: index.paused,
        source: index.source,
        documents: compact({
          completed: stats.completed ?? undefined,
          queued: stats.queued ?? undefined,
          running: stats.running ?? undefined,
          error: stats.error ?? undefined,
          skipped: stats.skipped ?? undefined,
          outdated: stats.outdated ?? undefined,
        }),
        countsUnavailable: stats.degraded ?? false,
        vectors: stats.engine?.vectorize?.vectorsCount ?? undefined,
        sourceErrors: Object.keys(stats.index_source_errors ?? {}).length,
        fileErrors: Object.keys(stats.file_embed_errors ?? {}).length,
        lastActivityAt:
          stats.last_activity ?? index.lastActivityAt ?? undefined,
        sync,
      });
    });
  }

  private async read(id: string, namespace: string): Promise<Instance> {
    return instanceSchema.parse(
      await this.ctx.sdk.aiSearch.namespaces.instances.read(id, {
        account_id: this.ctx.accountId,
        name: namespace,
      }),
    );
  }

  private async history(
    id: string,
    namespace: string,
    maxJobs: number,
  ): Promise<AiSearchSyncHistory> {
    const jobs: RawJob[] = [];
    let complete = false;
    for (let page = 1; jobs.length < maxJobs; page++) {
      const res = await this.ctx.sdk.aiSearch.namespaces.instances.jobs.list(
        id,
        {
          account_id: this.ctx.accountId,
          name: namespace,
          per_page: JOBS_PAGE,
          page,
        },
      );
      const items = res.getPaginatedItems().map(j => jobSchema.parse(j));
      jobs.push(...items);
      if (this.lastPage(res, items.length, JOBS_PAGE)) {
        complete = true;
        break;
      }
      if (items.some(j => outcomeOf(j) === 'succeeded')) break;
    }
    const sorted = jobs.sort((a, b) => timeOf(b) - timeOf(a));
    const success = sorted.find(j => outcomeOf(j) === 'succeeded');
    const oldest = sorted[sorted.length - 1];
    return compact({
      lastJob: sorted[0] ? toJob(sorted[0]) : undefined,
      lastSuccess: success ? toJob(success) : undefined,
      jobsRead: sorted.length,
      complete,
      readSince: oldest
        ? oldest.started_at ?? oldest.ended_at ?? undefined
        : undefined,
    });
  }

  /** Every item of a page-paged list, stopping at the last page by its `result_info`. */
  private async pages(
    list: (page: number) => PromiseLike<PageLike>,
  ): Promise<unknown[]> {
    const out: unknown[] = [];
    for (let page = 1; ; page++) {
      const res = await list(page);
      const items = res.getPaginatedItems();
      out.push(...items);
      if (this.lastPage(res, items.length, LIST_PAGE)) return out;
    }
  }

  /** True when no page follows: a short or empty page, or the last by `result_info`. */
  private lastPage(res: PageLike, items: number, perPage: number): boolean {
    const info = res.result_info ?? {};
    const page = info.page ?? 1;
    if (items === 0 || items < (info.per_page ?? perPage)) return true;
    return typeof info.total_pages === 'number' && page >= info.total_pages;
  }

  private toIndex(i: Instance, namespace: string): AiSearchIndex {
    return compact({
      id: i.id,
      namespace: i.namespace ?? namespace,
      status: i.status ?? 'unknown',
      enabled: i.enable ?? true,
      paused: i.paused ?? false,
      source: sourceOf(i, n => this.ctx.countRedactions(AREA, n)),
      syncIntervalSeconds: i.sync_interval ?? undefined,
      lastActivityAt: i.last_activity ?? undefined,
      embeddingModel: i.embedding_model ?? undefined,
      aiSearchModel: i.ai_search_model ?? undefined,
      aiGatewayId: i.ai_gateway_id ?? undefined,
      createdAt: i.created_at ?? undefined,
      createdBy: i.created_by ?? undefined,
      modifiedAt: i.modified_at ?? undefined,
      modifiedBy: i.modified_by ?? undefined,
    });
  }
}

/** What the client reads of a page of a page-paged list. */
interface PageLike {
  getPaginatedItems(): unknown[];
  result_info?: {
    page?: number | null;
    per_page?: number | null;
    total_pages?: number | null;
  } | null;
}
