import { z } from 'zod';
import { defineRoute, defineWireType } from './contract';

/**
 * A Containers application name in a path: 1-64 lower-case letters, digits, `-` or `_`, starting
 * with a letter or digit (wrangler names applications `<worker>-<class>`).
 *
 * @public
 */
export const containerServiceParam = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_-]{0,63}$/,
    'must be a container application name: 1-64 lower-case letters, digits, "-" or "_", starting with a letter or digit',
  );

/**
 * How an application is scheduled: `scheduled` (Cloudflare keeps a desired number of instances
 * running, spread by its scheduling policy) or `durable-object` (each instance belongs to a Durable
 * Object of the namespace the application backs, started on demand: no desired instance count).
 *
 * @public
 */
export const containerServiceKindSchema = z.enum([
  'scheduled',
  'durable-object',
]);

/**
 * A Containers application (spec section 3.12): the services route's item. Environment variable
 * values are secret and never part of it (the client drops them): only their names are.
 *
 * @public
 */
export const containerServiceSchema = z.object({
  /** Application id (UUID). */
  id: z.string(),
  /** Application name: what `cloudflare.com/container` names. */
  name: z.string(),
  /** `scheduled` or `durable-object` (see {@link containerServiceKindSchema}). */
  kind: containerServiceKindSchema,
  /** Cloudflare's `scheduling_policy` (`default`, `regional`, `moon`, `gpu`, `fill_metals`, `durable_object`). */
  schedulingPolicy: z.string().optional(),
  /** The full image reference, when Cloudflare states one (Durable Object applications may not). */
  image: z.string().optional(),
  /** The image without its tag or digest. */
  imageName: z.string().optional(),
  /** The image's tag (or `@sha256:...` digest), when the reference carries one. */
  imageTag: z.string().optional(),
  /** `lite`, `basic`, `standard-1` ... `standard-4`, when stated. */
  instanceType: z.string().optional(),
  /** Desired instance count (scheduled applications only). */
  instances: z.number().int().nonnegative().optional(),
  /** Upper bound of instances, when set. */
  maxInstances: z.number().int().nonnegative().optional(),
  /** Where instances may run: jurisdiction (`eu`, `fedramp`, `us`) and regions. */
  constraints: z
    .object({
      jurisdiction: z.string().optional(),
      regions: z.array(z.string()).optional(),
    })
    .optional(),
  /** Id of the Durable Objects namespace the application backs, when it backs one. */
  durableObjectNamespaceId: z.string().optional(),
  /** Names of the environment variables set on the application (never their values). */
  environmentVariableNames: z.array(z.string()),
  /** The deployed version number (scheduled applications only). */
  version: z.number().int().nonnegative().optional(),
  /** Cloudflare's health summary: `healthy`, `degraded`, `unhealthy` or `pending`, when stated. */
  healthSummary: z.string().optional(),
  /** When it was created (ISO 8601). */
  createdAt: z.string().optional(),
  /** When it was last changed (ISO 8601). */
  updatedAt: z.string().optional(),
});

/**
 * A Containers application (see {@link containerServiceSchema}).
 *
 * @public
 */
export type ContainerService = z.output<typeof containerServiceSchema>;

/**
 * One error event Cloudflare reports in an application's health. Its message may carry anything
 * an instance wrote (paths, hosts, a value a program printed): sensitive, masked unless the caller
 * may see unmasked data. The event's free-form `details` never leave the client.
 *
 * @public
 */
export const containerErrorSchema = z.object({
  /** The instance the event concerns, when stated. */
  instanceId: z.string().optional(),
  /** Event name (e.g. `OOMKilled`). */
  name: z.string(),
  /** Event type (e.g. `error`). */
  type: z.string().optional(),
  /** When it happened (ISO 8601). */
  time: z.string().optional(),
  /** The event's message (sensitive). */
  message: z.string().optional(),
});

/**
 * The health of one Containers application (the status route's value): Cloudflare's summary and
 * instance counts, the instances counted by state from the instances list (within a call budget:
 * `instancesComplete` false means the counts are a lower bound), and the error events.
 *
 * @public
 */
export const containerStatusSchema = z.object({
  /** Application id. */
  id: z.string(),
  /** Application name. */
  name: z.string(),
  /** `scheduled` or `durable-object`. */
  kind: containerServiceKindSchema,
  /** Cloudflare's health summary, when stated. */
  summary: z.string().optional(),
  /** Desired instances (scheduled applications only). */
  desired: z.number().int().nonnegative().optional(),
  /** Active instances, as Cloudflare's health states them. */
  active: z.number().int().nonnegative().optional(),
  /** Instances assigned to a location (scheduled applications). */
  assigned: z.number().int().nonnegative().optional(),
  /** Instances starting (Durable Object applications). */
  starting: z.number().int().nonnegative().optional(),
  /** Instances whose state is `failed`, from the instances list. */
  failed: z.number().int().nonnegative(),
  /** Instances by state (`running`, `provisioning`, `failed`, `unhealthy`, ...), from the instances list. */
  instanceStates: z.record(z.string(), z.number().int().nonnegative()),
  /** False when the call budget ended the instances list: the counts are then a lower bound. */
  instancesComplete: z.boolean(),
  /** Error events, newest first. */
  errors: z.array(containerErrorSchema),
});

/**
 * The health of a Containers application (see {@link containerStatusSchema}).
 *
 * @public
 */
export type ContainerStatus = z.output<typeof containerStatusSchema>;

/**
 * Routes of the Containers area. No route returns an environment variable value or a registry
 * credential (`POST .../registries/{domain}/credentials` is never called).
 *
 * @public
 */
export const containersRoutes = {
  services: defineRoute({
    id: 'containers.services',
    area: 'containers',
    path: '/v1/containers/services',
    description:
      'Containers applications: image and tag, instance type, desired and maximum instances, scheduling policy, constraints, the Durable Objects namespace they back; environment variable names, never values.',
    params: z.object({}),
    query: z.object({}),
    shape: 'list',
    wire: defineWireType({
      name: 'ContainerService',
      schema: containerServiceSchema,
      sensitive: [],
    }),
  }),
  status: defineRoute({
    id: 'containers.status',
    area: 'containers',
    path: '/v1/containers/:service/status',
    description:
      "A Containers application's health: summary, active, starting and failed instances, instances by state, and error events (messages masked).",
    params: z.object({ service: containerServiceParam }),
    query: z.object({}),
    shape: 'item',
    wire: defineWireType({
      name: 'ContainerStatus',
      schema: containerStatusSchema,
      sensitive: ['errors[].message'],
    }),
  }),
};
