/**
 * Posture predicates that more than one layer applies (the Tech Insights checks over the catalog,
 * the backend's acceptance figures over the client): one rule each, so both say the same.
 */

/**
 * Config key of the Cloudflare tag that marks an R2 bucket as holding regulated data
 * (`key=value`, or `key` for any value).
 *
 * @public
 */
export const R2_REGULATED_TAG_CONFIG =
  'techInsights.cloudflare.r2.regulatedTag';

/**
 * The tag that marks regulated R2 buckets unless configured.
 *
 * @public
 */
export const DEFAULT_R2_REGULATED_TAG = 'data-class=regulated';

/**
 * A tag to match: its key, and the value it must have (any value when absent).
 *
 * @public
 */
export interface CloudflareTagMatcher {
  key: string;
  value?: string;
}

/**
 * Parses the regulated-data tag setting (`key=value` or `key`); the default when absent.
 *
 * @public
 */
export function parseR2RegulatedTag(
  raw: string | undefined,
): CloudflareTagMatcher {
  const text = (raw ?? DEFAULT_R2_REGULATED_TAG).trim();
  const at = text.indexOf('=');
  return at < 0
    ? { key: text }
    : { key: text.slice(0, at), value: text.slice(at + 1) };
}

/**
 * True when a bucket's value of the regulated tag's key (undefined: the bucket lacks the tag)
 * marks it as regulated.
 *
 * @public
 */
export function isRegulatedTagValue(
  value: string | undefined,
  tag: CloudflareTagMatcher,
): boolean {
  return (
    value !== undefined && (tag.value === undefined || value === tag.value)
  );
}

/**
 * True when a deployment shows its provenance: both the commit SHA it was built from and the URL
 * of the CI run that deployed it (spec sections 6 and 11).
 *
 * @public
 */
export function hasDeploymentProvenance(deployment: {
  commitSha?: string | null;
  ciRunUrl?: string | null;
}): boolean {
  return !!deployment.commitSha && !!deployment.ciRunUrl;
}
