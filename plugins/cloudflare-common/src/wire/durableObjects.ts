import { z } from 'zod';
import { defineRoute, defineWireType } from './contract';
import { resourceTagsSchema } from './tags';

/**
 * A Durable Object class name as routes take it: a JavaScript class identifier, as Wrangler's
 * `class_name` is (1 to 128 characters, a letter, `_` or `$` first).
 *
 * @public
 */
export const durableObjectClassParam = z
  .string()
  .regex(
    /^[A-Za-z_$][A-Za-z0-9_$]{0,127}$/,
    'must be a Durable Object class name: a JavaScript identifier',
  );

/**
 * How many objects of a namespace were counted: `objects.list` pages read within the read's call
 * budget. `complete` is false when the budget ended before the last page: the namespace then has
 * at least `count` objects.
 *
 * @public
 */
export const durableObjectCountSchema = z.object({
  /** Objects counted (all of them when `complete`, otherwise a lower bound). */
  count: z.number().int().nonnegative(),
  /** Of those, the objects that hold stored data. */
  withStoredData: z.number().int().nonnegative(),
  /** True when every page was read; false means "at least `count`". */
  complete: z.boolean(),
});

/**
 * A Durable Object object count (see {@link durableObjectCountSchema}).
 *
 * @public
 */
export type DurableObjectCount = z.output<typeof durableObjectCountSchema>;

/**
 * A Durable Object namespace (spec section 3.14): one class of one Worker script, with its storage
 * backend and its object count. Object ids are never part of it (counts only), and no object is
 * ever read.
 *
 * @public
 */
export const durableObjectClassSchema = z.object({
  /** Namespace id (32 hex). */
  namespaceId: z.string(),
  /** Namespace name, as Cloudflare names it (`<script>_<class>`). */
  name: z.string().optional(),
  /** The class the namespace's objects are instances of. */
  class: z.string(),
  /** The Worker script that defines and hosts the class. */
  script: z.string().optional(),
  /** Storage backend: `sqlite` (SQLite-backed) or `kv` (the key-value backend). */
  storage: z.enum(['sqlite', 'kv']).optional(),
  /** Objects counted within the read's call budget; absent when the budget ran out before it. */
  objects: durableObjectCountSchema.optional(),
  /** Cloudflare resource tags; absent when the Resource Tagging API could not be read. */
  tags: resourceTagsSchema.optional(),
});

/**
 * A Durable Object namespace (see {@link durableObjectClassSchema}).
 *
 * @public
 */
export type DurableObjectClass = z.output<typeof durableObjectClassSchema>;

/**
 * A class's metrics over a window, from Cloudflare's GraphQL Analytics API
 * (`durableObjectsInvocationsAdaptiveGroups`, `durableObjectsPeriodicGroups`,
 * `durableObjectsSqlStorageGroups`). When the API token may not read Account Analytics,
 * `exposed` is false with the reason, and no metric is present: not an error.
 *
 * @public
 */
export const durableObjectMetricsSchema = z.object({
  /** The class. */
  class: z.string(),
  /** The namespaces of the class (one per Worker script defining it; usually one). */
  namespaceIds: z.array(z.string()),
  /** The Worker scripts hosting the class. */
  scripts: z.array(z.string()),
  /** Storage backend of the class's namespaces, when they agree. */
  storage: z.enum(['sqlite', 'kv']).optional(),
  /** Start of the window (ISO 8601). */
  from: z.string(),
  /** End of the window (ISO 8601). */
  to: z.string(),
  /** False when Cloudflare did not expose the analytics to the API token. */
  exposed: z.boolean(),
  /** Why the metrics are not exposed, in our words. */
  notExposedReason: z.string().optional(),
  /** Requests to the class's objects in the window. */
  requests: z.number().int().nonnegative().optional(),
  /** Of those, requests that failed. */
  errors: z.number().int().nonnegative().optional(),
  /** `errors / requests`; absent when there was no request. */
  errorRate: z.number().min(0).max(1).optional(),
  /** WebSocket messages received by the class's objects. */
  webSocketMessagesIn: z.number().int().nonnegative().optional(),
  /** WebSocket messages sent by the class's objects. */
  webSocketMessagesOut: z.number().int().nonnegative().optional(),
  /** Most WebSocket connections open at once. */
  webSocketConnectionsMax: z.number().int().nonnegative().optional(),
  /** SQLite storage of the class's objects at the end of the window (bytes; SQLite-backed only). */
  storedBytes: z.number().nonnegative().optional(),
});

/**
 * A class's metrics (see {@link durableObjectMetricsSchema}).
 *
 * @public
 */
export type DurableObjectMetrics = z.output<typeof durableObjectMetricsSchema>;

/**
 * Routes of the Durable Objects area. Neither lists object ids nor reads an object's storage.
 *
 * @public
 */
export const durableObjectsRoutes = {
  classes: defineRoute({
    id: 'durableObjects.classes',
    area: 'durableObjects',
    path: '/v1/durable-objects/classes',
    description:
      'Durable Object namespaces: class, hosting script, SQLite or KV storage and object counts (a lower bound beyond the call budget).',
    params: z.object({}),
    query: z.object({}),
    shape: 'list',
    wire: defineWireType({
      name: 'DurableObjectClass',
      schema: durableObjectClassSchema,
      sensitive: [],
    }),
  }),
  metrics: defineRoute({
    id: 'durableObjects.metrics',
    area: 'durableObjects',
    path: '/v1/durable-objects/:class/metrics',
    description:
      "A Durable Object class's last 24 hours from GraphQL Analytics: requests, errors, WebSocket messages and SQLite storage, or why they are not exposed.",
    params: z.object({ class: durableObjectClassParam }),
    query: z.object({}),
    shape: 'item',
    wire: defineWireType({
      name: 'DurableObjectMetrics',
      schema: durableObjectMetricsSchema,
      sensitive: [],
    }),
  }),
};
