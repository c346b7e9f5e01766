import { FactRetriever } from '@backstage-community/plugin-tech-insights-node';
import { Entity } from '@backstage/catalog-model';
import { cloudflareTagLabel } from '@cloudflare-backstage/plugin-cloudflare-common';
import { DateTime } from 'luxon';
import {
  CloudflareFactRetrieverOptions,
  factsPerEntity,
  openEntities,
  areaResourceFilter,
} from '../common';
import { techDocsDocumentedRefs, techDocsLinked } from '../techDocs';
import { CloudflareAreaFacts } from './types';

/** Id of the KV PII retention retriever: its key under `techInsights.factRetrievers` and its `factIds`. */
export const KV_PII_RETENTION_RETRIEVER_ID =
  'cloudflareKvPiiRetentionFactRetriever';

/** Config key of the tag that marks a namespace as holding personal data. */
export const KV_PII_TAG_CONFIG = 'techInsights.cloudflare.kv.piiTag';

/** The tag that marks namespaces holding personal data unless configured. */
export const DEFAULT_KV_PII_TAG = 'pii=true';

/**
 * Options of {@link createCloudflareKvPiiRetentionFactRetriever}.
 */
export interface CloudflareKvPiiRetentionOptions
  extends CloudflareFactRetrieverOptions {
  /** The PII tag, `key=value` or `key`; overrides `techInsights.cloudflare.kv.piiTag`. */
  piiTag?: string;
}

/** `key=value` (that value) or `key` (any value). */
function parseTag(raw: string): { key: string; value?: string } {
  const at = raw.indexOf('=');
  return at < 0
    ? { key: raw.trim() }
    : { key: raw.slice(0, at).trim(), value: raw.slice(at + 1).trim() };
}

/**
 * Builds the KV PII retention fact retriever (SOC 2 P4.2, retention of personal information): for
 * each KV namespace `Resource`, whether it carries the PII tag (label `cloudflare.com/tag-<key>`,
 * which the catalog module sets from Cloudflare's resource tags), whether its keys expire
 * (`spec.parameters.ttlPolicy`, from the catalog's sample of its keys) and whether a TechDocs page
 * documents its retention (`backstage.io/techdocs-ref` on the namespace or on a Component that
 * depends on it). Reads only the catalog. A namespace the catalog has not sampled yet gets no
 * fact, never a false pass.
 */
export function createCloudflareKvPiiRetentionFactRetriever(
  options: CloudflareKvPiiRetentionOptions = {},
): FactRetriever {
  const id = KV_PII_RETENTION_RETRIEVER_ID;
  const entityFilter = areaResourceFilter('kv');
  return {
    id,
    version: '1.0.0',
    title: 'Cloudflare KV personal data retention',
    description:
      'Whether each KV namespace tagged as holding personal data has a TTL policy or a TechDocs page linked to it (SOC 2 P4.2).',
    entityFilter,
    schema: {
      piiTagged: {
        type: 'boolean',
        description:
          'True when the namespace carries the personal-data tag (default pii=true)',
      },
      ttlPolicy: {
        type: 'boolean',
        description:
          'True when every sampled key of the namespace (up to 50) expires',
      },
      techDocsLinked: {
        type: 'boolean',
        description:
          'True when the namespace, or a Component depending on it, has a TechDocs page',
      },
      piiRetentionDefined: {
        type: 'boolean',
        description:
          'True unless the namespace holds personal data with neither a TTL policy nor a TechDocs page',
      },
    },
    handler: async ctx => {
      const now = (options.now ?? DateTime.now)();
      const tag = parseTag(
        options.piiTag ??
          ctx.config.getOptionalString(KV_PII_TAG_CONFIG) ??
          DEFAULT_KV_PII_TAG,
      );
      const entities = await openEntities(
        ctx,
        id,
        entityFilter,
        options.catalog,
      );
      if (!entities) return [];
      const documented = await techDocsDocumentedRefs(ctx, id, options.catalog);
      if (!documented) return [];
      return factsPerEntity(ctx, id, entities, now, async (entity: Entity) => {
        const { ttlPolicy } = (entity.spec?.parameters ?? {}) as {
          ttlPolicy?: unknown;
        };
        if (typeof ttlPolicy !== 'boolean') return undefined;
        const value = entity.metadata.labels?.[cloudflareTagLabel(tag.key)];
        const piiTagged =
          value !== undefined &&
          (tag.value === undefined || value === tag.value);
        const linked = techDocsLinked(entity, documented);
        return {
          piiTagged,
          ttlPolicy,
          techDocsLinked: linked,
          piiRetentionDefined: !piiTagged || ttlPolicy || linked,
        };
      });
    },
  };
}

/**
 * Workers KV: each namespace `Resource` gets the personal data retention facts, and the check
 * "every KV namespace tagged PII has a TTL policy or a TechDocs page linked to it" (SOC 2 P4.2)
 * runs on it.
 */
export const kvFacts: CloudflareAreaFacts = {
  retrievers: [createCloudflareKvPiiRetentionFactRetriever()],
  checks: [
    {
      id: 'cloudflareKvPiiRetention',
      type: 'json-rules-engine',
      name: 'KV namespaces with personal data have a retention policy',
      description:
        'SOC 2 P4.2 (retention of personal information): every Workers KV namespace tagged as holding personal data (Cloudflare tag pii=true unless techInsights.cloudflare.kv.piiTag says otherwise) has a TTL policy (its keys expire) or a TechDocs page linked to it (on the namespace or a Component depending on it) that states its retention.',
      factIds: [KV_PII_RETENTION_RETRIEVER_ID],
      rule: {
        conditions: {
          all: [
            { fact: 'piiRetentionDefined', operator: 'equal', value: true },
          ],
        },
      },
    },
  ],
};
