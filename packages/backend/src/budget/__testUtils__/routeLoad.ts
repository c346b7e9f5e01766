import { DemoAccountData } from '@cloudflare-backstage/cloudflare-demo-account';

/**
 * Reads of the `cloudflare` plugin over the resources of a demo account: one per resource of six
 * areas (each a distinct cache key, so each needs its own upstream call) and the areas' lists.
 */
export function routeReads(data: DemoAccountData): string[] {
  return [
    ...data.workers.scripts.map(s => `/v1/workers/${s.id}/deployments`),
    ...data.pages.projects.map(p => `/v1/pages/${p.name}/deployments`),
    ...data.d1.databases.map(d => `/v1/d1/${d.uuid}/metadata`),
    ...data.r2.buckets.map(b => `/v1/r2/${b.bucket.name}/lifecycle`),
    ...data.kv.namespaces.map(n => `/v1/kv/${n.id}/keys`),
    ...data.vectorize.indexes.map(i => `/v1/vectorize/${i.index.name}/stats`),
    '/v1/kv/namespaces',
    '/v1/d1/databases',
    '/v1/r2/buckets',
    '/v1/vectorize/indexes',
    '/v1/queues',
    '/v1/workflows',
  ];
}

/** One answer of a route. */
export interface RouteAnswer {
  path: string;
  status: number;
  retryAfter: string | null;
  body: any;
}

/** What a load of route requests got. */
export interface RouteTally {
  answers: RouteAnswer[];
  /** Answers per HTTP status. */
  byStatus: Record<string, number>;
}

/**
 * Sends every read of `paths` to the backend at `baseUrl` (`/api/cloudflare` prefixed) `waves`
 * times, all reads of a wave at once, waiting `pauseMs` between waves (a wave that fails for
 * budget is asked again later, a fresh answer is served from the cache).
 */
export async function loadRoutes(options: {
  baseUrl: string;
  paths: string[];
  waves: number;
  pauseMs: number;
}): Promise<RouteTally> {
  const answers: RouteAnswer[] = [];
  const one = async (path: string) => {
    const res = await fetch(`${options.baseUrl}/api/cloudflare${path}`);
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // kept as text: the assertion prints it
    }
    answers.push({
      path,
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      body,
    });
  };
  for (let wave = 0; wave < options.waves; wave++) {
    if (wave > 0) await new Promise(r => setTimeout(r, options.pauseMs));
    await Promise.all(options.paths.map(one));
  }
  const byStatus: Record<string, number> = {};
  for (const a of answers) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
  return { answers, byStatus };
}
