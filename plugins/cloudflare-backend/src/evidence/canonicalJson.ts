import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';

/**
 * Serialises a JSON value in the RFC 8785 (JCS) canonical form: object members sorted by their
 * UTF-16 code units, no insignificant whitespace, ECMAScript number and string serialisation.
 * The same value always gives the same string.
 *
 * Throws on values JSON cannot hold (NaN, Infinity, a bare `undefined`).
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) {
    throw new TypeError('Value has no JSON representation');
  }
  return text;
}

/** UTF-8 bytes of the canonical form: exactly what is stored, hashed and downloaded. */
export function canonicalBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), 'utf8');
}

/** Lower-case hex SHA-256 of some bytes (or of the UTF-8 encoding of a string). */
export function sha256Hex(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
