import { FactRetriever } from '@backstage-community/plugin-tech-insights-node';
import { Config } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import {
  cloudflareTagLabel,
  isRegulatedTagValue,
  parseR2RegulatedTag,
  R2_REGULATED_TAG_CONFIG,
  R2LifecycleRule,
  ResourceTags,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { DateTime } from 'luxon';
import {
  CloudflareFactRetrieverOptions,
  factsPerEntity,
  openEntities,
  areaResourceFilter,
} from '../common';
import { CloudflareAreaFacts } from './types';

/** Id of the R2 lifecycle retriever: its key under `techInsights.factRetrievers` and its `factIds`. */
export const R2_LIFECYCLE_RETRIEVER_ID = 'cloudflareR2LifecycleFactRetriever';

/** The regulated-data tag of the run's config (`techInsights.cloudflare.r2.regulatedTag`). */
const regulatedTag = (config: Config) =>
  parseR2RegulatedTag(config.getOptionalString(R2_REGULATED_TAG_CONFIG));

/** What the catalog module puts in an R2 `Resource`'s `spec.parameters`. */
interface R2Parameters {
  tags?: ResourceTags;
  lifecycle?: { rules?: R2LifecycleRule[] };
}

/**
 * Builds the R2 lifecycle fact retriever (SOC 2 C1.2, disposal of confidential information): for
 * each R2 bucket `Resource`, whether it is tagged as holding regulated data (the Cloudflare tag of
 * `techInsights.cloudflare.r2.regulatedTag`, `key=value` or `key`, default `data-class=regulated`)
 * and how many enabled lifecycle rules it has. Reads only the catalog: the tag from the entity's
 * label `cloudflare.com/tag-<key>` or its `spec.parameters.tags`, the rules from
 * `spec.parameters.lifecycle`; a bucket whose tags or rules the catalog does not hold yet gets no
 * fact, never a false pass.
 */
export function createCloudflareR2LifecycleFactRetriever(
  options: CloudflareFactRetrieverOptions = {},
): FactRetriever {
  const entityFilter = areaResourceFilter('r2');
  return {
    id: R2_LIFECYCLE_RETRIEVER_ID,
    version: '1.0.0',
    title: 'Cloudflare R2 bucket lifecycle',
    description:
      'Whether each R2 bucket tagged as holding regulated data has an enabled lifecycle rule (SOC 2 C1.2).',
    entityFilter,
    schema: {
      regulated: {
        type: 'boolean',
        description:
          'True when the bucket carries the regulated-data tag (default data-class=regulated)',
      },
      enabledLifecycleRules: {
        type: 'integer',
        description: 'Lifecycle rules of the bucket that are enabled',
      },
      regulatedDataHasLifecycle: {
        type: 'boolean',
        description:
          'True unless the bucket is regulated and has no enabled lifecycle rule',
      },
    },
    handler: async ctx => {
      const now = (options.now ?? DateTime.now)();
      const tag = regulatedTag(ctx.config);
      const entities = await openEntities(
        ctx,
        R2_LIFECYCLE_RETRIEVER_ID,
        entityFilter,
        options.catalog,
      );
      if (!entities) return [];
      return factsPerEntity(
        ctx,
        R2_LIFECYCLE_RETRIEVER_ID,
        entities,
        now,
        async (entity: Entity) => {
          const { tags, lifecycle } = (entity.spec?.parameters ??
            {}) as R2Parameters;
          const labels = entity.metadata.labels ?? {};
          const label = cloudflareTagLabel(tag.key);
          if (!lifecycle?.rules || (!tags && !(label in labels)))
            return undefined;
          const value = label in labels ? labels[label] : tags?.[tag.key];
          const regulated = isRegulatedTagValue(value, tag);
          const enabled = lifecycle.rules.filter(r => r.enabled).length;
          return {
            regulated,
            enabledLifecycleRules: enabled,
            regulatedDataHasLifecycle: !regulated || enabled > 0,
          };
        },
      );
    },
  };
}

/**
 * R2: each bucket `Resource` gets the lifecycle facts, and the check "every R2 bucket tagged
 * regulated has an enabled lifecycle rule" (SOC 2 C1.2) runs on it.
 */
export const r2Facts: CloudflareAreaFacts = {
  retrievers: [createCloudflareR2LifecycleFactRetriever()],
  checks: [
    {
      id: 'cloudflareR2RegulatedLifecycle',
      type: 'json-rules-engine',
      name: 'Regulated R2 buckets have lifecycle rules',
      description:
        'SOC 2 C1.2 (disposal of confidential information): every R2 bucket tagged as holding regulated data (Cloudflare tag data-class=regulated unless techInsights.cloudflare.r2.regulatedTag says otherwise) has an enabled lifecycle rule, so its objects expire or move on a schedule.',
      factIds: [R2_LIFECYCLE_RETRIEVER_ID],
      rule: {
        conditions: {
          all: [
            {
              fact: 'regulatedDataHasLifecycle',
              operator: 'equal',
              value: true,
            },
          ],
        },
      },
    },
  ],
};
