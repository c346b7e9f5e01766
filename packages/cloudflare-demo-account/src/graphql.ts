import { HttpResponse } from 'msw';
import type { DemoAccountData } from './data';
import { durableObjectsGraphqlDatasets } from './areas/durableObjects';
import {
  GraphqlField,
  GraphqlSyntaxError,
  parseGraphql,
} from './graphqlParser';
import { DemoRoute, post } from './route';
import { DEMO_API_TOKEN_WITHOUT_ANALYTICS } from './state';

/**
 * One row of a GraphQL Analytics dataset, before grouping: its dimensions and its metrics by block
 * (`sum`, `max`, `min`, `avg`).
 *
 * @public
 */
export interface GraphqlRow {
  dimensions: Record<string, string | number>;
  sum?: Record<string, number>;
  max?: Record<string, number>;
  min?: Record<string, number>;
  avg?: Record<string, number>;
}

/**
 * A dataset of the demo account's GraphQL Analytics: the dimensions a query may filter and group
 * by, the metric fields of each block, and its rows at the time of the query (`now`, ms).
 *
 * @public
 */
export interface GraphqlDataset {
  dimensions: readonly string[];
  fields: Readonly<
    Partial<Record<'sum' | 'max' | 'min' | 'avg', readonly string[]>>
  >;
  rows(data: DemoAccountData, now: number): GraphqlRow[];
}

/**
 * The account datasets (`viewer.accounts[].<dataset>`) the demo account answers, by their
 * Cloudflare name. An area adds a dataset with one line here (its rows in its own area file).
 *
 * @public
 */
export const GRAPHQL_DATASETS: Readonly<Record<string, GraphqlDataset>> = {
  durableObjectsInvocationsAdaptiveGroups:
    durableObjectsGraphqlDatasets.invocations,
  durableObjectsPeriodicGroups: durableObjectsGraphqlDatasets.periodic,
  durableObjectsSqlStorageGroups: durableObjectsGraphqlDatasets.sqlStorage,
};

/** An error GraphQL reports in `errors[]` (HTTP 200), with Cloudflare's code where it has one. */
class GraphqlError extends Error {
  constructor(
    message: string,
    readonly path: Array<string | number>,
    readonly code?: string,
  ) {
    super(message);
  }
}

const AGGREGATE = {
  sum: (v: number[]) => v.reduce((a, b) => a + b, 0),
  max: (v: number[]) => (v.length ? Math.max(...v) : 0),
  min: (v: number[]) => (v.length ? Math.min(...v) : 0),
  avg: (v: number[]) =>
    v.length ? v.reduce((a, b) => a + b, 0) / v.length : 0,
} as const;

const OPERATOR = /^(.*)_(in|notin|geq|leq|gt|lt|neq)$/;
const DATE = /^\d{4}-\d{2}-\d{2}/;

