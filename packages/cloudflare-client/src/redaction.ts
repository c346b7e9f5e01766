/**
 * Redaction: values that look like credentials never leave the client layer.
 *
 * Two kinds of rules decide what is withheld: key-name patterns (a binding, variable or JSON key whose
 * name looks like a credential) and value shapes (JWTs, PEM blocks, URLs with a password, high-entropy
 * strings). Every withheld value is recorded as a {@link Redaction} (path and reason, never the value) so
 * that an audit record can say what was withheld.
 */

import { CiRunUrlPolicy, DEFAULT_CI_RUN_URL_POLICY } from './ciRunUrl';

/**
 * Why a value was withheld.
 *
 * - `secret-field`: the field is secret by definition (Pages env var values, `web_analytics_token`,
 *   `build_token_*`, an IdP `client_secret`, a token `value`, ...).
 * - `credential-key-name`: the value sits under a name matching a key-name pattern.
 * - `credential-value-shape`: the value itself looks like a credential.
 *
 * @public
 */
export type RedactionReason =
  | 'secret-field'
  | 'credential-key-name'
  | 'credential-value-shape';

/**
 * One withheld value: where it was and why. Never the value.
 *
 * @public
 */
export interface Redaction {
  /** Path of the withheld value inside the object that carries this note, e.g. `bindings.STRIPE_API_KEY.text`. */
  path: string;
  /** Why it was withheld. */
  reason: RedactionReason;
}

/**
 * Redaction rules. Configured patterns are added to the defaults, never replace them.
 *
 * @public
 */
export interface RedactionRules {
  /** Names (binding, variable, JSON key) whose values are credentials. */
  keyNamePatterns: RegExp[];
  /** Value shapes that are credentials whatever their name. */
  valuePatterns: RegExp[];
  /** Shortest string checked for high entropy; default 20. */
  highEntropyMinLength: number;
}

/**
 * Default key-name patterns.
 *
 * @public
 */
export const DEFAULT_KEY_NAME_PATTERNS: readonly RegExp[] = [
  /(secret|token|password|passwd|passphrase|pwd|api[_-]?key|private[_-]?key|access[_-]?key|credential|auth|signing[_-]?key|session[_-]?key|webhook[_-]?url|dsn|conn(ection)?[_-]?str)/i,
  // Whole words: `key`, `STRIPE_KEY`, `db-pass`, `hash.salt` (not `keyboard`, `compass`, `basalt`).
  /(^|[^a-z0-9])(key|pass|salt)s?($|[^a-z0-9])/i,
  // camelCase words: `stripeKey`, `dbPass`, `hashSalt`.
  /[a-z0-9](Key|Pass|Salt)s?($|[^a-z])/,
];

/**
 * Default value shapes: JWTs, PEM blocks, URLs carrying a password, well-known token prefixes.
 * High-entropy strings are checked separately (see {@link looksHighEntropy}).
 *
 * @public
 */
export const DEFAULT_VALUE_PATTERNS: readonly RegExp[] = [
  /^eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*$/, // JWT
  /-----BEGIN [A-Z0-9 ]*(PRIVATE KEY|CERTIFICATE|KEY)-----/, // PEM
  /[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i, // URL with user:password
  /\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|sk_(live|test)_[A-Za-z0-9]{10,}|xox[abpr]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16})\b/, // vendor prefixes
];

/**
 * The default rules.
 *
 * @public
 */
export const DEFAULT_REDACTION_RULES: RedactionRules = {
  keyNamePatterns: [...DEFAULT_KEY_NAME_PATTERNS],
  valuePatterns: [...DEFAULT_VALUE_PATTERNS],
  highEntropyMinLength: 20,
};

/** Marker of a removed JSON leaf. */
const REMOVED = Symbol('removed');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * Keys naming identifiers (`id`, `*_id`, `uuid`, `tag`, `hash`, `sha`, `etag`): their names are not
 * checked (a `token_id` names a token, it does not hold one), and an identifier-shaped value (hex,
 * UUID, digits) under them is not a high-entropy token. Every other value check applies to them.
 */
const ID_KEY = /(^|[_-])(id|uuid|tag|hash|sha|etag)$|Id$/;
const ID_VALUE =
  /^(?:[0-9a-f]+|[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}|\d+)$/i;

/**
 * The neutral placeholder that stands for a credential-like name inside a {@link Redaction} path.
 *
 * @public
 */
export const CREDENTIAL_NAME_PLACEHOLDER = '[credential-name]';

/** Shannon entropy in bits per character. */
function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/**
 * True for a token-shaped string: at least `minLength` characters from a token alphabet (no spaces),
 * mixing letters and digits, with at least 3.5 bits of entropy per character.
 *
 * @public
 */
export function looksHighEntropy(value: string, minLength = 20): boolean {
  if (value.length < minLength) return false;
  if (UUID.test(value)) return false;
  if (!/^[A-Za-z0-9+/=_\-.~]+$/.test(value)) return false;
  if (!/[A-Za-z]/.test(value) || !/[0-9]/.test(value)) return false;
  return entropy(value) >= 3.5;
}

/**
 * Applies {@link RedactionRules} and collects {@link Redaction} notes.
 *
 * @public
 */
