import { DeferredEntity } from '@backstage/plugin-catalog-node';
import { CloudflareAreaId } from '@cloudflare-backstage/plugin-cloudflare-common';
import { cloudflareResourceEntity, resourceRefIn } from './common';
import {
  CloudflareMapperContext,
  CloudflareWorkerBinding,
  CloudflareWorkerInput,
} from './types';

/**
 * The resource a binding points at: its product area and its Cloudflare name (or id, for bindings
 * that carry only an id and whose name the provider could not resolve).
 *
 * @public
 */
export interface CloudflareBindingTarget {
  area: CloudflareAreaId;
  resourceName: string;
}

type TargetOf = (
  b: CloudflareWorkerBinding,
  ctx: CloudflareMapperContext,
) => CloudflareBindingTarget | undefined;

const byId = (
  area: CloudflareAreaId,
  id: string | undefined,
  ctx: CloudflareMapperContext,
): CloudflareBindingTarget | undefined =>
  id ? { area, resourceName: ctx.resolveName?.(area, id) ?? id } : undefined;

const byName = (
  area: CloudflareAreaId,
  name: string | undefined,
): CloudflareBindingTarget | undefined =>
  name ? { area, resourceName: name } : undefined;

/**
 * Binding types that relate a Worker to another Cloudflare resource, and how each names it.
 * Other binding types (plain text, JSON, secrets, version metadata, services) are not resources.
 *
 * Naming of the targets, which the other areas' mappers must follow:
 * KV namespaces by title, D1 databases by name, R2 buckets by name, queues by name, Durable
 * Objects by class name, Hyperdrive configs by name, Vectorize indexes by name, Analytics Engine
 * datasets by name, Secrets Stores by store name.
 */
const BINDING_TARGETS: Record<string, TargetOf> = {
  kv_namespace: (b, ctx) => byId('kv', b.namespaceId, ctx),
  d1: (b, ctx) => byId('d1', b.databaseId, ctx),
  r2_bucket: b => byName('r2', b.bucketName),
  queue: b => byName('queues', b.queueName),
  durable_object_namespace: b => byName('durableObjects', b.className),
  hyperdrive: (b, ctx) => byId('hyperdrive', b.hyperdriveId, ctx),
  vectorize: b => byName('vectorize', b.indexName),
  analytics_engine: b => byName('analyticsEngine', b.dataset),
  secrets_store_secret: (b, ctx) => byId('secretsStore', b.storeId, ctx),
};

/**
 * The binding types the binding graph follows.
 *
 * @public
 */
export const CLOUDFLARE_RELATED_BINDING_TYPES: readonly string[] =
  Object.keys(BINDING_TARGETS);

/**
 * The resource a Worker binding points at, or undefined for bindings that are not resources.
 *
 * @public
 */
export function bindingTarget(
  binding: CloudflareWorkerBinding,
  ctx: CloudflareMapperContext,
): CloudflareBindingTarget | undefined {
  return BINDING_TARGETS[binding.type]?.(binding, ctx);
}

/**
 * Entity refs of the resources a list of bindings points at: sorted, without duplicates.
 *
 * @public
 */
export function bindingRefs(
  bindings: CloudflareWorkerBinding[],
  ctx: CloudflareMapperContext,
): string[] {
  const refs = new Set<string>();
  for (const binding of bindings) {
    const target = bindingTarget(binding, ctx);
    if (target) refs.add(resourceRefIn(ctx, target.area, target.resourceName));
  }
  return [...refs].sort();
}

/**
 * Maps a Worker script to its `Resource` entity (`cf-worker-<script>`, type `cloudflare-worker`).
 * Binding names and values are not copied (names can look like credentials, values can be them).
 * Its bindings to KV, D1, R2, queues, Durable Objects, Hyperdrive, Vectorize, Analytics Engine and
 * the Secrets Store become `spec.dependsOn` refs to those resources' entities.
 *
 * @public
 */
export function mapWorker(
  input: CloudflareWorkerInput,
  ctx: CloudflareMapperContext,
): DeferredEntity {
  const dependsOn = bindingRefs(input.bindings, ctx);
  const deployment = input.lastDeployment;
  return cloudflareResourceEntity(ctx, {
    area: 'workers',
    resourceName: input.scriptName,
    description: `Cloudflare Worker ${input.scriptName}`,
    tags: input.tags,
    dependsOn,
    parameters: {
      accountId: ctx.accountId,
      scriptName: input.scriptName,
      handlers:
        input.handlers && input.handlers.length > 0
          ? input.handlers
          : undefined,
      createdOn: input.createdOn,
      modifiedOn: input.modifiedOn,
      lastDeployment: deployment
        ? {
            version: deployment.version,
            commitSha: deployment.commitSha,
            ciRunUrl: deployment.ciRunUrl,
            createdOn: deployment.createdOn,
          }
        : undefined,
    },
  });
}

/**
 * Maps every Worker script of an account.
 *
 * @public
 */
export function mapWorkers(
  inputs: CloudflareWorkerInput[],
  ctx: CloudflareMapperContext,
): DeferredEntity[] {
  return inputs.map(input => mapWorker(input, ctx));
}
