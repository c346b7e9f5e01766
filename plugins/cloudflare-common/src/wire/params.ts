import { z } from 'zod';

/**
 * Worker script names as Cloudflare accepts them.
 *
 * @public
 */
export const workerScriptNameParam = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_-]{0,62}$/,
    'must be a Worker script name: 1-63 lower-case letters, digits, "-" or "_", starting with a letter or digit',
  );

/**
 * Pages project names as Cloudflare accepts them: lower-case letters, digits and `-`, 1-58
 * characters, not starting or ending with `-`.
 *
 * @public
 */
export const pagesProjectNameParam = z
  .string()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,56}[a-z0-9])?$/,
    'must be a Pages project name: 1-58 lower-case letters, digits or "-", not starting or ending with "-"',
  );

/**
 * `?view=`: masked unless asked (and allowed) otherwise.
 *
 * @public
 */
export const viewParam = z.enum(['masked', 'unmasked']).default('masked');

/**
 * An ISO 8601 date (`2026-01-31`) or date-time with a zone, normalized to UTC.
 *
 * @public
 */
export const isoTimestampParam = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], {
    error: 'must be an ISO 8601 date or date-time with a time zone',
  })
  .refine(v => !Number.isNaN(Date.parse(v)), 'must be a real calendar date')
  .transform(v => new Date(v).toISOString());

/**
 * A positive integer up to `max`, with a default.
 *
 * @public
 */
export const boundedIntParam = (max: number, fallback: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(1, 'must be at least 1')
    .max(max, `must be at most ${max}`)
    .default(fallback);

/**
 * A route without parameters.
 *
 * @public
 */
export const noParams = z.object({});

/**
 * `?account=`: which configured Cloudflare account a route reads, by its config id (`default` for
 * the top-level `cloudflare` block, else the `id` of a `cloudflare.accounts[]` entry) or by its
 * Cloudflare account id. Optional: with one account configured it is that one.
 *
 * @public
 */
export const cloudflareAccountParam = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/,
    'must be a configured account: its config id or its Cloudflare account id',
  );

/**
 * The query part every read route (and the evidence, OSCAL and acceptance routes) takes besides
 * its own: the optional `account`.
 *
 * @public
 */
export const cloudflareAccountQuerySchema = z.object({
  account: cloudflareAccountParam.optional(),
});

/**
 * The `account` query of every read route, as a caller passes it.
 *
 * @public
 */
export type CloudflareAccountQuery = z.input<
  typeof cloudflareAccountQuerySchema
>;