export class Redactor {
  private keyNames = true;

  /**
   * @param rules - the redaction rules.
   * @param ciRunUrlPolicy - how CI links are cleaned (see `sanitizeCiRunUrl`).
   */
  constructor(
    readonly rules: RedactionRules = DEFAULT_REDACTION_RULES,
    readonly ciRunUrlPolicy: CiRunUrlPolicy = DEFAULT_CI_RUN_URL_POLICY,
  ) {}

  /** True when a name (binding, variable, JSON key) looks like a credential's. */
  isCredentialName(name: string | undefined | null): boolean {
    return !!name && this.rules.keyNamePatterns.some(p => p.test(name));
  }

  /** True when a value looks like a credential, whatever its name. */
  isCredentialValue(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    return (
      this.rules.valuePatterns.some(p => p.test(value)) ||
      looksHighEntropy(value, this.rules.highEntropyMinLength)
    );
  }

  /**
   * A user-chosen name (binding, variable, JSON key) as it may appear in a {@link Redaction} path:
   * {@link CREDENTIAL_NAME_PLACEHOLDER} when the name looks like a credential's, else the name.
   */
  pathName(name: string): string {
    return this.isCredentialName(name) ? CREDENTIAL_NAME_PLACEHOLDER : name;
  }

  /** True when a value under an identifier key looks like a credential (identifier shapes excepted). */
  private isCredentialIdValue(value: string): boolean {
    if (this.rules.valuePatterns.some(p => p.test(value))) return true;
    return (
      !ID_VALUE.test(value) &&
      looksHighEntropy(value, this.rules.highEntropyMinLength)
    );
  }

  /**
   * Why a named value must be withheld, or undefined when it may be kept.
   */
  reasonFor(
    name: string | undefined | null,
    value: unknown,
  ): RedactionReason | undefined {
    if (this.isCredentialName(name)) return 'credential-key-name';
    if (this.isCredentialValue(value)) return 'credential-value-shape';
    return undefined;
  }

  /**
   * Redacts a JSON value recursively: every value under a credential-like key (unless `keyNames` is
   * false, for JSON whose keys are Cloudflare's schema rather than user-chosen names), and every
   * string that looks like a credential, is removed (object keys are dropped, array items become
   * `null`). Keys naming identifiers (`id`, `*_id`, `uuid`, `tag`, `hash`) are exempt from the name
   * check, and identifier-shaped values under them from the high-entropy check; every other value
   * check applies to every key. A credential-like key name never appears in a note's path (see
   * {@link Redactor.pathName}).
   */
  redactJson(
    value: unknown,
    path: string,
    notes: Redaction[],
    options: { keyNames?: boolean } = {},
  ): unknown {
    this.keyNames = options.keyNames ?? true;
    const out = this.redactInner(value, path, notes, undefined);
    return out === REMOVED ? undefined : out;
  }

  private redactInner(
    value: unknown,
    path: string,
    notes: Redaction[],
    key?: string,
  ): unknown {
    if (Array.isArray(value)) {
      return value.map((v, i) => {
        const r = this.redactInner(v, `${path}[${i}]`, notes, key);
        return r === REMOVED ? null : r;
      });
    }
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const childPath = `${path}.${this.keyNames ? this.pathName(k) : k}`;
        if (
          this.keyNames &&
          !ID_KEY.test(k) &&
          this.isCredentialName(k) &&
          v !== null &&
          v !== undefined &&
          v !== ''
        ) {
          notes.push({ path: childPath, reason: 'credential-key-name' });
          continue;
        }
        const r = this.redactInner(v, childPath, notes, k);
        if (r !== REMOVED) out[k] = r;
      }
      return out;
    }
    if (
      typeof value === 'string' &&
      (key && ID_KEY.test(key)
        ? this.isCredentialIdValue(value)
        : this.isCredentialValue(value))
    ) {
      notes.push({ path, reason: 'credential-value-shape' });
      return REMOVED;
    }
    return value;
  }
}

/**
 * Records `secret-field` notes for the given paths of a raw object that hold a non-empty value.
 * Used before parsing, since the schemas drop those fields silently.
 *
 * @public
 */
export function noteSecretFields(
  raw: unknown,
  paths: readonly string[],
  notes: Redaction[],
  prefix = '',
): void {
  for (const path of paths) {
    let cur: unknown = raw;
    for (const seg of path.split('.')) {
      cur =
        cur && typeof cur === 'object'
          ? (cur as Record<string, unknown>)[seg]
          : undefined;
    }
    if (cur !== undefined && cur !== null && cur !== '') {
      notes.push({
        path: prefix ? `${prefix}.${path}` : path,
        reason: 'secret-field',
      });
    }
  }
}

/**
 * Counts the redaction notes anywhere in a value returned by the client (every `redactions` array).
 *
 * @public
 */
export function countRedactions(value: unknown): number {
  if (Array.isArray(value))
    return value.reduce((n: number, v) => n + countRedactions(v), 0);
  if (value && typeof value === 'object') {
    let n = 0;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k === 'redactions' && Array.isArray(v)) n += v.length;
      else n += countRedactions(v);
    }
    return n;
  }
  return 0;
}
