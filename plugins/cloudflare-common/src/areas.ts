/**
 * The product-area registry: every Cloudflare product area the suite covers, listed once.
 *
 * Every layer (client, catalog provider, router, demo account, UI) walks this table instead of
 * switching over areas. Adding an area is one row here plus one file per layer.
 */

/**
 * Identifier of a product area.
 *
 * @public
 */
export type CloudflareAreaId =
  | 'workers'
  | 'pages'
  | 'zeroTrust'
  | 'queues'
  | 'kv'
  | 'd1'
  | 'r2'
  | 'aiGateway'
  | 'vectorize'
  | 'analyticsEngine'
  | 'secretsStore'
  | 'hyperdrive'
  | 'containers'
  | 'workflows'
  | 'durableObjects'
  | 'aiSearch'
  | 'browserRendering';

/**
 * One row of the product-area registry.
 *
 * @public
 */
export interface CloudflareArea {
  /** Registry id; also the key under `cloudflare.entityProvider.import`. */
  id: CloudflareAreaId;
  /** Human title, as Cloudflare's dashboard names the product. */
  title: string;
  /** `spec.type` of the catalog `Resource` entities of this area. */
  resourceType: string;
  /** Short segment used in entity names: `cf-<entityPrefix>-<resource name>`. */
  entityPrefix: string;
  /** Component annotation that names resources of this area, if Components can depend on them. */
  annotation?: string;
  /** Name of the permission that allows reading this area. */
  readPermission: string;
  /**
   * Cloudflare Resource Tagging type of the area's resources (`worker`, `kv_namespace`, ...), where
   * the Resource Tagging API covers the area; the catalog turns those tags into labels and owners.
   */
  tagType?: string;
}

const row = (area: CloudflareArea): CloudflareArea => area;

/**
 * Every product area, in the order of the spec (Workers and Pages first, Zero Trust third).
 *
 * @public
 */
export const CLOUDFLARE_AREAS: readonly CloudflareArea[] = [
  row({
    id: 'workers',
    title: 'Workers',
    resourceType: 'cloudflare-worker',
    entityPrefix: 'worker',
    annotation: 'cloudflare.com/worker',
    readPermission: 'cloudflare.read.workers',
    tagType: 'worker',
  }),
  row({
    id: 'pages',
    title: 'Pages',
    resourceType: 'cloudflare-pages',
    entityPrefix: 'pages',
    annotation: 'cloudflare.com/pages',
    readPermission: 'cloudflare.read.pages',
    tagType: 'pages_project',
  }),
  row({
    id: 'zeroTrust',
    title: 'Zero Trust',
    resourceType: 'cloudflare-zero-trust',
    entityPrefix: 'zt',
    readPermission: 'cloudflare.read.zerotrust',
    tagType: 'access_application',
  }),
  row({
    id: 'queues',
    title: 'Queues',
    resourceType: 'cloudflare-queue',
    entityPrefix: 'queue',
    annotation: 'cloudflare.com/queue',
    readPermission: 'cloudflare.read.queues',
    tagType: 'queue',
  }),
  row({
    id: 'kv',
    title: 'Workers KV',
    resourceType: 'cloudflare-kv',
    entityPrefix: 'kv',
    annotation: 'cloudflare.com/kv',
    readPermission: 'cloudflare.read.kv',
    tagType: 'kv_namespace',
  }),
  row({
    id: 'd1',
    title: 'D1',
    resourceType: 'cloudflare-d1',
    entityPrefix: 'd1',
    annotation: 'cloudflare.com/d1',
    readPermission: 'cloudflare.read.d1',
    tagType: 'd1_database',
  }),
  row({
    id: 'r2',
    title: 'R2',
    resourceType: 'cloudflare-r2',
    entityPrefix: 'r2',
    annotation: 'cloudflare.com/r2',
    readPermission: 'cloudflare.read.r2',
    tagType: 'r2_bucket',
  }),
  row({
    id: 'aiGateway',
    title: 'AI Gateway',
    resourceType: 'cloudflare-ai-gateway',
    entityPrefix: 'ai-gateway',
    annotation: 'cloudflare.com/ai-gateway',
    readPermission: 'cloudflare.read.aigateway',
    tagType: 'ai_gateway',
  }),
  row({
    id: 'vectorize',
    title: 'Vectorize',
    resourceType: 'cloudflare-vectorize',
    entityPrefix: 'vectorize',
    annotation: 'cloudflare.com/vectorize',
    readPermission: 'cloudflare.read.vectorize',
    tagType: 'vectorize_index',
  }),
  row({
    id: 'analyticsEngine',
    title: 'Analytics Engine',
    resourceType: 'cloudflare-analytics-engine',
    entityPrefix: 'analytics-engine',
    annotation: 'cloudflare.com/analytics-engine',
    readPermission: 'cloudflare.read.analyticsengine',
  }),
  row({
    id: 'secretsStore',
    title: 'Secrets Store',
    resourceType: 'cloudflare-secrets-store',
    entityPrefix: 'secrets-store',
    annotation: 'cloudflare.com/secrets-store',
    readPermission: 'cloudflare.read.secretsstore.meta',
  }),
  row({
    id: 'hyperdrive',
    title: 'Hyperdrive',
    resourceType: 'cloudflare-hyperdrive',
    entityPrefix: 'hyperdrive',
    annotation: 'cloudflare.com/hyperdrive',
    readPermission: 'cloudflare.read.hyperdrive',
  }),
  row({
    id: 'containers',
    title: 'Containers',
    resourceType: 'cloudflare-container',
    entityPrefix: 'container',
    annotation: 'cloudflare.com/container',
    readPermission: 'cloudflare.read.containers',
  }),
  row({
    id: 'workflows',
    title: 'Workflows',
    resourceType: 'cloudflare-workflow',
    entityPrefix: 'workflow',
    annotation: 'cloudflare.com/workflow',
    readPermission: 'cloudflare.read.workflows',
  }),
  row({
    id: 'durableObjects',
    title: 'Durable Objects',
    resourceType: 'cloudflare-durable-object',
    entityPrefix: 'do',
    annotation: 'cloudflare.com/durable-object',
    readPermission: 'cloudflare.read.durableobjects',
    tagType: 'durable_object_namespace',
  }),
  row({
    id: 'aiSearch',
    title: 'AI Search',
    resourceType: 'cloudflare-ai-search',
    entityPrefix: 'ai-search',
    annotation: 'cloudflare.com/ai-search',
    readPermission: 'cloudflare.read.aisearch',
  }),
  row({
    id: 'browserRendering',
    title: 'Browser Rendering',
    resourceType: 'cloudflare-browser-rendering',
    entityPrefix: 'browser-rendering',
    annotation: 'cloudflare.com/browser-rendering',
    readPermission: 'cloudflare.read.browserrendering',
  }),
];

/**
 * Looks up one area of the registry.
 *
 * @public
 */
export function getCloudflareArea(id: CloudflareAreaId): CloudflareArea {
  const area = CLOUDFLARE_AREAS.find(a => a.id === id);
  if (!area) {
    throw new Error(`Unknown Cloudflare product area '${id}'`);
  }
  return area;
}
