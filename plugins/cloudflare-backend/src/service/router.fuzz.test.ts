// A running PostgreSQL (127.0.0.1:5432, trust auth) instead of docker; set before TestDatabases.create.
process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??=
  'postgresql://postgres@127.0.0.1:5432';

import request from 'supertest';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import {
  DEMO_ACCOUNT_ID,
  DEMO_API_TOKEN,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { useServedDemoAccount } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';
import {
  CLOUDFLARE_ROUTES,
  cloudflarePermissions,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { ROUTE_EXAMPLES } from '../__fixtures__/routeExamples';
import { startPlugin } from '../__testUtils__/harness';
import { createRouter } from './router';
import { RouteContext } from './context';

/*
 * The route fuzzer: every route the router registers (read from the router itself, so a new route
 * is fuzzed without editing this file), each path parameter, query key and body replaced in turn by
 * hostile values, as users of each group and as a service principal, on SQLite and PostgreSQL.
 * Nothing may answer 5xx, and every 4xx must be a JSON `@backstage/errors` body.
 */

jest.setTimeout(120_000);

const demo = useServedDemoAccount();
const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const UUID = '00000000-0000-4000-8000-000000000000';
/**
 * A valid value for each path parameter, so the others can be fuzzed one at a time: the first
 * example of every read route, and an evidence id.
 */
const GOOD_PARAMS: Record<string, string> = Object.assign(
  { id: UUID },
  ...Object.values(ROUTE_EXAMPLES).flatMap(area =>
    Object.values(area).map(route => route.params[0]),
  ),
);
const GOOD_BODY = { workers: ['acme-api'], pages: ['acme-web'] };
/** The example body of each read route that takes one (by path); other `POST` routes get GOOD_BODY. */
const EXAMPLE_BODIES = new Map<string, unknown>(
  CLOUDFLARE_ROUTES.flatMap(route => {
    const op = route.id.slice(route.id.indexOf('.') + 1);
    const example = (
      ROUTE_EXAMPLES as Record<string, Record<string, { body?: unknown }>>
    )[route.area]?.[op];
    return example?.body ? [[route.path, example.body] as const] : [];
  }),
);

/** Huge, negative, fractional, out of range, empty, control, traversal, bad encoding, injection. */
const HOSTILE: string[] = [
  'a'.repeat(5000),
  '-1',
  '1.5',
  '1e309',
  '',
  '%00',
  '..%2F..%2Fetc%2Fpasswd',
  '%E0%A4%A',
  "'%20OR%201=1--",
];
/** Query suffixes per key: hostile values, then arrays and objects. */
const querySuffixes = (key: string) => [
  ...HOSTILE.map(v => `${key}=${v}`),
  `${key}=1&${key}=2`,
  `${key}[a][b]=c`,
];
const QUERY_KEYS = [
  'view',
  'limit',
  'cursor',
  'from',
  'to',
  'actor',
  'action',
  'target',
  'download',
  'before',
  'kind',
  'jurisdiction',
  'unknown',
];
/** Raw bodies: [content-type, text]. */
const BODIES: Array<[string, string]> = [
  ['application/json', '{"workers":'],
  ['application/json', '[]'],
  ['application/json', '"x"'],
  ['application/json', '-1'],
  ['application/json', 'null'],
  ['application/json', JSON.stringify({ workers: ['a'.repeat(5000)] })],
  ['application/json', JSON.stringify({ workers: [1.5, -1] })],
  ['application/json', JSON.stringify({ workers: { a: 1 } })],
  ['application/json', JSON.stringify({ __proto__: { admin: true } })],
  ['application/json', `{"workers":[${'"a",'.repeat(20000)}"a"]}`],
  ['application/json', `${'['.repeat(5000)}${']'.repeat(5000)}`],
  ['application/json', JSON.stringify({ sql: 'SELECT '.repeat(2000) })],
  ['application/json', JSON.stringify({ sql: ['SELECT 1'] })],
  ['application/json', JSON.stringify({ sql: "SELECT 1'; --\u0000" })],
  ['application/json; charset=latin-9', '{}'],
  ['text/plain', 'workers=acme-api'],
];

type Route = { method: 'get' | 'post'; path: string };

/** Every route the plugin's router registers. */
async function registeredRoutes(): Promise<Route[]> {
  const router = await createRouter({
    evidenceMaxScope: 20,
    trustedServices: new Set(),
  } as unknown as RouteContext);
  const routes: Route[] = [];
  for (const layer of (router as any).stack) {
    if (!layer.route) continue;
    for (const method of Object.keys(layer.route.methods)) {
      routes.push({
        method: method as Route['method'],
        path: layer.route.path,
      });
    }
  }
  return routes;
}

/** The requests of one route: [label, method, url, body?]. */
function inputsOf(route: Route) {
  const params = [...route.path.matchAll(/:(\w+)/g)].map(m => m[1]);
  const fill = (bad?: [string, string]) =>
    `/api/cloudflare${route.path.replace(/:(\w+)/g, (_, p) =>
      bad && bad[0] === p ? bad[1] : GOOD_PARAMS[p] ?? 'x',
    )}`;
  const out: Array<{ url: string; body?: [string, string] }> = [];
  for (const p of params) {
    for (const v of HOSTILE) out.push({ url: fill([p, v || '%20']) });
  }
  for (const key of QUERY_KEYS) {
    for (const q of querySuffixes(key)) out.push({ url: `${fill()}?${q}` });
  }
  if (route.method === 'post') {
    for (const body of BODIES) out.push({ url: fill(), body });
  }
  return out;
}

const all = cloudflarePermissions.map(p => p.name);
const readOnly = all.filter(
  n =>
    ![
      'cloudflare.read.zerotrust',
      'cloudflare.export.evidence',
      'cloudflare.read.unmasked',
    ].includes(n),
);
/**
 * The callers. Inputs are validated before permissions are asked, so the first caller gets every
 * input (every second on PostgreSQL, which only the evidence routes reach) and the others every
 * `sample`-th, which keeps the file near a minute.
 */
const CALLERS: Array<{
  name: string;
  allow: string[];
  header?: string;
  sample: number;
}> = [
  { name: 'a security user', allow: all, sample: 1 },
  { name: 'an engineering user', allow: readOnly, sample: 6 },
  { name: 'a user with no permission', allow: [], sample: 6 },
  {
    name: 'a service principal',
    allow: all,
    header: mockCredentials.service.header(),
    sample: 6,
  },
];

describe.each(databases.eachSupportedId())('route fuzzer on %p', dbId => {
  it.each(CALLERS)(
    'answers $name with no 5xx and only JSON 4xx on every path',
    async caller => {
      const sample =
        caller.sample === 1 && dbId !== 'SQLITE_3' ? 2 : caller.sample;
      const routes = await registeredRoutes();
      expect(routes.length).toBeGreaterThanOrEqual(9);
      const { server } = await startPlugin({
        knex: await databases.init(dbId),
        allow: caller.allow,
        config: {
          cloudflare: {
            accountId: DEMO_ACCOUNT_ID,
            apiToken: DEMO_API_TOKEN,
            apiBaseUrl: demo.baseUrl,
            fetch: { timeoutMs: 2000, maxRetries: 0 },
            // Thousands of fuzzed exports, each reading every bucket, would spend Cloudflare's
            // 1,200 calls / 5 min and rightly answer 503 (budget); the fuzzer is about input.
            budget: { calls: 1_000_000 },
          },
        },
      });
      const failures: string[] = [];
      let sent = 0;
      for (const route of routes) {
        const inputs: Array<{
          url: string;
          body?: [string, string];
          method?: 'put' | 'delete';
        }> = [
          ...inputsOf(route).filter((_, i) => i % sample === 0),
          { url: `/api/cloudflare${route.path}/extra` },
          { url: `/api/cloudflare${route.path}`, method: 'put' },
          { url: `/api/cloudflare${route.path}`, method: 'delete' },
        ];
        for (const input of inputs) {
          const method = input.method ?? route.method;
          let r = request(server)[method](input.url);
          if (caller.header) r = r.set('Authorization', caller.header);
          if (input.body) {
            r = r.set('Content-Type', input.body[0]).send(input.body[1]);
          } else if (method === 'post') {
            r = r.send((EXAMPLE_BODIES.get(route.path) ?? GOOD_BODY) as object);
          }
          const res = await r;
          sent += 1;
          const label = `${method.toUpperCase()} ${input.url.slice(0, 120)}${
            input.body ? ` body ${input.body[1].slice(0, 40)}` : ''
          }`;
          if (res.status >= 500) failures.push(`${res.status} ${label}`);
          if (
            res.status >= 400 &&
            !(
              /json/.test(res.headers['content-type'] ?? '') &&
              typeof res.body?.error?.name === 'string'
            )
          ) {
            failures.push(`${res.status} non-JSON ${label}`);
          }
        }
      }
      expect(failures).toEqual([]);
      expect(sent).toBeGreaterThan((routes.length * 100) / sample);
    },
  );
});