/** Compares two dimension values: dates by time, numbers as numbers, others as strings. */
function compare(a: unknown, b: unknown): number {
  if (
    typeof a === 'string' &&
    typeof b === 'string' &&
    DATE.test(a) &&
    DATE.test(b)
  )
    return Date.parse(a) - Date.parse(b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

function matches(
  row: GraphqlRow,
  filter: Record<string, unknown>,
  dataset: GraphqlDataset,
  path: Array<string | number>,
): boolean {
  return Object.entries(filter).every(([key, want]) => {
    const m = OPERATOR.exec(key);
    const field = m ? m[1] : key;
    if (!dataset.dimensions.includes(field))
      throw new GraphqlError(`unknown filter field "${key}"`, path);
    if (want === undefined || want === null) return true;
    const have = row.dimensions[field];
    switch (m?.[2]) {
      case 'in':
        return Array.isArray(want) && want.includes(have);
      case 'notin':
        return Array.isArray(want) && !want.includes(have);
      case 'geq':
        return compare(have, want) >= 0;
      case 'leq':
        return compare(have, want) <= 0;
      case 'gt':
        return compare(have, want) > 0;
      case 'lt':
        return compare(have, want) < 0;
      case 'neq':
        return compare(have, want) !== 0;
      default:
        return compare(have, want) === 0;
    }
  });
}

/** The groups of one dataset field: filtered, grouped by the selected dimensions, aggregated. */
function resolveDataset(
  field: GraphqlField,
  dataset: GraphqlDataset,
  data: DemoAccountData,
  now: number,
  path: Array<string | number>,
): Array<Record<string, unknown>> {
  const filter = (field.args.filter ?? {}) as Record<string, unknown>;
  const rows = dataset
    .rows(data, now)
    .filter(r => matches(r, filter, dataset, path));
  const selections = field.selections ?? [];
  const dims = selections.find(s => s.name === 'dimensions')?.selections ?? [];
  for (const d of dims)
    if (!dataset.dimensions.includes(d.name))
      throw new GraphqlError(`unknown field "${d.name}"`, [
        ...path,
        'dimensions',
      ]);
  const groups = new Map<string, GraphqlRow[]>();
  for (const row of rows) {
    const key = JSON.stringify(dims.map(d => row.dimensions[d.name]));
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const out = [...groups.values()].map(group => {
    const item: Record<string, unknown> = {};
    for (const sel of selections) {
      if (sel.name === 'dimensions') {
        item[sel.key] = Object.fromEntries(
          dims.map(d => [d.key, group[0].dimensions[d.name]]),
        );
      } else if (sel.name === 'count') {
        item[sel.key] = group.length;
      } else if (sel.name in AGGREGATE && dataset.fields[sel.name as 'sum']) {
        const block = sel.name as keyof typeof AGGREGATE;
        const known = dataset.fields[block] ?? [];
        item[sel.key] = Object.fromEntries(
          (sel.selections ?? []).map(f => {
            if (!known.includes(f.name))
              throw new GraphqlError(`unknown field "${f.name}"`, [
                ...path,
                block,
              ]);
            return [
              f.key,
              AGGREGATE[block](group.map(r => r[block]?.[f.name] ?? 0)),
            ];
          }),
        );
      } else throw new GraphqlError(`unknown field "${sel.name}"`, path);
    }
    return item;
  });
  const limit = Number(field.args.limit ?? 100);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10000)
    throw new GraphqlError(
      'limit must be positive number and not greater than 10000',
      path,
    );
  return out.slice(0, limit);
}

/** Runs a parsed query against the account's datasets; `analytics` is false for a token without the permission. */
function execute(
  root: GraphqlField[],
  data: DemoAccountData,
  now: number,
  analytics: boolean,
): { data: Record<string, unknown> | null; errors: GraphqlError[] } {
  const errors: GraphqlError[] = [];
  const out: Record<string, unknown> = {};
  for (const field of root) {
    if (field.name !== 'viewer') {
      errors.push(
        new GraphqlError(`unknown field "${field.name}"`, [field.key]),
      );
      continue;
    }
    const viewer: Record<string, unknown> = {};
    for (const sel of field.selections ?? []) {
      const path = [field.key, sel.key];
      if (sel.name === 'zones') viewer[sel.key] = [];
      else if (sel.name !== 'accounts')
        errors.push(new GraphqlError(`unknown field "${sel.name}"`, path));
      else {
        const tag = (sel.args.filter as { accountTag?: unknown } | undefined)
          ?.accountTag;
        if (tag !== data.account.id) {
          errors.push(
            new GraphqlError('not authorized for that account', path, 'authz'),
          );
          continue;
        }
        const account: Record<string, unknown> = {};
        for (const ds of sel.selections ?? []) {
          const dsPath = [...path, 0, ds.key];
          const dataset = GRAPHQL_DATASETS[ds.name];
          try {
            if (!dataset)
              throw new GraphqlError(`unknown field "${ds.name}"`, dsPath);
            if (!analytics)
              throw new GraphqlError(
                'not authorized for that account',
                dsPath,
                'authz',
              );
            account[ds.key] = resolveDataset(ds, dataset, data, now, dsPath);
          } catch (e) {
            if (!(e instanceof GraphqlError)) throw e;
            errors.push(e);
          }
        }
        viewer[sel.key] = [account];
      }
    }
    out[field.key] = viewer;
  }
  return { data: errors.length ? null : out, errors };
}

const errorBody = (e: GraphqlError, now: number) => ({
  message: e.message,
  path: e.path,
  extensions: {
    ...(e.code ? { code: e.code } : {}),
    timestamp: new Date(now).toISOString(),
  },
});

/**
 * The GraphQL Analytics route (`POST /graphql`): `{query, variables}` in, `{data, errors}` out
 * (never the v4 envelope), HTTP 200 with `errors[]` for what GraphQL refuses, as Cloudflare
 * answers. The account is the one of `accounts(filter: {accountTag})`; a token the account accepts
 * without Account Analytics Read ({@link DEMO_API_TOKEN_WITHOUT_ANALYTICS}) gets
 * `not authorized for that account` (`extensions.code: authz`) for every dataset.
 *
 * @public
 */
export const graphqlRoutes: DemoRoute[] = [
  post('/graphql', async ({ request, data, state }) => {
    const now = state.now();
    let body: { query?: unknown; variables?: unknown };
    try {
      body = (await request.json()) as typeof body;
    } catch {
      body = {};
    }
    if (typeof body?.query !== 'string')
      return HttpResponse.json({
        data: null,
        errors: [errorBody(new GraphqlError('query is required', []), now)],
      });
    const token = /^Bearer\s+(\S+)$/i.exec(
      request.headers.get('authorization') ?? '',
    )?.[1];
    try {
      const variables =
        body.variables && typeof body.variables === 'object'
          ? (body.variables as Record<string, unknown>)
          : {};
      const result = execute(
        parseGraphql(body.query, variables),
        data,
        now,
        token !== DEMO_API_TOKEN_WITHOUT_ANALYTICS,
      );
      return HttpResponse.json({
        data: result.data,
        errors: result.errors.length
          ? result.errors.map(e => errorBody(e, now))
          : null,
      });
    } catch (e) {
      if (!(e instanceof GraphqlSyntaxError) && !(e instanceof GraphqlError))
        throw e;
      return HttpResponse.json({
        data: null,
        errors: [errorBody(new GraphqlError(e.message, []), now)],
      });
    }
  }),
];
