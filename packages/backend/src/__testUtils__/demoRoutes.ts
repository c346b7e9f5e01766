import {
  CLOUDFLARE_AREAS,
  CLOUDFLARE_ROUTES,
  CloudflareAreaId,
  CloudflareRouteContract,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { DemoAccountServer } from '@cloudflare-backstage/cloudflare-demo-account';
import { DEMO_USERS, DemoUser } from '../demo/demoBackend';

type DemoData = DemoAccountServer['state']['data'];

/** One read of a route naming what the demo account holds: path parameters, and a query if any. */
export interface DemoRead {
  params?: Record<string, string>;
  query?: string;
  /** The request body of a `POST` read route. */
  body?: unknown;
}

/**
 * A read of every route contract of the suite, by route id, naming demo account data. The generic
 * matrix test fails for a route without a line here, so a new area's routes join the running demo's
 * checks the moment its contract exists.
 */
export const DEMO_READS: Record<string, (data: DemoData) => DemoRead> = {
  'workers.deployments': () => ({ params: { script: 'acme-api' } }),
  'pages.deployments': () => ({ params: { project: 'acme-web' } }),
  'zeroTrust.users': () => ({}),
  'zeroTrust.accessAudit': () => ({}),
  'kv.namespaces': () => ({}),
  'kv.keys': data => ({
    params: { namespace: kvId(data, 'acme-cache') },
    query: 'limit=100',
  }),
  'kv.sample': data => ({ params: { namespace: kvId(data, 'acme-config') } }),
  'd1.databases': () => ({}),
  'd1.metadata': data => ({
    params: { db: data.d1.databases.find(d => d.name === 'acme-core')!.uuid },
  }),
  'r2.buckets': () => ({}),
  'r2.lifecycle': () => ({ params: { bucket: 'acme-prod-artifacts' } }),
  'queues.queues': () => ({}),
  'queues.metrics': () => ({ params: { name: 'acme-events' } }),
  'aiGateway.gateways': () => ({}),
  'aiGateway.config': () => ({ params: { name: 'acme-ai-gateway' } }),
  'aiGateway.metrics': () => ({ params: { name: 'acme-ai-gateway' } }),
  'vectorize.indexes': () => ({}),
  'vectorize.stats': () => ({ params: { index: 'acme-idx-main' } }),
  'analyticsEngine.datasets': () => ({}),
  'analyticsEngine.query': () => ({
    params: { dataset: 'acme_analytics' },
    body: {
      sql: "SELECT timestamp, blob1 AS path, double1 FROM acme_analytics WHERE timestamp > NOW() - INTERVAL '1' DAY LIMIT 20",
    },
  }),
  'secretsStore.stores': () => ({}),
  'secretsStore.metadata': data => ({
    params: { store: data.secretsStore.stores[0].id },
  }),
  'workflows.workflows': () => ({}),
  'workflows.runs': () => ({ params: { name: 'acme-etl' } }),
  'durableObjects.classes': () => ({}),
  'durableObjects.metrics': () => ({
    params: { class: 'SessionCoordinator' },
  }),
  'aiSearch.indexes': () => ({}),
  'aiSearch.health': () => ({ params: { index: 'acme-site-index' } }),
  'hyperdrive.configs': () => ({}),
  'containers.services': () => ({}),
  'containers.status': () => ({ params: { service: 'acme-containers' } }),
  'browserRendering.pools': () => ({}),
  'browserRendering.quotas': () => ({}),
};

function kvId(data: DemoData, title: string): string {
  return data.kv.namespaces.find(n => n.title === title)!.id;
}

/** A route of the running demo: its contract, its method and path, and the request body if any. */
export interface DemoRoute {
  route: CloudflareRouteContract;
  method: string;
  path: string;
  body?: string;
}

/**
 * Every route contract as a call into the running demo (`/api/cloudflare` + the contract's path with
 * the demo read's parameters). Throws for a route without a demo read.
 */
export function demoRoutes(account: DemoAccountServer): DemoRoute[] {
  return CLOUDFLARE_ROUTES.map(route => {
    const read = DEMO_READS[route.id];
    if (!read) {
      throw new Error(
        `route ${route.id} has no demo read: add one to DEMO_READS (packages/backend/src/__testUtils__/demoRoutes.ts)`,
      );
    }
    const { params = {}, query, body } = read(account.state.data);
    const path = route.path.replace(/:(\w+)/g, (_, name: string) =>
      encodeURIComponent(params[name]),
    );
    const method = route.method ?? 'GET';
    return {
      route,
      method,
      path: `/api/cloudflare${path}${query ? `?${query}` : ''}`,
      body: body === undefined ? undefined : JSON.stringify(body),
    };
  });
}

/**
 * The spec's permission matrix (section 5), written out as the spec has it rather than read from the
 * policy under test: security and platform read every area; engineering and readers every area but
 * Zero Trust and the Secrets Store.
 */
const NOT_FOR_EVERYONE: CloudflareAreaId[] = ['zeroTrust', 'secretsStore'];

/** Whether the spec's matrix lets a demo user read an area. */
export function mayRead(user: DemoUser, area: CloudflareAreaId): boolean {
  const group = DEMO_USERS[user];
  return (
    group === 'security' ||
    group === 'platform' ||
    !NOT_FOR_EVERYONE.includes(area)
  );
}

/** Every area of the registry, for checks that each has entities. */
export const AREA_IDS = CLOUDFLARE_AREAS.map(a => a.id);
