import { ClientContext } from '../context';
import { AiGatewayApi } from './aiGateway';
import { AiSearchApi } from './aiSearch';
import { AnalyticsEngineApi } from './analyticsEngine';
import { AuditLogsApi } from './auditLogs';
import { D1Api } from './d1';
import { DurableObjectsApi } from './durableObjects';
import { HyperdriveApi } from './hyperdrive';
import { ContainersApi } from './containers';
import { BrowserRenderingApi } from './browserRendering';
import { KvApi } from './kv';
import { PagesApi } from './pages';
import { QueuesApi } from './queues';
import { R2Api } from './r2';
import { SecretsStoreApi } from './secretsStore';
import { ResourceTagsApi } from './tags';
import { TokensApi } from './tokens';
import { VectorizeApi } from './vectorize';
import { WorkersApi } from './workers';
import { WorkflowsApi } from './workflows';
import { ZeroTrustApi } from './zeroTrust';

/**
 * The client's areas: one API class per area module, each built over the client's shared context.
 * Adding an area is its module and one line here; `CloudflareClient` gets a typed property for it.
 *
 * @public
 */
export const CLOUDFLARE_CLIENT_AREAS = {
  /** Workers: scripts, settings and bindings, secrets (names), versions, deployments, Workers Builds. */
  workers: WorkersApi,
  /** Pages: projects and deployments. */
  pages: PagesApi,
  /** Zero Trust Access: apps, policies, identity providers, access logs, users. */
  zeroTrust: ZeroTrustApi,
  /** Queues: queues with producers, consumers, event subscriptions; backlog metrics (never a message). */
  queues: QueuesApi,
  /** Workers KV: namespaces, keys and a sample of keys (values are never read). */
  kv: KvApi,
  /** D1: databases, one database, its Time Travel bookmark (never a query or a restore). */
  d1: D1Api,
  /** R2: buckets of every jurisdiction, a bucket's lifecycle and lock rules (never an object). */
  r2: R2Api,
  /** Workflows: workflows, versions and step graphs, runs with retries (never params or outputs). */
  workflows: WorkflowsApi,
  /** Vectorize: indexes and an index's stats (never a vector, its values or its metadata). */
  vectorize: VectorizeApi,
  /** Analytics Engine: datasets bound by Workers, one allow-listed read-only SQL query. */
  analyticsEngine: AnalyticsEngineApi,
  /** Secrets Store: stores and a store's metadata (secret counts, names, scopes; never a value). */
  secretsStore: SecretsStoreApi,
  /** AI Gateway: gateways' policy flags, provider configs (never keys), metrics from log metadata. */
  aiGateway: AiGatewayApi,
  /** AI Search: namespaces, instances, their stats and sync jobs (never items, search or chat). */
  aiSearch: AiSearchApi,
  /** Durable Objects: namespaces with object counts, a class's GraphQL Analytics (never an object). */
  durableObjects: DurableObjectsApi,
  /** Hyperdrive: configs with origin, caching and mTLS (never the password or Access client secret). */
  hyperdrive: HyperdriveApi,
  /** Containers: applications (image, instances, scheduling) and health (never an environment value). */
  containers: ContainersApi,
  /** Browser Rendering: DevTools sessions and documented limits (never a session URL). */
  browserRendering: BrowserRenderingApi,
  /** Account audit logs (v2). */
  auditLogs: AuditLogsApi,
  /** API tokens: user and account-owned, verify. */
  tokens: TokensApi,
  /** Resource Tagging: every tagged resource's tags, read once per run. */
  tags: ResourceTagsApi,
} as const satisfies Record<string, new (ctx: ClientContext) => object>;

/**
 * One typed property per entry of {@link CLOUDFLARE_CLIENT_AREAS}: `client.workers`, `client.pages`, ...
 *
 * @public
 */
export type CloudflareClientAreas = {
  readonly [K in keyof typeof CLOUDFLARE_CLIENT_AREAS]: InstanceType<
    (typeof CLOUDFLARE_CLIENT_AREAS)[K]
  >;
};
