/**
 * Annotation on Resource entities made by the suite: the Cloudflare account they belong to.
 *
 * @public
 */
export const ANNOTATION_CLOUDFLARE_ACCOUNT_ID = 'cloudflare.com/account-id';

/**
 * Annotation on Resource entities made by the suite: the Cloudflare id of the resource.
 *
 * @public
 */
export const ANNOTATION_CLOUDFLARE_RESOURCE_ID = 'cloudflare.com/resource-id';

/**
 * Prefix of the labels that carry a resource's Cloudflare tags (Resource Tagging API) on its
 * `Resource` entity: tag `pii=true` is label `cloudflare.com/tag-pii: 'true'`.
 *
 * @public
 */
export const CLOUDFLARE_TAG_LABEL_PREFIX = 'cloudflare.com/tag-';

/**
 * The label key of a Cloudflare tag key on a `Resource` entity (`pii` becomes `cloudflare.com/tag-pii`).
 * Tags whose label key or value Backstage refuses are not put on entities.
 *
 * @public
 */
export function cloudflareTagLabel(tagKey: string): string {
  return `${CLOUDFLARE_TAG_LABEL_PREFIX}${tagKey}`;
}
