import { z } from 'zod';
import { defineRoute, defineWireType } from './contract';
import { resourceTagsSchema } from './tags';

/**
 * KV namespace ids as Cloudflare issues them: 32 hex digits.
 *
 * @public
 */
export const kvNamespaceIdParam = z
  .string()
  .regex(/^[0-9a-f]{32}$/, 'must be a KV namespace id: 32 hex digits');

/**
 * A Workers KV namespace (spec section 3.4): the client's output, the route's item and the card's
 * row.
 *
 * @public
 */
export const kvNamespaceSchema = z.object({
  /** Namespace id (32 hex). */
  id: z.string(),
  /** Title (the namespace's name). */
  title: z.string(),
  /** True when keys written on the URL are URL-decoded before storing. */
  supportsUrlEncoding: z.boolean().optional(),
  /** `eu`, `fedramp` or `us` when the namespace is restricted to a jurisdiction. */
  jurisdiction: z.string().optional(),
  /**
   * Number of keys, counted by listing them (KV listings are eventually consistent, hence
   * approximate); absent when counting would exceed the read's call budget.
   */
  keysApprox: z.number().int().nonnegative().optional(),
  /** Cloudflare resource tags; absent when the Resource Tagging API could not be read. */
  tags: resourceTagsSchema.optional(),
});

/**
 * A KV namespace (see {@link kvNamespaceSchema}).
 *
 * @public
 */
export type KvNamespace = z.output<typeof kvNamespaceSchema>;

/**
 * What the redaction rules decided about a key's name:
 * - `none`: an ordinary name, in `name`;
 * - `credential-key-name`: the name looks like a credential's (`stripe_api_key`): it is in
 *   `credentialName`, masked unless the caller may and asks to see it unmasked;
 * - `credential-value-shape`: a part of the name looks like a credential itself (a session token
 *   used as a key): the name never leaves the client, whatever the caller holds.
 *
 * @public
 */
export const kvKeyRedactionSchema = z.enum([
  'none',
  'credential-key-name',
  'credential-value-shape',
]);

/**
 * One key of a KV namespace as the keys listing gives it. The suite never reads KV values: only
 * the name, the expiration and whether metadata is present (never the metadata itself).
 *
 * @public
 */
export const kvKeySchema = z.object({
  /** The key's name, when the redaction rules find nothing in it. */
  name: z.string().optional(),
  /** The key's name when it looks like a credential's (sensitive). */
  credentialName: z.string().optional(),
  /** What the redaction rules decided about the name. */
  redaction: kvKeyRedactionSchema,
  /** When the key expires (ISO 8601); absent when it does not. */
  expiration: z.string().optional(),
  /** True when the key carries metadata (its content is user data and is not returned). */
  hasMetadata: z.boolean(),
});

/**
 * A KV key (see {@link kvKeySchema}).
 *
 * @public
 */
export type KvKey = z.output<typeof kvKeySchema>;

/**
 * One key of a namespace's sample: a {@link KvKey} with its time to live. The sample shows what the
 * keys listing offers; values are never read (the suite never calls `GET .../values/{key}` nor
 * `POST .../bulk/get`), so no value and no value size is part of it.
 *
 * @public
 */
export const kvKeySampleSchema = kvKeySchema.extend({
  /** Seconds until the key expires, at the time of the read; absent when it does not expire. */
  ttlSeconds: z.number().int().optional(),
  /** Always `false`: the suite never reads KV values. */
  valueRead: z.literal(false),
});

/**
 * A key of a namespace's sample (see {@link kvKeySampleSchema}).
 *
 * @public
 */
export type KvKeySample = z.output<typeof kvKeySampleSchema>;

/**
 * Cloudflare's cursor of the keys listing, as a previous page returned it.
 *
 * @public
 */
export const kvCursorParam = z
  .string()
  .regex(
    /^[A-Za-z0-9_=+/.-]{1,1024}$/,
    'must be a cursor returned by a previous page',
  );

/**
 * Query of the keys route: a page of `limit` keys (10 to 1000, Cloudflare's own bounds; default
 * 100) starting at `cursor`, optionally under a name `prefix`.
 *
 * @public
 */
export const kvKeysQuerySchema = z.object({
  limit: z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(10, 'must be at least 10')
    .max(1000, 'must be at most 1000')
    .default(100),
  cursor: kvCursorParam.optional(),
  prefix: z.string().max(512, 'must be at most 512 characters').optional(),
});

/**
 * Parsed query of the keys route.
 *
 * @public
 */
export type KvKeysQuery = z.output<typeof kvKeysQuerySchema>;

/**
 * Query of the sample route: `limit` keys (1 to 50, default 50).
 *
 * @public
 */
export const kvSampleQuerySchema = z.object({
  limit: z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(1, 'must be at least 1')
    .max(50, 'must be at most 50')
    .default(50),
});

const kvKeyWire = defineWireType({
  name: 'KvKey',
  schema: kvKeySchema,
  sensitive: ['credentialName'],
});

/**
 * Routes of the KV area. None reads a value: values are never read by the suite.
 *
 * @public
 */
export const kvRoutes = {
  namespaces: defineRoute({
    id: 'kv.namespaces',
    area: 'kv',
    path: '/v1/kv/namespaces',
    description:
      'KV namespaces with their approximate key count (where countable within the call budget) and Cloudflare tags.',
    params: z.object({}),
    query: z.object({}),
    shape: 'list',
    wire: defineWireType({
      name: 'KvNamespace',
      schema: kvNamespaceSchema,
      sensitive: [],
    }),
  }),
  keys: defineRoute({
    id: 'kv.keys',
    area: 'kv',
    path: '/v1/kv/:namespace/keys',
    description:
      "One page of a KV namespace's keys (name, expiration, metadata present or not), paged by Cloudflare's cursor; values are never read.",
    params: z.object({ namespace: kvNamespaceIdParam }),
    query: kvKeysQuerySchema,
    shape: 'list',
    wire: kvKeyWire,
  }),
  sample: defineRoute({
    id: 'kv.sample',
    area: 'kv',
    path: '/v1/kv/:namespace/sample',
    description:
      'Up to 50 keys of a KV namespace with their TTL and redaction outcome; values are never read.',
    params: z.object({ namespace: kvNamespaceIdParam }),
    query: kvSampleQuerySchema,
    shape: 'list',
    wire: defineWireType({
      name: 'KvKeySample',
      schema: kvKeySampleSchema,
      sensitive: ['credentialName'],
    }),
  }),
};
