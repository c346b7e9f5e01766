/**
 * Field classes: every field the client returns is public, sensitive or secret.
 *
 * - `public`: returned as is.
 * - `sensitive`: personal data and infrastructure detail (emails, IPs, credential-like key names);
 *   masked by {@link maskSensitive} unless the caller may and asks to see it unmasked.
 * - `secret`: never leaves the client layer; the schemas do not carry these fields at all, and the
 *   entries here only document what is dropped.
 *
 * @public
 */
export type FieldClass = 'public' | 'sensitive' | 'secret';

/**
 * Field classes of one output type, keyed by field name (dots for nesting, `[]` for array items).
 * Fields not listed are public.
 *
 * @public
 */
export type FieldClassMap = Readonly<Record<string, FieldClass>>;
