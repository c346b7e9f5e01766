import { CloudflareAreaId } from '@cloudflare-backstage/plugin-cloudflare-common';
import { CloudflareOwnershipRule } from '../providers/CloudflareEntityProviderConfig';

/**
 * What every mapper needs to know about the provider that runs it.
 *
 * @public
 */
export interface CloudflareMapperContext {
  /** The Cloudflare account being read. */
  accountId: string;
  /**
   * True when the module reads more than one account: entity names then carry a hash of the
   * account (see `cloudflareEntityName`).
   */
  multiAccount: boolean;
  /** Ownership rules, first match wins. */
  ownership: CloudflareOwnershipRule[];
  /**
   * Resolves a resource id (KV namespace id, D1 uuid, Hyperdrive id, Secrets Store id) to the
   * resource's name, when the provider knows it. Ids it cannot resolve are used as names.
   */
  resolveName?(area: CloudflareAreaId, id: string): string | undefined;
}

/**
 * The last deployment of a Worker or a Pages project, as put in `spec.parameters.lastDeployment`.
 * Author emails and deployment messages are never included.
 *
 * @public
 */
export interface CloudflareDeploymentSummary {
  /** Version identifier: the Worker version id, or the Pages deployment id. */
  version?: string;
  /** Full commit SHA, when the deployment came from a commit. */
  commitSha?: string;
  /** Link to the CI run (or Workers Builds / pull request page) that deployed it. */
  ciRunUrl?: string;
  /** When the deployment was made (ISO 8601). */
  createdOn?: string;
}

/**
 * One Worker binding, reduced to what the binding graph needs: its kind, its name in the script,
 * and the identity of the resource it points at. Binding values (plain text, JSON, secrets) are
 * never carried.
 *
 * @public
 */
export interface CloudflareWorkerBinding {
  /** Cloudflare binding type, e.g. `kv_namespace`, `d1`, `r2_bucket`. */
  type: string;
  /** Variable name of the binding in the script. */
  name: string;
  /** `kv_namespace`: namespace id. */
  namespaceId?: string;
  /** `d1`: database uuid. */
  databaseId?: string;
  /** `r2_bucket`: bucket name. */
  bucketName?: string;
  /** `queue`: queue name. */
  queueName?: string;
  /** `durable_object_namespace`: class name. */
  className?: string;
  /** `durable_object_namespace`: script hosting the class (the binding's own script when absent). */
  scriptName?: string;
  /** `hyperdrive`: config id. */
  hyperdriveId?: string;
  /** `vectorize`: index name. */
  indexName?: string;
  /** `analytics_engine`: dataset name. */
  dataset?: string;
  /** `secrets_store_secret`: store id. */
  storeId?: string;
}

/**
 * A Worker script, as the Workers mapper reads it.
 *
 * @public
 */
export interface CloudflareWorkerInput {
  /** Script name (Cloudflare's script `id`). */
  scriptName: string;
  /** When the script was created (ISO 8601). */
  createdOn?: string;
  /** When the script was last modified (ISO 8601). */
  modifiedOn?: string;
  /** Handlers the script exports (`fetch`, `queue`, `scheduled`, ...). */
  handlers?: string[];
  /** Script tags set in Cloudflare (e.g. `team:platform`); valid ones become entity tags. */
  tags?: string[];
  /** The script's bindings. */
  bindings: CloudflareWorkerBinding[];
  /** The deployment serving traffic. */
  lastDeployment?: CloudflareDeploymentSummary;
}

/**
 * A Pages project, as the Pages mapper reads it.
 *
 * @public
 */
export interface CloudflarePagesInput {
  /** Project name. */
  projectName: string;
  /** Project id. */
  projectId?: string;
  /** Production branch. */
  productionBranch?: string;
  /** Framework preset, e.g. `next`. */
  framework?: string;
  /** When the project was created (ISO 8601). */
  createdOn?: string;
  /** The newest production deployment. */
  lastDeployment?: CloudflareDeploymentSummary;
  /** Bindings of the production environment (KV, D1, R2, Durable Objects, queues). */
  bindings?: CloudflareWorkerBinding[];
}

/**
 * The Zero Trust Access posture of an account, as the Zero Trust mapper reads it.
 *
 * @public
 */
export interface CloudflareZeroTrustInput {
  /** Types of the identity providers configured (`okta`, `github`, ...), without duplicates. */
  authProviders: string[];
  /** Number of reusable Access policies. */
  policyCount: number;
  /** Number of Access applications. */
  applicationCount: number;
  /** Time of the newest audit event (ISO 8601). */
  lastAuditEvent?: string;
}
