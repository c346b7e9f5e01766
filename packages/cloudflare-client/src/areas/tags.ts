import { z } from 'zod';
import type {
  ResourceTagIndex,
  ResourceTags,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { ClientContext } from '../context';
import { Redaction } from '../redaction';

const AREA = 'tags';

/**
 * Cloudflare resource types of the Resource Tagging API (`type` filter), as the SDK lists them.
 *
 * @public
 */
export type ResourceTagType = NonNullable<
  Parameters<ClientContext['sdk']['resourceTagging']['list']>[0]['type']
>[number];

/** A tagged resource as the Resource Tagging API lists it; other fields are dropped. */
const taggedResourceSchema = z.object({
  id: z.string(),
  type: z.string(),
  tags: z.record(z.string(), z.string()).nullish(),
});

/**
 * Resource Tagging reads: every tagged resource of the account with its tags, once per run.
 *
 * @public
 */
export class ResourceTagsApi {
  constructor(private readonly ctx: ClientContext) {}

  /**
   * Every tagged resource of the account (or of the given types), following Cloudflare's cursor,
   * as tags by resource type and id. A tag whose key or value looks like a credential is dropped
   * and counted as a redaction.
   */
  async list(
    options: { types?: ResourceTagType[] } = {},
  ): Promise<ResourceTagIndex> {
    return this.ctx.run(AREA, 'tags.list', async () => {
      const index: ResourceTagIndex = {};
      const notes: Redaction[] = [];
      for await (const raw of this.ctx.sdk.resourceTagging.list({
        account_id: this.ctx.accountId,
        ...(options.types ? { type: options.types } : {}),
      })) {
        const r = taggedResourceSchema.parse(raw);
        const tags = this.ctx.redactor.redactJson(r.tags ?? {}, 'tags', notes);
        (index[r.type] ??= {})[r.id] = tags as ResourceTags;
      }
      this.ctx.countRedactions(AREA, notes);
      return index;
    });
  }
}

/**
 * The tags of one resource type for an area's read: from `given` (an index the caller read once
 * per run) or read now. Undefined when the Resource Tagging API cannot be read (permission, or
 * tagging off for the account): the area's read goes on, its items without `tags`.
 */
export async function tagsOfType(
  ctx: ClientContext,
  type: ResourceTagType,
  given: ResourceTagIndex | undefined,
): Promise<Record<string, ResourceTags> | undefined> {
  if (given) return given[type] ?? {};
  try {
    return (await new ResourceTagsApi(ctx).list({ types: [type] }))[type] ?? {};
  } catch (e) {
    ctx.logger?.warn('Cloudflare resource tags could not be read', {
      type,
      kind: (e as { kind?: string }).kind,
    });
    return undefined;
  }
}

/** A resource's tags from {@link tagsOfType}'s answer: `{}` when untagged, undefined when unknown. */
export const tagsOf = (
  byId: Record<string, ResourceTags> | undefined,
  id: string,
): ResourceTags | undefined => (byId ? byId[id] ?? {} : undefined);
