import { z } from 'zod';
import { defineRoute, defineWireType } from './contract';
import { resourceTagsSchema } from './tags';

/**
 * The R2 jurisdictions the suite lists buckets in. Cloudflare shows a bucket outside `default` only
 * to a request naming its jurisdiction (header `cf-r2-jurisdiction`).
 *
 * @public
 */
export const R2_JURISDICTIONS = ['default', 'eu', 'fedramp'] as const;

/**
 * An R2 jurisdiction (see {@link R2_JURISDICTIONS}).
 *
 * @public
 */
export type R2Jurisdiction = (typeof R2_JURISDICTIONS)[number];

/**
 * The name a bucket goes by in the catalog, in `cloudflare.com/r2` annotations and in bindings:
 * its name in the default jurisdiction, `<jurisdiction>/<name>` in any other, so that buckets named
 * alike in two jurisdictions are two entities (`cloudflareEntityName` turns the `/` into `-` and adds
 * a hash).
 *
 * @public
 */
export function r2BucketResourceName(
  name: string,
  jurisdiction?: string | null,
): string {
  return !jurisdiction || jurisdiction === 'default'
    ? name
    : `${jurisdiction}/${name}`;
}

/**
 * R2 bucket names as Cloudflare accepts them: 3-63 lower-case letters, digits or `-`, starting and
 * ending with a letter or digit.
 *
 * @public
 */
export const r2BucketNameParam = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/,
    'must be an R2 bucket name: 3-63 lower-case letters, digits or "-", starting and ending with a letter or digit',
  );

/**
 * `?jurisdiction=` of a bucket route: where the bucket lives, `default` unless said.
 *
 * @public
 */
export const r2JurisdictionParam = z
  .enum(R2_JURISDICTIONS, { error: 'must be one of default, eu, fedramp' })
  .default('default');

/**
 * An R2 bucket (spec section 3.6): the client's output, the route's item and the card's row.
 *
 * @public
 */
export const r2BucketSchema = z.object({
  /** Bucket name (unique within its jurisdiction). */
  name: z.string(),
  /** The jurisdiction it lives in. */
  jurisdiction: z.enum(R2_JURISDICTIONS),
  /** Location hint: `apac`, `eeur`, `enam`, `weur`, `wnam` or `oc`. */
  location: z.string().optional(),
  /** Default storage class of new objects: `Standard` or `InfrequentAccess`. */
  storageClass: z.string().optional(),
  /** When it was created (ISO 8601). */
  createdAt: z.string().optional(),
  /** Cloudflare resource tags; absent when the Resource Tagging API could not be read. */
  tags: resourceTagsSchema.optional(),
});

/**
 * An R2 bucket (see {@link r2BucketSchema}).
 *
 * @public
 */
export type R2Bucket = z.output<typeof r2BucketSchema>;

/**
 * When a lifecycle step applies: after `days` since the object's upload, or from a `date` on.
 *
 * @public
 */
export const r2ConditionSchema = z.object({
  /** Days after upload (Cloudflare's `maxAge`, in seconds, divided by 86,400). */
  afterDays: z.number().nonnegative().optional(),
  /** From this date on (ISO 8601). */
  onDate: z.string().optional(),
});

/**
 * One lifecycle rule of a bucket, in the words the card shows ("expire after 180 days").
 *
 * @public
 */
export const r2LifecycleRuleSchema = z.object({
  /** Rule id. */
  id: z.string(),
  /** Whether the rule is in force. */
  enabled: z.boolean(),
  /** Key prefix the rule applies to; empty for the whole bucket. */
  prefix: z.string(),
  /** When objects are deleted; absent when the rule deletes nothing. */
  expiration: r2ConditionSchema.optional(),
  /** Moves to other storage classes. */
  transitions: z.array(
    r2ConditionSchema.extend({
      /** Target storage class (`InfrequentAccess`). */
      storageClass: z.string(),
    }),
  ),
  /** Days after which incomplete multipart uploads are aborted. */
  abortMultipartAfterDays: z.number().nonnegative().optional(),
});

/**
 * A lifecycle rule (see {@link r2LifecycleRuleSchema}).
 *
 * @public
 */
export type R2LifecycleRule = z.output<typeof r2LifecycleRuleSchema>;

/**
 * One object lock (retention) rule: objects under `prefix` cannot be deleted or overwritten for
 * `days` after upload, until `date`, or indefinitely.
 *
 * @public
 */
export const r2LockRuleSchema = z.object({
  /** Rule id. */
  id: z.string(),
  /** Whether the rule is in force. */
  enabled: z.boolean(),
  /** Key prefix; empty for the whole bucket. */
  prefix: z.string(),
  /** `age` (with `days`), `date` (with `date`) or `indefinite`. */
  mode: z.enum(['age', 'date', 'indefinite']),
  /** Retention in days, for `age`. */
  days: z.number().nonnegative().optional(),
  /** Retained until (ISO 8601), for `date`. */
  date: z.string().optional(),
});

/**
 * An object lock rule (see {@link r2LockRuleSchema}).
 *
 * @public
 */
export type R2LockRule = z.output<typeof r2LockRuleSchema>;

/**
 * A bucket's retention configuration: its lifecycle rules and its object lock rules (the R2
 * lifecycle evidence).
 *
 * @public
 */
export const r2BucketLifecycleSchema = z.object({
  /** Bucket name. */
  bucket: z.string(),
  /** The bucket's jurisdiction. */
  jurisdiction: z.enum(R2_JURISDICTIONS),
  /** Lifecycle rules; empty when the bucket has none. */
  rules: z.array(r2LifecycleRuleSchema),
  /** Object lock rules; empty when the bucket has none. */
  lockRules: z.array(r2LockRuleSchema),
});

/**
 * A bucket's lifecycle and lock rules (see {@link r2BucketLifecycleSchema}).
 *
 * @public
 */
export type R2BucketLifecycle = z.output<typeof r2BucketLifecycleSchema>;

/**
 * Routes of the R2 area. No object is listed or read.
 *
 * @public
 */
export const r2Routes = {
  buckets: defineRoute({
    id: 'r2.buckets',
    area: 'r2',
    path: '/v1/r2/buckets',
    description:
      'R2 buckets of every jurisdiction (default, eu, fedramp) with location, storage class, creation time and Cloudflare tags.',
    params: z.object({}),
    query: z.object({}),
    shape: 'list',
    wire: defineWireType({
      name: 'R2Bucket',
      schema: r2BucketSchema,
      sensitive: [],
    }),
  }),
  lifecycle: defineRoute({
    id: 'r2.lifecycle',
    area: 'r2',
    path: '/v1/r2/:bucket/lifecycle',
    description:
      'Lifecycle rules (expiration, storage class transitions, multipart abort) and object lock rules of an R2 bucket; `?jurisdiction=eu|fedramp` for buckets outside the default jurisdiction.',
    params: z.object({ bucket: r2BucketNameParam }),
    query: z.object({ jurisdiction: r2JurisdictionParam }),
    shape: 'item',
    wire: defineWireType({
      name: 'R2BucketLifecycle',
      schema: r2BucketLifecycleSchema,
      sensitive: [],
    }),
  }),
};
