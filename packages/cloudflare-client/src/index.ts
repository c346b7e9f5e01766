/**
 * Typed, read-only client over the official `cloudflare` SDK for the Cloudflare suite for Backstage:
 * one module per product area, zod-validated, secrets never kept, sensitive fields declared for masking.
 *
 * @packageDocumentation
 */

export { CloudflareClient } from './CloudflareClient';
export type { CloudflareClientOptions } from './CloudflareClient';
export {
  readCloudflareClientConfig,
  CloudflareConfigError,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_MAX_RETRIES,
  DEFAULT_API_BASE_URL,
  checkApiBaseUrl,
} from './config';
export {
  sanitizeCiRunUrl,
  sanitizeUrlsInText,
  DEFAULT_CI_RUN_URL_POLICY,
} from './ciRunUrl';
export type { CiRunUrlPolicy, SanitizedUrl } from './ciRunUrl';
export type { CloudflareClientConfig } from './config';
export type {
  LoggerLike,
  LogMeta,
  CloudflareClientStats,
  ClientAreaKey,
} from './context';
export { ClientContext } from './context';
export {
  CloudflareApiError,
  isCloudflareApiError,
  toCloudflareApiError,
} from './errors';
export type { CloudflareErrorKind } from './errors';
export {
  Redactor,
  DEFAULT_REDACTION_RULES,
  DEFAULT_KEY_NAME_PATTERNS,
  DEFAULT_VALUE_PATTERNS,
  looksHighEntropy,
  noteSecretFields,
  countRedactions,
  CREDENTIAL_NAME_PLACEHOLDER,
} from './redaction';
export type { Redaction, RedactionReason, RedactionRules } from './redaction';
export type { FieldClass, FieldClassMap } from './fieldClasses';
export {
  maskSensitive,
  maskSensitiveCounted,
  maskValue,
  registerFieldClasses,
  sensitiveKeysOf,
  ALL_FIELD_CLASSES,
  MASKED,
  PERSON_ONLY_KEYS,
} from './masking';
export type { MaskView, MaskResult } from './masking';
export {
  parseProvenanceAnnotation,
  formatProvenanceAnnotation,
} from './provenance';
export type { ParsedProvenance } from './provenance';
export * from './areas/workers';
export * from './areas/pages';
export * from './areas/zeroTrust';
export * from './areas/auditLogs';
export * from './areas/tokens';
