/**
 * Masking by the wire contract: each wire type declares its sensitive fields by path, and
 * {@link maskByPaths} masks exactly those paths. Nothing is matched by leaf name.
 */

/**
 * Which view a caller asked for: `masked` (the default) or `unmasked` (needs
 * `cloudflare.read.unmasked`).
 *
 * @public
 */
export type CloudflareView = 'masked' | 'unmasked';

/**
 * The token a masked value is replaced with when it is neither an email nor an IP address.
 *
 * @public
 */
export const MASKED = '[masked]';

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * Masks one sensitive string. Documented shapes:
 * - email: first character of the local part, `***`, the domain: `alice@acme.example` becomes `a***@acme.example`;
 * - IPv4: the /24 network: `203.0.113.7` becomes `203.0.113.0/24`;
 * - IPv6: the /48 network: `2001:db8:1:2::7` becomes `2001:db8:1::/48`;
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
 * Result of {@link maskByPaths}.
 *
 * @public
 */
export interface MaskedValue<T> {
  /** The masked copy (the input is never modified). */
  value: T;
  /** How many values were masked, per declared path. */
  masked: Record<string, number>;
}

type Json = unknown;

/** Masks every string at or below `value` (a sensitive field may be an object or a list). */
function maskAll(value: Json, onMask: () => void): Json {
  if (typeof value === 'string') {
    onMask();
    return maskValue(value);
  }
  if (Array.isArray(value)) return value.map(v => maskAll(v, onMask));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, maskAll(v, onMask)]),
    );
  }
  return value;
}

function maskAt(value: Json, segments: string[], onMask: () => void): Json {
  if (segments.length === 0) return maskAll(value, onMask);
  if (value === null || value === undefined) return value;
  const [head, ...rest] = segments;
  const isArray = head.endsWith('[]');
  const key = isArray ? head.slice(0, -2) : head;
  if (typeof value !== 'object' || Array.isArray(value)) return value;
  const obj = value as Record<string, Json>;
  if (!(key in obj)) return value;
  const child = obj[key];
  const next =
    isArray && Array.isArray(child)
      ? child.map(c => maskAt(c, rest, onMask))
      : maskAt(child, isArray ? [] : rest, onMask);
  return { ...obj, [key]: next };
}

/**
 * Masks the values at the given paths of `value` for the `masked` view. A path names fields with
 * dots and list items with `[]` (`actor.email`, `keys[].name`); every string at or below a path is
 * masked with {@link maskValue}. `unmasked` returns the value untouched.
 *
 * @public
 */
export function maskByPaths<T>(
  value: T,
  paths: readonly string[],
  view: CloudflareView,
): MaskedValue<T> {
  const masked: Record<string, number> = {};
  if (view === 'unmasked') return { value, masked };
  let out: Json = value;
  for (const path of paths) {
    out = maskAt(out, path.split('.'), () => {
      masked[path] = (masked[path] ?? 0) + 1;
    });
  }
  return { value: out as T, masked };
}
