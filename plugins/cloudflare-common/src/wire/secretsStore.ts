import { z } from 'zod';
import { defineRoute, defineWireType } from './contract';

/**
 * Secrets Store ids as Cloudflare issues them: 32 hex digits.
 *
 * @public
 */
export const secretsStoreIdParam = z
  .string()
  .regex(/^[0-9a-f]{32}$/, 'must be a Secrets Store id: 32 hex digits');

/**
 * A Secrets Store (spec section 3.10): the stores route's item. Cloudflare names its times
 * `created` and `modified` (not `created_on`).
 *
 * @public
 */
export const secretsStoreSchema = z.object({
  /** Store id (32 hex). */
  id: z.string(),
  /** Store name. */
  name: z.string(),
  /** When the store was created (ISO 8601). */
  created: z.string().optional(),
  /** When the store was last modified (ISO 8601). */
  modified: z.string().optional(),
});

/**
 * A Secrets Store (see {@link secretsStoreSchema}).
 *
 * @public
 */
export type SecretsStore = z.output<typeof secretsStoreSchema>;

/**
 * One secret's metadata; its value is write-only at Cloudflare and never part of it. The name is
 * metadata (Workers bindings and AI Gateway configs refer to secrets by name, and Cloudflare shows
 * names to anyone who may list the store); a name that looks like a credential itself (a token
 * pasted as a name) never leaves the client (`nameWithheld`). The comment is free text and may hold
 * anything: it is masked unless the caller may see unmasked data, and a comment that looks like a
 * credential never leaves the client (`commentWithheld`).
 *
 * @public
 */
export const secretsStoreSecretSchema = z.object({
  /** Secret id. */
  id: z.string(),
  /** Secret name; absent when withheld. */
  name: z.string().optional(),
  /** True when the name looked like a credential and was withheld by the client. */
  nameWithheld: z.literal(true).optional(),
  /** `pending`, `active` or `deleted`. */
  status: z.string(),
  /** Services that may use the secret (`workers`, `ai_gateway`, `access`, ...). */
  scopes: z.array(z.string()),
  /** Free-text comment (sensitive: masked by default). */
  comment: z.string().optional(),
  /** True when the comment looked like a credential and was withheld by the client. */
  commentWithheld: z.literal(true).optional(),
  /** When the secret was created (ISO 8601). */
  created: z.string().optional(),
  /** When the secret was last modified (ISO 8601). */
  modified: z.string().optional(),
});

/**
 * One secret's metadata (see {@link secretsStoreSecretSchema}).
 *
 * @public
 */
export type SecretsStoreSecret = z.output<typeof secretsStoreSecretSchema>;

/**
 * A store's metadata (spec section 3.10, "counts by type, no secret values"): the store, its
 * secrets' counts by status and by scope, their metadata, and the account's secrets quota use.
 * Secret values are never requested: Cloudflare never returns them, and the client drops a `value`
 * that an answer carries anyway.
 *
 * @public
 */
export const secretsStoreMetadataSchema = secretsStoreSchema.extend({
  /** Secrets counted (all of them when `complete`). */
  secretCount: z.number().int().nonnegative(),
  /** False when the read's call budget ended before the last page of secrets. */
  complete: z.boolean(),
  /** Secrets counted per status (`active`, `pending`, `deleted`). */
  byStatus: z.record(z.string(), z.number().int().nonnegative()),
  /** Secrets counted per scope; a secret with several scopes counts in each. */
  byScope: z.record(z.string(), z.number().int().nonnegative()),
  /** The latest `modified` of the counted secrets (ISO 8601). */
  lastSecretModified: z.string().optional(),
  /** The account's secrets quota (account-wide: every store counts); absent when unreadable. */
  accountQuota: z
    .object({
      /** Secrets the account may hold. */
      limit: z.number().int().nonnegative(),
      /** Secrets it holds. */
      usage: z.number().int().nonnegative(),
    })
    .optional(),
  /** The counted secrets' metadata, newest `modified` first. */
  secrets: z.array(secretsStoreSecretSchema),
});

/**
 * A store's metadata (see {@link secretsStoreMetadataSchema}).
 *
 * @public
 */
export type SecretsStoreMetadata = z.output<typeof secretsStoreMetadataSchema>;

/**
 * Routes of the Secrets Store area, behind `cloudflare.read.secretsstore.meta`: metadata only.
 * No route requests, caches or returns a secret value, whatever the caller holds.
 *
 * @public
 */
export const secretsStoreRoutes = {
  stores: defineRoute({
    id: 'secretsStore.stores',
    area: 'secretsStore',
    path: '/v1/secrets-store/stores',
    description:
      'Secrets Store stores of the account with their creation and modification times.',
    params: z.object({}),
    query: z.object({}),
    shape: 'list',
    wire: defineWireType({
      name: 'SecretsStore',
      schema: secretsStoreSchema,
      sensitive: [],
    }),
  }),
  metadata: defineRoute({
    id: 'secretsStore.metadata',
    area: 'secretsStore',
    path: '/v1/secrets-store/:store/metadata',
    description:
      "One store's metadata: secrets counted by status and scope, their names, scopes and times (comments masked), and the account's quota use. Never a secret value.",
    params: z.object({ store: secretsStoreIdParam }),
    query: z.object({}),
    shape: 'item',
    wire: defineWireType({
      name: 'SecretsStoreMetadata',
      schema: secretsStoreMetadataSchema,
      sensitive: ['secrets[].comment'],
    }),
  }),
};
