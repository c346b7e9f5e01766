import { HttpResponse } from 'msw';
import { DemoRoute, RouteContext, post } from '../route';
import type {
  AnalyticsEngineDataPoint,
  AnalyticsEngineDataset,
  AnalyticsEngineSqlColumn,
  AnalyticsEngineSqlResult,
} from '../fixtures/analyticsEngine';

/**
 * A very small subset of the Analytics Engine SQL API, enough for the suite's reads:
 *
 * - `SHOW TABLES` (one row per dataset, column `dataset`);
 * - `SELECT <columns | * | count() | sum(col) | avg(col) | min(col) | max(col)> FROM <dataset>
 *    [WHERE ...] [ORDER BY ...] [LIMIT n [OFFSET m]] [FORMAT JSON | JSONEachRow]`.
 *
 * `WHERE` and `ORDER BY` are accepted but not evaluated (rows come newest first); `GROUP BY`, joins and
 * sub-queries are refused. Errors are plain text with HTTP 400, as the real API answers bad SQL.
 */

class SqlError extends Error {}

type Row = Record<string, string | number>;

const BLOB_COLS = Array.from({ length: 20 }, (_, i) => `blob${i + 1}`);
const DOUBLE_COLS = Array.from({ length: 20 }, (_, i) => `double${i + 1}`);
const COLUMNS: AnalyticsEngineSqlColumn[] = [
  { name: 'dataset', type: 'String' },
  { name: 'timestamp', type: 'DateTime' },
  { name: '_sample_interval', type: 'UInt32' },
  { name: 'index1', type: 'String' },
  ...BLOB_COLS.map(name => ({ name, type: 'String' })),
  ...DOUBLE_COLS.map(name => ({ name, type: 'Float64' })),
];
const COLUMN_TYPES = new Map(COLUMNS.map(c => [c.name, c.type]));

function toRow(dataset: string, p: AnalyticsEngineDataPoint): Row {
  const row: Row = {
    dataset,
    timestamp: p.timestamp,
    _sample_interval: p._sample_interval,
    index1: p.index1,
  };
  BLOB_COLS.forEach((c, i) => (row[c] = p.blobs[i] ?? ''));
  DOUBLE_COLS.forEach((c, i) => (row[c] = p.doubles[i] ?? 0));
  return row;
}

interface SelectItem {
  column: AnalyticsEngineSqlColumn;
  value: (rows: Row[], row?: Row) => string | number;
  aggregate: boolean;
}

