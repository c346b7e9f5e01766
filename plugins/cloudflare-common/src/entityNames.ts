import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { CloudflareAreaId, getCloudflareArea } from './areas';

/** Longest entity name Backstage accepts. */
const MAX_NAME_LENGTH = 63;
/** Length of the hex hash suffix added when a name must be disambiguated. */
const HASH_LENGTH = 8;

/**
 * Options of {@link cloudflareEntityName}.
 *
 * @public
 */
export interface CloudflareEntityNameOptions {
  /**
   * The Cloudflare account of the resource. Pass it only when the provider reads more than one
   * account: the name then always carries a hash of the account and the resource, so two accounts
   * holding a resource with the same name never produce the same entity.
   */
  accountId?: string;
}

function shortHash(...parts: string[]): string {
  // SHA-256 of the UTF-8 bytes, in the browser as in Node: the frontend links by the same name.
  return bytesToHex(sha256(parts.join('\u0000'))).slice(0, HASH_LENGTH);
}

/**
 * Replaces every character Backstage does not accept in a name with `-` and trims the separators
 * (`-`, `_`, `.`) at both ends, which Backstage refuses too.
 */
function sanitize(value: string): string {
  return value
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^[-_.]+/, '')
    .replace(/[-_.]+$/, '');
}

/**
 * The `metadata.name` of the catalog `Resource` entity of one Cloudflare resource:
 * `cf-<entityPrefix>-<resourceName>` (the prefix comes from the product-area registry).
 *
 * The catalog module's mappers and annotation processor and the frontend's links use this one
 * function, so a Worker's binding, a Component's `cloudflare.com/<area>` annotation, the Resource
 * entity itself and a link to it always agree on the name.
 *
 * The name is deterministic and valid for Backstage (at most 63 characters of `[A-Za-z0-9-_.]`,
 * starting and ending with a letter or digit). A short hash of the account id, the area and the
 * resource name is appended (`cf-worker-<name>-1a2b3c4d`) when:
 *
 * - `options.accountId` is given (the provider reads more than one account), or
 * - the resource name had to be sanitized (characters Backstage refuses), or
 * - the name had to be truncated to fit 63 characters,
 *
 * so that two different resources never end up with the same entity name.
 *
 * @param area - Registry id of the product area, e.g. `workers`.
 * @param resourceName - The Cloudflare name of the resource (script name, project name, ...).
 * @param accountIdOrOptions - The account id (multi-account providers), or {@link CloudflareEntityNameOptions}.
 * @returns The entity name.
 * @public
 */
export function cloudflareEntityName(
  area: CloudflareAreaId,
  resourceName: string,
  accountIdOrOptions?: string | CloudflareEntityNameOptions,
): string {
  const accountId =
    typeof accountIdOrOptions === 'string'
      ? accountIdOrOptions
      : accountIdOrOptions?.accountId;
  const prefix = `cf-${getCloudflareArea(area).entityPrefix}`;
  const clean = sanitize(resourceName);
  const plain = clean ? `${prefix}-${clean}` : prefix;
  const needsHash =
    accountId !== undefined ||
    clean !== resourceName ||
    plain.length > MAX_NAME_LENGTH;
  if (!needsHash) {
    return plain;
  }
  const hash = shortHash(accountId ?? '', area, resourceName);
  const room = MAX_NAME_LENGTH - HASH_LENGTH - 1;
  const head = plain.slice(0, room).replace(/[-_.]+$/, '');
  return `${head}-${hash}`;
}
