import {
  CREDENTIAL_NAME_PLACEHOLDER,
  WorkerBinding,
  WorkerScript,
} from '@cloudflare-backstage/cloudflare-client';
import {
  r2BucketResourceName,
  WorkerDeployment,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  ResourceTarget,
  byId,
  byKnownKey,
  byName,
  dependsOnRefs,
} from './bindings';
import { durableObjectScriptClassKey } from './durableObjects';
import { cloudflareResourceEntity, present } from './entity';
import { defineCatalogArea, memoOf } from './types';

/** One Worker as read: the listed script, its bindings and the deployment serving traffic. */
export interface WorkerRead {
  /** The script from the scripts list. */
  script: WorkerScript;
  /** Its bindings, from its settings (values redacted by the client, never copied here). */
  bindings: WorkerBinding[];
  /** The deployment serving traffic, with its commit and CI run where known. */
  deployment?: WorkerDeployment;
}

/**
 * Scripts whose deployments are read together: Workers Builds is asked once per 20 of their
 * versions, and a run the budget stops within a batch loses at most that batch's calls.
 */
const DETAIL_BATCH = 20;

/**
 * The resource each binding type points at, for a binding of the Worker `script`. Other types
 * (plain text, JSON, secrets, version metadata, services) are not resources. A Durable Object
 * binding meets its namespace by id, else by its script (the binding's `script_name`, else the
 * Worker's own) and class, else by its class alone (the Durable Objects area not read).
 */
const BINDING_TARGETS: Record<
  string,
  (b: WorkerBinding, script: string) => ResourceTarget | undefined
> = {
  kv_namespace: b => byId('kv', b.namespace_id),
  d1: b => byId('d1', b.database_id ?? b.id),
  r2_bucket: b =>
    byName(
      'r2',
      b.bucket_name && r2BucketResourceName(b.bucket_name, b.jurisdiction),
    ),
  queue: b => byName('queues', b.queue_name),
  durable_object_namespace: (b, script) =>
    byKnownKey(
      'durableObjects',
      [
        b.namespace_id,
        b.class_name &&
          durableObjectScriptClassKey(b.script_name ?? script, b.class_name),
      ],
      b.class_name,
    ),
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

/**
 * Workers: one `Resource` (`cf-worker-<script>`, type `cloudflare-worker`) per script. Its bindings
 * to KV, D1, R2, queues, Durable Objects, Hyperdrive, Vectorize, Analytics Engine and the Secrets
 * Store become `spec.dependsOn`; `spec.parameters.bindings` lists each binding's type and name
 * (credential-like names replaced, see {@link WorkerBindingSummary}), never a value.
 *
 * Calls: the scripts list (1), then, through the run's detail memo with the change key
 * `modified_on`, only for scripts new or changed since they were read: settings (1 each), the
 * active deployment and its version (2 each) and Workers Builds (1 per 20 versions, 20 scripts at a time). A run where
 * nothing changed costs 1 call.
 */
export const workersArea = defineCatalogArea<WorkerRead[]>({
  async read(client, _previous, run) {
    const memo = memoOf(run);
    const scripts = await client.workers.listScripts();
    const changeKey = (s: WorkerScript) => ({
      changeKey: present(s.modified_on),
    });
    const deployments = await memo.details(
      scripts.map(s => ({ key: `deployment/${s.id}`, options: changeKey(s) })),
      DETAIL_BATCH,
      async keys => {
        const ids = keys.map(k => k.slice('deployment/'.length));
        const byScript = await client.workers.listDeploymentsWithProvenanceOf(
          ids,
          { activeOnly: true },
        );
        return new Map(
          ids.map(id => [`deployment/${id}`, byScript.get(id)?.[0]]),
        );
      },
    );
    const reads: WorkerRead[] = [];
    for (const script of scripts) {
      const bindings = await memo.detail(
        `settings/${script.id}`,
        changeKey(script),
        async () => (await client.workers.getSettings(script.id)).bindings,
      );
      reads.push({
        script,
        bindings,
        deployment: deployments.get(`deployment/${script.id}`),
      });
    }
    return reads;
  },

  map: (workers, ctx) =>
    workers.map(({ script, bindings, deployment }) =>
      cloudflareResourceEntity(ctx, {
        area: 'workers',
        resourceName: script.id,
        description: `Cloudflare Worker ${script.id}`,
        tags: script.tags ?? undefined,
        dependsOn: dependsOnRefs(
          bindings.map(b => BINDING_TARGETS[b.type]?.(b, script.id)),
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
