import { ServiceUnavailableError } from '@backstage/errors';

/**
 * True for errors a retry can cure: another writer took the same chain position (unique
 * violation), or the database was busy or aborted the transaction to serialise writers.
 */
export function isRetryableStorageError(e: unknown): boolean {
  const code = String((e as { code?: unknown })?.code ?? '');
  if (
    ['23505', '40001', '40P01', 'SQLITE_BUSY', 'SQLITE_LOCKED'].includes(code)
  )
    return true;
  if (code === 'SQLITE_CONSTRAINT' || code === 'SQLITE_CONSTRAINT_UNIQUE')
    return /unique/i.test(String((e as Error)?.message));
  return false;
}

/** A short, binding-free name of a database error, safe for logs: its code only. */
export function storageErrorCode(e: unknown): string {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && /^[A-Za-z0-9_]{1,40}$/.test(code)
    ? code
    : 'unknown';
}

/**
 * Replaces a database error with a message of our own. knex puts the query's bindings (a
 * snapshot's bytes, a caller's ref) into its messages, so the original never reaches a response
 * or a log line; only its code is kept.
 */
export function toStorageError(e: unknown, what: string): Error {
  return new ServiceUnavailableError(
    `The evidence store could not ${what} (database error ${storageErrorCode(
      e,
    )}); try again`,
  );
}
