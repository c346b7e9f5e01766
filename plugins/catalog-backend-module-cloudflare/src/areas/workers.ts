import {
  CREDENTIAL_NAME_PLACEHOLDER,
  WorkerBinding,
  WorkerScript,
} from '@cloudflare-backstage/cloudflare-client';
import {
  r2BucketResourceName,
  WorkerDeployment,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { ResourceTarget, byId, byName, dependsOnRefs } from './bindings';
import { cloudflareResourceEntity, present } from './entity';
import { defineCatalogArea } from './types';

/** One Worker as read: the listed script, its bindings and the deployment serving traffic. */
export interface WorkerRead {
  /** The script from the scripts list. */
  script: WorkerScript;
  /** Its bindings, from its settings (values redacted by the client, never copied here). */
  bindings: WorkerBinding[];
  /** The deployment serving traffic, with its commit and CI run where known. */
  deployment?: WorkerDeployment;
}

/** Scripts whose details are read together (Workers Builds is asked once per 20 of their versions). */
const DETAIL_BATCH = 100;

/**
 * The resource each binding type points at. Other types (plain text, JSON, secrets, version
 * metadata, services) are not resources.
 */
const BINDING_TARGETS: Record<
  string,
  (b: WorkerBinding) => ResourceTarget | undefined
> = {
  kv_namespace: b => byId('kv', b.namespace_id),
  d1: b => byId('d1', b.database_id ?? b.id),
  r2_bucket: b =>
    byName(
      'r2',
      b.bucket_name && r2BucketResourceName(b.bucket_name, b.jurisdiction),
    ),
  queue: b => byName('queues', b.queue_name),
  durable_object_namespace: b => byName('durableObjects', b.class_name),
  hyperdrive: b => byId('hyperdrive', b.id),
  vectorize: b => byName('vectorize', b.index_name),
  analytics_engine: b => byName('analyticsEngine', b.dataset),
  secrets_store_secret: b => byId('secretsStore', b.store_id),
  workflow: b => byName('workflows', b.workflow_name),
};

/**
 * A binding as the Worker's entity states it (`spec.parameters.bindings`): its type and name, never
 * its value; a credential-like name (`STRIPE_API_KEY`) is `[credential-name]` with `credentialLike`,
 * as the Workers routes' masked view shows it (the catalog has no unmasked view).
 */
export interface WorkerBindingSummary {
  type: string;
  name: string;
  credentialLike?: true;
}

/** The bindings' types and names (credential-like names replaced), never a value. */
function bindingSummaries(bindings: WorkerBinding[]): WorkerBindingSummary[] {
  return bindings.map(b =>
    b.credentialLike
      ? {
          type: b.type,
          name: CREDENTIAL_NAME_PLACEHOLDER,
          credentialLike: true,
        }
      : { type: b.type, name: b.name },
  );
}

/** Keeps the previous read of the scripts whose `modified_on` did not change. */
function unchanged(
  scripts: WorkerScript[],
  previous: WorkerRead[] | undefined,
): Map<string, WorkerRead> {
  const before = new Map((previous ?? []).map(w => [w.script.id, w]));
  const kept = new Map<string, WorkerRead>();
  for (const script of scripts) {
    const old = before.get(script.id);
    const modifiedOn = present(script.modified_on);
    if (old && modifiedOn && present(old.script.modified_on) === modifiedOn)
      kept.set(script.id, { ...old, script });
  }
  return kept;
}

/**
 * Workers: one `Resource` (`cf-worker-<script>`, type `cloudflare-worker`) per script. Its bindings
 * to KV, D1, R2, queues, Durable Objects, Hyperdrive, Vectorize, Analytics Engine and the Secrets
 * Store become `spec.dependsOn`; `spec.parameters.bindings` lists each binding's type and name
 * (credential-like names replaced, see {@link WorkerBindingSummary}), never a value.
 *
 * Calls: the scripts list (1), then only for scripts new or with a changed `modified_on` since the
 * last good read: settings (1 each), the active deployment and its version (2 each) and Workers
 * Builds (1 per 20 versions). A warm run where nothing changed costs 1 call.
 */
export const workersArea = defineCatalogArea<WorkerRead[]>({
  async read(client, previous) {
    const scripts = await client.workers.listScripts();
    const read = unchanged(scripts, previous);
    const changed = scripts.filter(s => !read.has(s.id));
    for (let i = 0; i < changed.length; i += DETAIL_BATCH) {
      const batch = changed.slice(i, i + DETAIL_BATCH);
      const deployments = await client.workers.listDeploymentsWithProvenanceOf(
        batch.map(s => s.id),
        { activeOnly: true },
      );
      for (const script of batch) {
        const settings = await client.workers.getSettings(script.id);
        read.set(script.id, {
          script,
          bindings: settings.bindings,
          deployment: deployments.get(script.id)?.[0],
        });
      }
    }
    return scripts.map(s => read.get(s.id)!);
  },

  map: (workers, ctx) =>
    workers.map(({ script, bindings, deployment }) =>
      cloudflareResourceEntity(ctx, {
        area: 'workers',
        resourceName: script.id,
        description: `Cloudflare Worker ${script.id}`,
        tags: script.tags ?? undefined,
        dependsOn: dependsOnRefs(
          bindings.map(b => BINDING_TARGETS[b.type]?.(b)),
          ctx,
        ),
        parameters: {
          accountId: ctx.accountId,
          scriptName: script.id,
          handlers: script.handlers?.length ? script.handlers : undefined,
          bindings: bindingSummaries(bindings),
          createdOn: present(script.created_on),
          modifiedOn: present(script.modified_on),
          lastDeployment: deployment
            ? {
                version: present(deployment.versionId),
                commitSha: present(deployment.commitSha),
                ciRunUrl: present(deployment.ciRunUrl),
                createdOn: present(deployment.createdOn),
              }
            : undefined,
        },
      }),
    ),
});
