import { z } from 'zod';
import { defineRoute, defineWireType } from './contract';

/**
 * Analytics Engine dataset names as the suite accepts them in a path: lower-case letters, digits
 * and `_`, 1-64 characters, not starting with a digit (an SQL identifier that needs no quoting).
 *
 * @public
 */
export const analyticsEngineDatasetParam = z
  .string()
  .regex(
    /^[a-z_][a-z0-9_]{0,63}$/,
    'must be an Analytics Engine dataset name: 1-64 lower-case letters, digits or "_", not starting with a digit',
  );

/**
 * An Analytics Engine dataset bound by Workers (spec section 3.9). Cloudflare has no dataset
 * listing: the suite knows a dataset from the `analytics_engine` bindings of Workers' settings.
 *
 * @public
 */
export const analyticsEngineDatasetSchema = z.object({
  /** The dataset's name (its SQL table). */
  name: z.string(),
  /** Worker scripts that bind it (they write its data points), sorted. */
  workers: z.array(z.string()),
});

/**
 * An Analytics Engine dataset (see {@link analyticsEngineDatasetSchema}).
 *
 * @public
 */
export type AnalyticsEngineDataset = z.output<
  typeof analyticsEngineDatasetSchema
>;

/** Cloudflare's statement limit: 10 KiB. */
const MAX_STATEMENT = 10_240;

/**
 * Body of the query route: one read-only SQL statement. The backend checks it against the suite's
 * allow-list (one `SELECT` over the path's dataset, allow-listed functions, a `timestamp` lower
 * bound, a `LIMIT` of at most 10,000) before any call.
 *
 * @public
 */
export const analyticsEngineQueryBodySchema = z
  .object({
    sql: z
      .string({ error: 'must be a string' })
      .min(1, 'must not be empty')
      .max(MAX_STATEMENT, 'must be at most 10,240 characters'),
  })
  .strict();

/**
 * Parsed body of the query route.
 *
 * @public
 */
export type AnalyticsEngineQueryBody = z.output<
  typeof analyticsEngineQueryBodySchema
>;

/** One cell of a query's answer. */
const cellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * One column of a query's answer.
 *
 * @public
 */
export const analyticsEngineColumnSchema = z.object({
  /** Column name (the alias, or the expression as Cloudflare prints it). */
  name: z.string(),
  /** ClickHouse type name (`String`, `DateTime`, `Float64`, `UInt64`, ...). */
  type: z.string(),
  /** True when the column is derived from a blob column: its values are under `blobs`. */
  sensitive: z.boolean(),
});

/**
 * The answer of one accepted query. Blob columns hold arbitrary user data, so every column derived
 * from a `blobN` column is under `rows[].blobs` (masked unless unmasked); the others are under
 * `rows[].values`. A value that looks like a credential is withheld by the client (`null`) in
 * every view and counted in `withheld`.
 *
 * @public
 */
export const analyticsEngineQueryResultSchema = z.object({
  /** The dataset queried. */
  dataset: z.string(),
  /** The statement run, as the suite wrote it from the checked syntax tree (its `LIMIT` enforced). */
  statement: z.string(),
  /** The `LIMIT` the statement ran with. */
  limit: z.number().int().positive(),
  /** The columns, in the order of the select list. */
  columns: z.array(analyticsEngineColumnSchema),
  /** The rows: blob-derived cells under `blobs`, the others under `values`. */
  rows: z.array(
    z.object({
      values: z.record(z.string(), cellSchema),
      blobs: z.record(z.string(), cellSchema),
    }),
  ),
  /** Rows the statement would have given without its `LIMIT`, when Cloudflare says. */
  rowsBeforeLimit: z.number().int().nonnegative().optional(),
  /** Values withheld because they look like credentials (never returned, in any view). */
  withheld: z.number().int().nonnegative(),
});

/**
 * The answer of one query (see {@link analyticsEngineQueryResultSchema}).
 *
 * @public
 */
export type AnalyticsEngineQueryResult = z.output<
  typeof analyticsEngineQueryResultSchema
>;

/**
 * Routes of the Analytics Engine area: the datasets Workers bind, and one read-only SQL query over
 * one of them (audited as `analytics-engine-query`).
 *
 * @public
 */
export const analyticsEngineRoutes = {
  datasets: defineRoute({
    id: 'analyticsEngine.datasets',
    area: 'analyticsEngine',
    path: '/v1/analytics-engine/datasets',
    description:
      'Analytics Engine datasets bound by Workers (from the analytics_engine bindings of their settings), with the scripts that bind each.',
    params: z.object({}),
    query: z.object({}),
    shape: 'list',
    wire: defineWireType({
      name: 'AnalyticsEngineDataset',
      schema: analyticsEngineDatasetSchema,
      sensitive: [],
    }),
  }),
  query: defineRoute({
    id: 'analyticsEngine.query',
    area: 'analyticsEngine',
    path: '/v1/analytics-engine/:dataset/query',
    description:
      "One read-only SQL SELECT over the path's dataset, checked against the suite's allow-list (a timestamp lower bound required, LIMIT at most 10,000, default 100); blob columns are masked; every accepted query is audited.",
    method: 'POST',
    params: z.object({ dataset: analyticsEngineDatasetParam }),
    query: z.object({}),
    body: analyticsEngineQueryBodySchema,
    auditEvent: 'analytics-engine-query',
    shape: 'item',
    wire: defineWireType({
      name: 'AnalyticsEngineQueryResult',
      schema: analyticsEngineQueryResultSchema,
      sensitive: ['rows[].blobs'],
    }),
  }),
};
