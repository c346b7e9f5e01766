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
