import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
  KubernetesValidatorFunctions,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import { DeferredEntity } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_CLOUDFLARE_ACCOUNT_ID,
  ANNOTATION_CLOUDFLARE_RESOURCE_ID,
  CloudflareAreaId,
  cloudflareTagLabel,
  getCloudflareArea,
  ResourceTags,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { cloudflareEntityName } from '@cloudflare-backstage/plugin-cloudflare-common';
import { CatalogMapContext } from './types';

/** Keeps a string, drops null, undefined and the empty string (Cloudflare sends all three). */
export function present(v: string | null | undefined): string | undefined {
  return v === null || v === undefined || v === '' ? undefined : v;
}

/**
 * The location key and `managed-by-location` value of everything read from one account:
 * `cloudflare:<accountId>`.
 */
export function cloudflareLocationKey(accountId: string): string {
  return `cloudflare:${accountId}`;
}

/** Name of the entity of a resource, in the run's account. */
export function entityNameIn(
  ctx: CatalogMapContext,
  area: CloudflareAreaId,
  resourceName: string,
): string {
  return cloudflareEntityName(
    area,
    resourceName,
    ctx.multiAccount ? ctx.accountId : undefined,
  );
}

/** Entity ref (`resource:default/<name>`) of a resource in the run's account. */
export function resourceRefIn(
  ctx: CatalogMapContext,
  area: CloudflareAreaId,
  resourceName: string,
): string {
  return stringifyEntityRef({
    kind: 'resource',
    namespace: 'default',
    name: entityNameIn(ctx, area, resourceName),
  });
}

/**
 * Owner and system of a resource, from the first matching ownership rule (area, name pattern and
 * Cloudflare tag, each when the rule sets it).
 */
export function ownershipOf(
  ctx: CatalogMapContext,
  area: CloudflareAreaId,
  resourceName: string,
  tags: ResourceTags = {},
): { owner: string; system?: string } {
  const rule = ctx.ownership.find(
    r =>
      (r.area === undefined || r.area === area) &&
      (r.namePattern === undefined || r.namePattern.test(resourceName)) &&
      (r.tag === undefined ||
        (r.tag.key in tags &&
          (r.tag.value === undefined || tags[r.tag.key] === r.tag.value))),
  );
  return rule
    ? { owner: rule.owner, ...(rule.system ? { system: rule.system } : {}) }
    : { owner: 'group:default/platform' };
}

/**
 * A resource's Cloudflare tags from the run's index: by its Cloudflare id, else by its name (the
 * Resource Tagging API names some types by name), under its area's tag type; none when the area
 * has no tag type or the index was never read.
 */
export function tagsOfResource(
  ctx: CatalogMapContext,
  area: CloudflareAreaId,
  ids: Array<string | undefined>,
): ResourceTags {
  const type = getCloudflareArea(area).tagType;
  const byId = type ? ctx.tags?.[type] : undefined;
  if (!byId) return {};
  for (const id of ids) if (id !== undefined && byId[id]) return byId[id];
  return {};
}

/**
 * A resource's Cloudflare tags as entity labels (`cloudflare.com/tag-<key>: <value>`); a tag whose
 * label key or value Backstage refuses is left out.
 */
export function tagLabels(tags: ResourceTags): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(tags)) {
    const label = cloudflareTagLabel(key);
    if (
      KubernetesValidatorFunctions.isValidLabelKey(label) &&
      KubernetesValidatorFunctions.isValidLabelValue(value)
    )
      labels[label] = value;
  }
  return labels;
}

const TAG = /^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$/;

/** Keeps the values that are valid Backstage tags, lower-cased, without duplicates. */
export function validTags(values: Array<string | undefined>): string[] {
  const out: string[] = [];
  for (const v of values) {
    if (!v) continue;
    const tag = v.toLowerCase();
    if (tag.length <= 63 && TAG.test(tag) && !out.includes(tag)) out.push(tag);
  }
  return out;
}

/** Drops `undefined` members (deeply), so entities hold no undefined values. */
export function compact(value: Record<string, unknown>): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    out[k] =
      v !== null && typeof v === 'object' && !Array.isArray(v)
        ? compact(v as Record<string, unknown>)
        : (v as JsonObject[string]);
  }
  return out;
}

/**
 * Builds the `Resource` entity of one Cloudflare resource, with the annotations, owner, system,
 * tags and Cloudflare tag labels every area shares.
 */
export function cloudflareResourceEntity(
  ctx: CatalogMapContext,
  options: {
    area: CloudflareAreaId;
    /** Cloudflare name of the resource; the entity name is derived from it. */
    resourceName: string;
    /** Cloudflare id of the resource, when it has one besides its name. */
    resourceId?: string;
    description: string;
    /** Tags after `cloudflare` and the area's tag (its resource type without `cloudflare-`). */
    tags?: Array<string | undefined>;
    parameters: Record<string, unknown>;
    dependsOn?: string[];
    /** Refs of entities that depend on this one (`spec.dependencyOf`), e.g. a workflow's Worker. */
    dependencyOf?: string[];
  },
): DeferredEntity {
  const area = getCloudflareArea(options.area);
  const locationKey = cloudflareLocationKey(ctx.accountId);
  const name = entityNameIn(ctx, options.area, options.resourceName);
  const cloudflareTags = tagsOfResource(ctx, options.area, [
    options.resourceId,
    options.resourceName,
  ]);
  const labels = tagLabels(cloudflareTags);
  const entity: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: 'default',
      ...(name !== `cf-${area.entityPrefix}-${options.resourceName}`
        ? { title: options.resourceName }
        : {}),
      description: options.description,
      ...(Object.keys(labels).length > 0 ? { labels } : {}),
      tags: validTags([
        'cloudflare',
        area.resourceType.replace(/^cloudflare-/, ''),
        ...(options.tags ?? []),
      ]),
      annotations: {
        [ANNOTATION_CLOUDFLARE_ACCOUNT_ID]: ctx.accountId,
        [ANNOTATION_CLOUDFLARE_RESOURCE_ID]:
          options.resourceId ?? options.resourceName,
        [ANNOTATION_LOCATION]: locationKey,
        [ANNOTATION_ORIGIN_LOCATION]: locationKey,
      },
    },
    spec: {
      type: area.resourceType,
      ...ownershipOf(ctx, options.area, options.resourceName, cloudflareTags),
      ...(options.dependsOn && options.dependsOn.length > 0
        ? { dependsOn: options.dependsOn }
        : {}),
      ...(options.dependencyOf && options.dependencyOf.length > 0
        ? { dependencyOf: options.dependencyOf }
        : {}),
      parameters: compact(options.parameters),
    },
  };
  return { entity, locationKey };
}
