import { z } from 'zod';
import { defineWireType } from './contract';

/**
 * A resource's Cloudflare tags (Resource Tagging API), key to value; an empty value is a key-only
 * tag. Keys are case-sensitive. Tags whose key or value looks like a credential never get here: the
 * client drops them.
 *
 * @public
 */
export const resourceTagsSchema = z.record(z.string(), z.string());

/**
 * A resource's Cloudflare tags (see {@link resourceTagsSchema}).
 *
 * @public
 */
export type ResourceTags = z.output<typeof resourceTagsSchema>;

/**
 * The wire type of a resource's tags: part of the KV, D1 and R2 items, no route of its own.
 *
 * @public
 */
export const resourceTagsWire = defineWireType({
  name: 'ResourceTags',
  schema: resourceTagsSchema,
  sensitive: [],
});

/**
 * Every tagged resource of an account, read once: tags by Cloudflare resource type
 * (`kv_namespace`, `d1_database`, `r2_bucket`, `worker`, ...), then by the resource's id as the
 * Resource Tagging API names it (namespace id, database uuid, bucket name, script name). A resource
 * missing from a type's record has no tags.
 *
 * @public
 */
export type ResourceTagIndex = Record<string, Record<string, ResourceTags>>;
