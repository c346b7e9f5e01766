import { InputError } from '@backstage/errors';
import { z } from 'zod';

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
