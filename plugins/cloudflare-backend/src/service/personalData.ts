import { createHmac, randomBytes } from 'node:crypto';
import { JsonValue } from '@backstage/types';
import { Request } from 'express';

/*
 * Personal data (the `actor` e-mail of an Access audit filter) must not reach the cache (Redis in
 * production) or the audit log. Both get an HMAC-SHA256 of the value under a key drawn at random
 * when the process starts and never stored or logged: equal filters still share a cache entry and
 * audit events of one process can still be correlated, but a plain hash of an e-mail would be
 * reversed by hashing the organisation's user list, and the key is nowhere to be read. The cost:
 * replicas (and restarts) do not share cache entries for actor-filtered reads.
 */

const KEY = randomBytes(32);

/** Query and argument keys whose values are personal data. */
export const PERSONAL_KEYS: readonly string[] = ['actor'];

/** `hmac-sha256:<first 32 hex digits>` of a personal value, under the per-process key. */
export function pseudonymize(value: string): string {
  return `hmac-sha256:${createHmac('sha256', KEY)
    .update(value, 'utf8')
    .digest('hex')
    .slice(0, 32)}`;
}

/** `args` with each personal member replaced by its pseudonym: for cache keys and audit metadata. */
export function pseudonymizeArgs(args: JsonValue): JsonValue {
  if (!args || typeof args !== 'object' || Array.isArray(args)) return args;
  return Object.fromEntries(
    Object.entries(args).map(([k, v]) => [
      k,
      PERSONAL_KEYS.includes(k) && typeof v === 'string' ? pseudonymize(v) : v,
    ]),
  );
}

/**
 * The request as the auditor should see it: Backstage's auditor records `originalUrl`, so personal
 * query values are replaced by their pseudonyms there; everything else (credentials, ip) is the
 * request's own.
 */
export function auditedRequest(req: Request): Request {
  const url = new URL(req.originalUrl, 'http://backstage.invalid');
  let changed = false;
  for (const key of PERSONAL_KEYS) {
    const values = url.searchParams.getAll(key);
    if (values.length === 0) continue;
    url.searchParams.delete(key);
    for (const v of values) url.searchParams.append(key, pseudonymize(v));
    changed = true;
  }
  if (!changed) return req;
  return Object.create(req, {
    originalUrl: { value: `${url.pathname}${url.search}`, enumerable: true },
  });
}