function column(name: string): string {
  if (!COLUMN_TYPES.has(name))
    throw new SqlError(`Missing columns: '${name}' while processing query`);
  return name;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const compare = (a: string | number, b: string | number) =>
  typeof a === 'number' && typeof b === 'number'
    ? a - b
    : String(a).localeCompare(String(b));

/** `count()`, `sum(col)`, `avg(col)`, `min(col)` or `max(col)` over every row of the dataset. */
function aggregateItem(fn: string, rawArg: string, alias?: string): SelectItem {
  const name = alias ?? `${fn}(${rawArg})`;
  if (fn === 'count') {
    return {
      column: { name, type: 'UInt64' },
      value: rows => String(rows.length),
      aggregate: true,
    };
  }
  if (!rawArg || rawArg === '*')
    throw new SqlError(`Aggregate function ${fn} requires a column`);
  const arg = column(rawArg);
  const type = COLUMN_TYPES.get(arg) ?? 'String';
  const numeric = type === 'Float64' || type === 'UInt32';
  if ((fn === 'sum' || fn === 'avg') && !numeric) {
    throw new SqlError(
      `Illegal type ${type} of argument for aggregate function ${fn}`,
    );
  }
  const nums = (rows: Row[]) => rows.map(r => Number(r[arg]));
  const sorted = (rows: Row[]) => rows.map(r => r[arg]).sort(compare);
  switch (fn) {
    case 'sum':
      return type === 'UInt32'
        ? {
            column: { name, type: 'UInt64' },
            value: rows => String(sum(nums(rows))),
            aggregate: true,
          }
        : {
            column: { name, type: 'Float64' },
            value: rows => sum(nums(rows)),
            aggregate: true,
          };
    case 'avg':
      return {
        column: { name, type: 'Float64' },
        value: rows => (rows.length ? sum(nums(rows)) / rows.length : 0),
        aggregate: true,
      };
    case 'min':
      return {
        column: { name, type },
        value: rows => sorted(rows)[0] ?? 0,
        aggregate: true,
      };
    default:
      return {
        column: { name, type },
        value: rows => sorted(rows).at(-1) ?? 0,
        aggregate: true,
      };
  }
}

/** One item of the select list (`*` expands to every column). */
function selectItem(raw: string): SelectItem[] {
  const m = /^(.+?)(?:\s+AS\s+(\w+))?$/i.exec(raw.trim());
  const expr = (m?.[1] ?? '').trim();
  const alias = m?.[2];
  if (expr === '*') {
    return COLUMNS.map(c => ({
      column: c,
      value: (_r, row) => row?.[c.name] ?? '',
      aggregate: false,
    }));
  }
  const fn = /^(count|sum|avg|min|max)\s*\(\s*(\*|\w*)\s*\)$/i.exec(expr);
  if (fn) return [aggregateItem(fn[1].toLowerCase(), fn[2], alias)];
  if (!/^\w+$/.test(expr))
    throw new SqlError(`Syntax error: failed at position 1 ('${expr}')`);
  const name = column(expr);
  return [
    {
      column: { name: alias ?? name, type: COLUMN_TYPES.get(name) ?? 'String' },
      value: (_r, row) => row?.[name] ?? '',
      aggregate: false,
    },
  ];
}

function select(
  sql: string,
  datasets: AnalyticsEngineDataset[],
): AnalyticsEngineSqlResult {
  const m = /^SELECT\s+(.+?)\s+FROM\s+([A-Za-z_]\w*)(.*)$/is.exec(sql);
  if (!m)
    throw new SqlError(
      'Syntax error: failed at position 1: expected SELECT ... FROM <dataset>',
    );
  const [, list, table, rest] = m;
  if (/\b(GROUP\s+BY|JOIN|UNION)\b|\(\s*SELECT/i.test(rest)) {
    throw new SqlError(
      'The demo account supports only simple SELECT queries (no GROUP BY, JOIN, UNION or sub-queries)',
    );
  }
  const dataset = datasets.find(d => d.name === table);
  if (!dataset)
    throw new SqlError(
      `Unknown table expression identifier '${table}' in scope SELECT ${list} FROM ${table}`,
    );
  const limit = /\bLIMIT\s+(\d+)(?:\s+OFFSET\s+(\d+))?\s*$/i.exec(rest);
  const items = list.split(',').flatMap(selectItem);
  const all = dataset.points.map(p => toRow(dataset.name, p));
  if (items.some(i => i.aggregate)) {
    if (items.some(i => !i.aggregate))
      throw new SqlError(
        'Column is not under aggregate function and not in GROUP BY',
      );
    const data = [
      Object.fromEntries(items.map(i => [i.column.name, i.value(all)])),
    ];
    return { meta: items.map(i => i.column), data, rows: 1 };
  }
  const offset = limit?.[2] ? Number(limit[2]) : 0;
  const rows = all.slice(offset, limit ? offset + Number(limit[1]) : undefined);
  const data = rows.map(row =>
    Object.fromEntries(items.map(i => [i.column.name, i.value(all, row)])),
  );
  return {
    meta: items.map(i => i.column),
    data,
    rows: data.length,
    rows_before_limit_at_least: all.length,
  };
}

/** Runs one statement against the demo datasets; throws {@link SqlError} for what it cannot answer. */
export function runAnalyticsEngineSql(
  text: string,
  datasets: AnalyticsEngineDataset[],
): { result: AnalyticsEngineSqlResult; format: 'JSON' | 'JSONEachRow' } {
  let sql = text.trim().replace(/;\s*$/, '');
  let format: 'JSON' | 'JSONEachRow' = 'JSON';
  const fm = /\s+FORMAT\s+(\w+)\s*$/i.exec(sql);
  if (fm) {
    if (fm[1] !== 'JSON' && fm[1] !== 'JSONEachRow')
      throw new SqlError(`Unknown output format ${fm[1]}`);
    format = fm[1];
    sql = sql.slice(0, fm.index);
  }
  if (!sql) throw new SqlError('Empty query');
  if (/^SHOW\s+TABLES$/i.test(sql)) {
    const data = datasets.map(d => ({ dataset: d.name }));
    return {
      result: {
        meta: [{ name: 'dataset', type: 'String' }],
        data,
        rows: data.length,
      },
      format,
    };
  }
  return { result: select(sql, datasets), format };
}

async function sqlRoute(ctx: RouteContext): Promise<Response> {
  try {
    const { result, format } = runAnalyticsEngineSql(
      await ctx.request.text(),
      ctx.data.analyticsEngine.datasets,
    );
    if (format === 'JSONEachRow') {
      return new HttpResponse(
        result.data.map(r => `${JSON.stringify(r)}\n`).join(''),
        {
          headers: { 'content-type': 'application/x-ndjson' },
        },
      );
    }
    return HttpResponse.json(result);
  } catch (e) {
    if (!(e instanceof SqlError)) throw e;
    return new HttpResponse(`${e.message}\n`, {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
}

/**
 * Routes of the Analytics Engine area: the SQL API (`POST .../analytics_engine/sql`, raw SQL body,
 * `{meta, data, rows}` answer, not the v4 envelope).
 *
 * @public
 */
export const analyticsEngineRoutes: DemoRoute[] = [
  post('/accounts/:account_id/analytics_engine/sql', sqlRoute),
];
