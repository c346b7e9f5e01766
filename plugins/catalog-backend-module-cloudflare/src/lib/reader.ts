import {
  CfDeployment,
  CloudflareClient,
  WorkerBinding,
  WorkerScript,
  WorkerSettings,
  isCloudflareApiError,
} from '@cloudflare-backstage/cloudflare-client';
import { CloudflareAreaId } from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  CloudflarePagesInput,
  CloudflareWorkerBinding,
  CloudflareWorkerInput,
  CloudflareZeroTrustInput,
} from '../mappers/types';

/**
 * What the entity provider reads Cloudflare through: one read per ingested area, each returning
 * only the fields the mappers put in entities (no secrets, no personal data).
 *
 * @public
 */
export interface CloudflareCatalogReader {
  /** Every Worker script with its bindings and the deployment serving traffic. */
  readWorkers(): Promise<CloudflareWorkerInput[]>;
  /** Every Pages project with its newest production deployment. */
  readPages(): Promise<CloudflarePagesInput[]>;
  /** The account's Zero Trust Access posture. */
  readZeroTrust(): Promise<CloudflareZeroTrustInput>;
  /** Upstream calls made so far (retries included). */
  calls(): number;
  /** Called at the start of each run. */
  beginRun?(): Promise<void> | void;
  /** Resolves a resource id to its name (see `CloudflareMapperContext.resolveName`). */
  resolveName?(area: CloudflareAreaId, id: string): string | undefined;
}

/** Scripts whose details are read together (Workers Builds is asked once per 20 versions of a batch). */
const WORKER_DETAIL_BATCH = 100;

/** How far back the newest Access audit event is looked for. */
const AUDIT_WINDOW_MS = 90 * 86_400_000;

/** Keeps the string, drops null, undefined and empty strings. */
const s = (v: string | null | undefined): string | undefined =>
  v === null || v === undefined || v === '' ? undefined : v;

/**
 * Reduces a client binding to the identity of the resource it points at. Values (`text`, `json`)
 * are never read.
 */
export function toBindingInput(b: WorkerBinding): CloudflareWorkerBinding {
  const out: CloudflareWorkerBinding = { type: b.type, name: b.name };
  const set = <K extends keyof CloudflareWorkerBinding>(
    k: K,
    v: string | null | undefined,
  ) => {
    const value = s(v);
    if (value !== undefined) out[k] = value as CloudflareWorkerBinding[K];
  };
  switch (b.type) {
    case 'kv_namespace':
      set('namespaceId', b.namespace_id);
      break;
    case 'd1':
      set('databaseId', b.database_id ?? b.id);
      break;
    case 'r2_bucket':
      set('bucketName', b.bucket_name);
      break;
    case 'queue':
      set('queueName', b.queue_name);
      break;
    case 'durable_object_namespace':
      set('className', b.class_name);
      set('scriptName', b.script_name);
      break;
    case 'hyperdrive':
      set('hyperdriveId', b.id);
      break;
    case 'vectorize':
      set('indexName', b.index_name);
      break;
    case 'analytics_engine':
      set('dataset', b.dataset);
      break;
    case 'secrets_store_secret':
      set('storeId', b.store_id);
      break;
    default:
      break;
  }
  return out;
}

/** A Worker's catalog input from its script, settings and the deployment serving traffic. */
function toWorkerInput(
  script: WorkerScript,
  settings: WorkerSettings,
  active: CfDeployment | undefined,
): CloudflareWorkerInput {
  return {
    scriptName: script.id,
    createdOn: s(script.created_on),
    modifiedOn: s(script.modified_on),
    handlers: script.handlers ?? undefined,
    tags: script.tags ?? undefined,
    bindings: (settings.bindings ?? []).map(toBindingInput),
    lastDeployment: active
      ? {
          version: s(active.versionId),
          commitSha: s(active.commitSha),
          ciRunUrl: s(active.ciRunUrl),
          createdOn: s(active.createdOn),
        }
      : undefined,
  };
}

interface CachedWorker {
  modifiedOn: string | undefined;
  input: CloudflareWorkerInput;
}

/**
 * The default {@link CloudflareCatalogReader}, over the suite's `CloudflareClient`.
 *
 * Call budget (Cloudflare allows 1,200 calls per 5 minutes per token): Workers cost one list call
 * plus, per script whose `modified_on` changed since the last good read, three calls (settings,
 * deployments, the version serving traffic), and one Workers Builds call per 20 such scripts; Pages cost one call (the project list carries the newest production
 * deployment); Zero Trust costs four calls (applications, policies, identity providers, and one
 * audit-log page).
 *
 * @public
 */
