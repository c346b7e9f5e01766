import { InputError } from '@backstage/errors';
import { z } from 'zod';

/**
 * Worker script names as Cloudflare accepts them: lower-case letters, digits, `-` and `_`, starting
 * with a letter or digit, at most 63 characters.
 */
export const workerScriptName = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_-]{0,62}$/,
    'must be a Worker script name: 1-63 lower-case letters, digits, "-" or "_", starting with a letter or digit',
  );

/**
 * Pages project names as Cloudflare accepts them: lower-case letters, digits and `-`, 1-58
 * characters, not starting or ending with `-`.
 */
export const pagesProjectName = z
  .string()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,56}[a-z0-9])?$/,
    'must be a Pages project name: 1-58 lower-case letters, digits or "-", not starting or ending with "-"',
  );

/** `?view=`: masked unless asked (and allowed) otherwise. */
export const viewParam = z.enum(['masked', 'unmasked']).default('masked');

/** An ISO 8601 date (`2026-01-31`) or date-time with a zone (`2026-01-31T10:00:00Z`). */
export const isoTimestamp = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], {
    error: 'must be an ISO 8601 date or date-time with a time zone',
  })
  .refine(v => !Number.isNaN(Date.parse(v)), 'must be a real calendar date')
  .transform(v => new Date(v).toISOString());

/** A positive integer bounded by `max`, with a default. */
export const boundedInt = (max: number, fallback: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(1, 'must be at least 1')
    .max(max, `must be at most ${max}`)
    .default(fallback);

/** Query of `GET /v1/zero-trust/access/audit` (and its export). */
export const accessAuditQuery = z
  .object({
    actor: z
      .string()
      .max(254)
      .regex(
        /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/,
        'must be an e-mail address',
      )
      .optional(),
    action: z
      .string()
      .regex(
        /^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/,
        'must be an action type: letters, digits, "_", ".", ":" or "-", at most 64 characters',
      )
      .optional(),
    target: z
      .string()
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,254}$/,
        'must be a resource name or id: letters, digits, ".", "_", ":", "@" or "-", at most 255 characters',
      )
      .optional(),
    from: isoTimestamp.optional(),
    to: isoTimestamp.optional(),
    limit: boundedInt(1000, 100),
    cursor: z
      .string()
      .regex(
        /^[A-Za-z0-9_=+/-]{1,12288}$/,
        'must be a cursor returned by a previous page',
      )
      .optional(),
    view: viewParam,
  })
  .refine(q => !q.from || !q.to || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  });

/** Formats zod issues as one readable line. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .map(i => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/**
 * Parses a request part with a zod schema; a failure becomes an `InputError` (HTTP 400) naming
 * the part and every bad field.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  part: 'path' | 'query' | 'body',
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InputError(`Invalid ${part}: ${describeIssues(result.error)}`);
  }
  return result.data;
}
