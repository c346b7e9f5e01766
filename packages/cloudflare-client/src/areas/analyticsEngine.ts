import { z } from 'zod';
import {
  AnalyticsEngineDataset,
  AnalyticsEngineQueryResult,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { ClientContext } from '../context';
import { compact } from '../envelope';
import { CloudflareApiError, toCloudflareApiError } from '../errors';
import { checkAnalyticsEngineSql } from './analyticsEngineSql';
import { WorkerBinding, WorkersApi } from './workers';

const AREA = 'analyticsEngine';

const cellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** The SQL API's `FORMAT JSON` answer (not the v4 envelope); unknown keys dropped. */
const sqlAnswerSchema = z.object({
  meta: z.array(z.object({ name: z.string(), type: z.string() })),
  data: z.array(z.record(z.string(), cellSchema)),
  rows: z.number().int().nonnegative(),
  rows_before_limit_at_least: z.number().int().nonnegative().optional(),
});

/**
 * One Worker's bindings, as a caller that has read them passes them to
 * {@link AnalyticsEngineApi.listDatasets}.
 *
 * @public
 */
export interface WorkerBindings {
  /** The script's name. */
  script: string;
  /** Its bindings (from its settings). */
  bindings: readonly WorkerBinding[];
}

/**
 * Options of {@link AnalyticsEngineApi.listDatasets}.
 *
 * @public
 */
export interface AnalyticsEngineDatasetsOptions {
  /**
   * Every Worker's bindings, when the caller has read them (the catalog run's Workers read): then no
   * call is made. Absent: the scripts list and each script's settings are read.
   */
  workers?: readonly WorkerBindings[];
}

/** The datasets of `analytics_engine` bindings, with the scripts binding each, sorted. */
function datasetsOf(
  workers: readonly WorkerBindings[],
): AnalyticsEngineDataset[] {
  const byName = new Map<string, Set<string>>();
  for (const { script, bindings } of workers) {
    for (const b of bindings) {
      if (b.type !== 'analytics_engine' || !b.dataset) continue;
      const scripts = byName.get(b.dataset) ?? new Set<string>();
      byName.set(b.dataset, scripts.add(script));
    }
  }
  return [...byName.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, scripts]) => ({ name, workers: [...scripts].sort() }));
}

/**
 * Workers Analytics Engine reads: the datasets Workers bind, and one read-only SQL query through the
 * SQL API (`POST /accounts/{id}/analytics_engine/sql`, raw SQL body, `{meta, data, rows}` answer).
 * The SDK does not model the SQL API: the query goes through its generic `post`. Every statement is
 * checked against the allow-list (`analyticsEngineSql.ts`) before any call.
 *
 * @public
 */
export class AnalyticsEngineApi {
  constructor(private readonly ctx: ClientContext) {}

  /**
   * The datasets bound by Workers (Cloudflare lists none: `SHOW TABLES` would name datasets no
   * Worker writes any more). Costs nothing with `options.workers`; else the scripts list (1 call)
   * and each script's settings (1 call each, at most an account's script limit).
   */
  async listDatasets(
    options: AnalyticsEngineDatasetsOptions = {},
  ): Promise<AnalyticsEngineDataset[]> {
    return this.ctx.run(AREA, 'analyticsEngine.listDatasets', async () =>
      datasetsOf(options.workers ?? (await this.readBindings())),
    );
  }

  /**
   * Runs one statement over `dataset` once the allow-list accepts it (else throws
   * `AnalyticsEngineSqlError` before any call). Blob-derived cells go under `blobs`, the others under
   * `values`; a cell that looks like a credential is withheld (`null`, counted in `withheld`). When the
   * SQL API refuses the statement and `SHOW TABLES` does not name the dataset, the error is `not-found`
   * (one more call).
   */
  async query(
    dataset: string,
    sql: string,
  ): Promise<AnalyticsEngineQueryResult> {
    const checked = checkAnalyticsEngineSql(dataset, sql);
    return this.ctx.run(AREA, 'analyticsEngine.query', async () => {
      const answer = await this.sql(checked.statement).catch(async raw => {
        // The SQL API refuses an unknown table like bad SQL: one SHOW TABLES tells them apart.
        const e = toCloudflareApiError(raw, 'analyticsEngine.query');
        if (
          e.kind === 'invalid-request' &&
          !(await this.sql('SHOW TABLES')).data.some(r => r.dataset === dataset)
        ) {
          throw new CloudflareApiError({
            kind: 'not-found',
            operation: 'analyticsEngine.query',
            status: e.status,
          });
        }
        throw e;
      });
      const columns = answer.meta.map((m, i) => ({
        name: m.name,
        type: m.type,
        sensitive: checked.sensitive[i] ?? true,
      }));
      let withheld = 0;
      const rows = answer.data.map(row => {
        const values: Record<string, z.output<typeof cellSchema>> = {};
        const blobs: Record<string, z.output<typeof cellSchema>> = {};
        for (const c of columns) {
          let v = row[c.name] ?? null;
          if (this.ctx.redactor.isCredentialValue(v)) {
            withheld += 1;
            v = null;
          }
          (c.sensitive ? blobs : values)[c.name] = v;
        }
        return { values, blobs };
      });
      this.ctx.countRedactions(AREA, withheld);
      return compact({
        dataset,
        statement: checked.statement,
        limit: checked.limit,
        columns,
        rows,
        rowsBeforeLimit: answer.rows_before_limit_at_least,
        withheld,
      });
    });
  }

  /** One statement through the SQL API (the SDK's generic post, raw SQL body), its answer parsed. */
  private async sql(statement: string) {
    const raw = await this.ctx.sdk.post(
      `/accounts/${this.ctx.accountId}/analytics_engine/sql`,
      {
        body: statement,
        headers: { 'content-type': 'text/plain', accept: 'application/json' },
      },
    );
    return sqlAnswerSchema.parse(raw);
  }

  private async readBindings(): Promise<WorkerBindings[]> {
    const workers = new WorkersApi(this.ctx);
    const out: WorkerBindings[] = [];
    for (const script of await workers.listScripts()) {
      const settings = await workers.getSettings(script.id);
      out.push({ script: script.id, bindings: settings.bindings });
    }
    return out;
  }
}