export class ClientCatalogReader implements CloudflareCatalogReader {
  private readonly workerCache = new Map<string, CachedWorker>();

  /** Wraps a client; the reader keeps per-script details between runs. */
  constructor(private readonly client: CloudflareClient) {}

  /** {@inheritdoc CloudflareCatalogReader.calls} */
  calls(): number {
    return this.client.stats().calls;
  }

  /** {@inheritdoc CloudflareCatalogReader.readWorkers} */
  async readWorkers(): Promise<CloudflareWorkerInput[]> {
    const scripts = await this.client.workers.listScripts();
    const fresh = new Map<string, CachedWorker>();
    const changed: WorkerScript[] = [];
    for (const script of scripts) {
      const modifiedOn = s(script.modified_on);
      const cached = this.workerCache.get(script.id);
      if (
        cached &&
        modifiedOn !== undefined &&
        cached.modifiedOn === modifiedOn
      )
        fresh.set(script.id, cached);
      else changed.push(script);
    }
    for (let i = 0; i < changed.length; i += WORKER_DETAIL_BATCH) {
      const batch = changed.slice(i, i + WORKER_DETAIL_BATCH);
      const deployments =
        await this.client.workers.listDeploymentsWithProvenanceOf(
          batch.map(script => script.id),
          { activeOnly: true },
        );
      for (const script of batch) {
        const settings = await this.client.workers.getSettings(script.id);
        fresh.set(script.id, {
          modifiedOn: s(script.modified_on),
          input: toWorkerInput(
            script,
            settings,
            deployments.get(script.id)?.[0],
          ),
        });
      }
    }
    // Only a complete read replaces the cache, so a failed run re-reads what it could not finish.
    this.workerCache.clear();
    for (const [k, v] of fresh) this.workerCache.set(k, v);
    return scripts.map(script => fresh.get(script.id)!.input);
  }

  /** {@inheritdoc CloudflareCatalogReader.readPages} */
  async readPages(): Promise<CloudflarePagesInput[]> {
    const projects = await this.client.pages.listProjects();
    return projects.map(p => {
      const production = p.canonical_deployment;
      const config = p.deployment_configs?.production;
      const bindings: CloudflareWorkerBinding[] = [
        ...Object.entries(config?.kv_namespaces ?? {}).map(([name, v]) => ({
          type: 'kv_namespace',
          name,
          namespaceId: s(v?.namespace_id),
        })),
        ...Object.entries(config?.d1_databases ?? {}).map(([name, v]) => ({
          type: 'd1',
          name,
          databaseId: s(v?.id),
        })),
        ...Object.entries(config?.r2_buckets ?? {}).map(([name, v]) => ({
          type: 'r2_bucket',
          name,
          bucketName: s(v?.name),
        })),
        ...Object.entries(config?.queue_producers ?? {}).map(([name, v]) => ({
          type: 'queue',
          name,
          queueName: s(v?.name),
        })),
      ];
      return {
        projectName: p.name,
        projectId: p.id,
        productionBranch: s(p.production_branch),
        framework: s(p.framework),
        createdOn: s(p.created_on),
        bindings,
        lastDeployment: production
          ? {
              version: production.id,
              commitSha: s(production.commitSha),
              ciRunUrl: s(production.ciRunUrl),
              createdOn: s(production.createdOn),
            }
          : undefined,
      };
    });
  }

  /** {@inheritdoc CloudflareCatalogReader.readZeroTrust} */
  async readZeroTrust(): Promise<CloudflareZeroTrustInput> {
    const [applications, policies, idps] = await Promise.all([
      this.client.zeroTrust.listApplications(),
      this.client.zeroTrust.listReusablePolicies(),
      this.client.zeroTrust.listIdentityProviders(),
    ]);
    return {
      authProviders: [
        ...new Set(idps.map(i => s(i.type)).filter((t): t is string => !!t)),
      ].sort(),
      policyCount: policies.length,
      applicationCount: applications.length,
      lastAuditEvent: await this.lastAuditEvent(),
    };
  }

  /**
   * Time of the newest Access audit event of the last 90 days (one call). A token without the
   * audit-log permission leaves it out instead of failing the area.
   */
  private async lastAuditEvent(): Promise<string | undefined> {
    const now = Date.now();
    try {
      const page = await this.client.auditLogs.listPage({
        since: new Date(now - AUDIT_WINDOW_MS).toISOString(),
        before: new Date(now + 60_000).toISOString(),
        resourceProduct: 'access',
        direction: 'desc',
        limit: 1,
      });
      return s(page.entries[0]?.action?.time);
    } catch (error) {
      if (isCloudflareApiError(error) && error.kind === 'auth')
        return undefined;
      throw error;
    }
  }
}
