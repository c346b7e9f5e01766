import { FieldClassMap } from './fieldClasses';
import { WORKERS_FIELD_CLASSES } from './areas/workers';
import { PAGES_FIELD_CLASSES } from './areas/pages';
import { ZERO_TRUST_FIELD_CLASSES } from './areas/zeroTrust';
import { AUDIT_LOGS_FIELD_CLASSES } from './areas/auditLogs';
import { TOKENS_FIELD_CLASSES } from './areas/tokens';

/**
 * Every field-class map the client declares, all areas.
 *
 * @public
 */
export const ALL_FIELD_CLASSES: readonly FieldClassMap[] = [
  ...WORKERS_FIELD_CLASSES,
  ...PAGES_FIELD_CLASSES,
  ...ZERO_TRUST_FIELD_CLASSES,
  ...AUDIT_LOGS_FIELD_CLASSES,
  ...TOKENS_FIELD_CLASSES,
];

/**
 * Which view a caller asked for: `masked` (the default) or `unmasked` (needs `cloudflare.read.unmasked`).
 *
 * @public
 */
export type MaskView = 'masked' | 'unmasked';

/**
 * The token a masked value is replaced with when it is neither an email nor an IP address.
 *
 * @public
 */
export const MASKED = '[masked]';

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * Masks one sensitive string. Documented shapes:
 * - email: first character of the local part, `***`, the domain: `alice@acme.example` -> `a***@acme.example`;
 * - IPv4: the /24 network: `203.0.113.7` -> `203.0.113.0/24`;
 * - IPv6: the /48 network: `2001:db8:1:2::7` -> `2001:db8:1::/48`;
 * - anything else: {@link MASKED}.
 *
 * @public
 */
export function maskValue(value: string): string {
  const at = value.lastIndexOf('@');
  if (at > 0 && at < value.length - 1 && !/\s/.test(value)) {
    return `${value.slice(0, 1)}***@${value.slice(at + 1)}`;
  }
  const v4 = IPV4.exec(value);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.0/24`;
  if (
    /^[0-9a-f:]+$/i.test(value) &&
    value.includes(':') &&
    value.split(':').length >= 3
  ) {
    return `${value.split(':').slice(0, 3).join(':')}::/48`;
  }
  return MASKED;
}

/**
 * Leaf names too generic to mask everywhere (`name` is also a script's, a project's, a policy's):
 * when a map declares one `sensitive`, it is masked only in an object that also holds a person's
 * `email` (an Access user, a device's last user).
 *
 * @public
 */
export const PERSON_ONLY_KEYS: ReadonlySet<string> = new Set(['name']);

function sensitiveLeaves(maps: readonly FieldClassMap[]): Set<string> {
  const keys = new Set<string>();
  for (const map of maps) {
    for (const [path, cls] of Object.entries(map)) {
      if (cls !== 'sensitive') continue;
      keys.add(path.split('.').pop()!.replace(/\[\]$/, ''));
    }
  }
  return keys;
}

/**
 * Leaf key names declared `sensitive` in the given maps: the masker matches values by these names
 * ({@link PERSON_ONLY_KEYS} excepted: see there).
 *
 * @public
 */
export function sensitiveKeysOf(maps: readonly FieldClassMap[]): Set<string> {
  const keys = sensitiveLeaves(maps);
  PERSON_ONLY_KEYS.forEach(k => keys.delete(k));
  return keys;
}

/**
 * Result of {@link maskSensitiveCounted}.
 *
 * @public
 */
export interface MaskResult<T> {
  /** The masked copy. */
  value: T;
  /** How many values were masked, per field name. */
  masked: Record<string, number>;
}

let registry: { keys: Set<string>; personKeys: Set<string> } | undefined;
let registryMaps: FieldClassMap[] = [...ALL_FIELD_CLASSES];

/**
 * Adds field classes to the masker, for outputs of areas outside this package. The client's own maps
 * ({@link ALL_FIELD_CLASSES}) are always in.
 *
 * @public
 */
export function registerFieldClasses(...maps: FieldClassMap[]): void {
  registryMaps = [...registryMaps, ...maps];
  registry = undefined;
}

function sensitiveKeys() {
  if (!registry) {
    const leaves = sensitiveLeaves(registryMaps);
    registry = {
      keys: sensitiveKeysOf(registryMaps),
      personKeys: new Set([...PERSON_ONLY_KEYS].filter(k => leaves.has(k))),
    };
  }
  return registry;
}

/**
 * Masks sensitive values and counts them. Rules:
 * 1. a value under a key that some registered {@link FieldClassMap} declares `sensitive` is masked
 *    with {@link maskValue} (strings inside nested objects and arrays under that key too);
 * 2. an object with `credentialLike: true` (a binding, variable or secret whose name looks like a
 *    credential) has its `name` masked;
 * 3. an object holding a person's `email` (a string) has its {@link PERSON_ONLY_KEYS} masked when a
 *    map declares them sensitive (an Access user's display `name`).
 * `unmasked` returns the value untouched. The input is never modified.
 *
 * @public
 */
export function maskSensitiveCounted<T>(
  data: T,
  view: MaskView,
): MaskResult<T> {
  const masked: Record<string, number> = {};
  if (view === 'unmasked') return { value: data, masked };
  const { keys, personKeys } = sensitiveKeys();
  const count = (k: string) => {
    masked[k] = (masked[k] ?? 0) + 1;
  };
  const walk = (v: unknown, inSensitive: string | undefined): unknown => {
    if (typeof v === 'string') {
      if (inSensitive) {
        count(inSensitive);
        return maskValue(v);
      }
      return v;
    }
    if (Array.isArray(v)) return v.map(x => walk(x, inSensitive));
    if (v && typeof v === 'object') {
      const obj = v as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      const person = typeof obj.email === 'string';
      for (const [k, x] of Object.entries(obj)) {
        if (
          typeof x === 'string' &&
          ((k === 'name' && obj.credentialLike === true) ||
            (person && personKeys.has(k)))
        ) {
          count('name');
          out[k] = MASKED;
          continue;
        }
        out[k] = walk(x, inSensitive ?? (keys.has(k) ? k : undefined));
      }
      return out;
    }
    return v;
  };
  return { value: walk(data, undefined) as T, masked };
}

/**
 * Masks sensitive values for the `masked` view; see {@link maskSensitiveCounted} for the rules and
 * {@link maskValue} for the masked shapes.
 *
 * @public
 */
export function maskSensitive<T>(data: T, view: MaskView): T {
  return maskSensitiveCounted(data, view).value;
}
