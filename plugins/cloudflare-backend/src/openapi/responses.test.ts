import request from 'supertest';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { parseFault } from '@cloudflare-backstage/cloudflare-demo-account';
import { CLOUDFLARE_CONTRACTS } from '@cloudflare-backstage/plugin-cloudflare-common';
import { useDemoBackend } from '../__testUtils__/harness';
import { demoCatalog } from '../acceptance/__fixtures__/demoCatalog';
import {
  DOC,
  READ_ROUTES,
  answerProblems,
  methodOf,
} from './__testUtils__/openapiContract';
import { openApiPath } from './document';

/*
 * Real answers of the demo account, for every route the router registers, validate against the
 * OpenAPI document the router serves (ajv, draft 2020-12): every read route with every example
 * input of the generic route test, masked and unmasked; the evidence routes, acceptance, health
 * and the document itself; and error answers of each status a route documents.
 */

jest.setTimeout(120_000);

const { demo, start } = useDemoBackend();
const BASE = '/api/cloudflare';

type Server = Parameters<typeof request>[0];

/** `METHOD /path` of every operation whose success answer was validated. */
const exercised = new Set<string>();

/** Tech Insights' bulk run, for the OSCAL export: the access audit check passes for every entity. */
const techInsights = setupServer(
  http.post('*/api/tech-insights/checks/run', async ({ request: req }) => {
    const { entities } = (await req.json()) as { entities: string[] };
    return HttpResponse.json(
      entities.map(entity => ({
        entity,
        results: [
          {
            check: { id: 'cloudflareAccessAuditLog24h', name: 'Audit log' },
            result: true,
          },
        ],
      })),
    );
  }),
);
beforeAll(() => techInsights.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => techInsights.close());

type Params = Record<string, string>;

const fill = (path: string, params: Params) =>
  path.replace(/:(\w+)/g, (_, n: string) => encodeURIComponent(params[n]));

/** Sends a request and expects its answer to conform to the document for `route`. */
async function conforming(
  server: Server,
  method: 'get' | 'post',
  route: string,
  url: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
) {
  let req = request(server)[method](`${BASE}${url}`);
  for (const [k, v] of Object.entries(options.headers ?? {}))
    req = req.set(k, v);
  const res = await (options.body === undefined
    ? req
    : req.send(options.body as object));
  const body =
    res.type === 'application/json' ? JSON.parse(res.text) : res.text;
  expect({
    request: `${method.toUpperCase()} ${url}`,
    status: res.status,
    problems: answerProblems(method, route, res.status, body, res.headers),
  }).toEqual({
    request: `${method.toUpperCase()} ${url}`,
    status: res.status,
    problems: [],
  });
  if (res.status < 300) {
    exercised.add(`${method.toUpperCase()} ${openApiPath(route)}`);
  }
  return { status: res.status, body };
}

describe('answers of the demo account conform to the OpenAPI document', () => {
  it.each(READ_ROUTES.map(r => [r.contract.id, r] as const))(
    '%s, masked and unmasked, with every example input',
    async (_id, { contract, example }) => {
      const { server } = await start();
      const method = methodOf(contract);
      for (const params of example.params) {
        for (const view of ['masked', 'unmasked']) {
          const url = `${fill(contract.path, params as Params)}?view=${view}`;
          const { status } = await conforming(
            server,
            method,
            contract.path,
            url,
            {
              body: example.body,
            },
          );
          expect(status).toBe(200);
        }
      }
    },
  );

  it.each(
    READ_ROUTES.filter(r => r.example.missing).map(
      r => [r.contract.id, r] as const,
    ),
  )('%s: 404 for an unknown resource', async (_id, { contract, example }) => {
    const { server } = await start();
    const missing = example.missing!;
    const url = fill(contract.path, missing.params as Params);
    const { status } = await conforming(
      server,
      methodOf(contract),
      contract.path,
      url,
      { body: missing.body ?? example.body },
    );
    expect(status).toBe(404);
  });

  it('answers errors in the documented shape: 400, 401, 403 and an upstream fault', async () => {
    const { server } = await start({ allow: 'none' });
    const kv = CLOUDFLARE_CONTRACTS.kv.keys;
    const denied = await conforming(
      server,
      'get',
      kv.path,
      fill(kv.path, { namespace: 'a'.repeat(32) }),
    );
    expect(denied.status).toBe(403);
    const bad = await conforming(server, 'get', kv.path, '/v1/kv/nope/keys');
    expect(bad.status).toBe(400);
    const unsigned = await request(server)
      .get('/api/cloudflare/openapi.json')
      .set('Authorization', 'Bearer not-a-backstage-token');
    expect(unsigned.status).toBe(401);
    expect(answerProblems('get', '/openapi.json', 401, unsigned.body)).toEqual(
      [],
    );
    const { server: allowed } = await start();
    demo.state.addFault({ fault: parseFault('server-error:503')! });
    const workers = CLOUDFLARE_CONTRACTS.workers.deployments;
    const fault = await conforming(
      allowed,
      'get',
      workers.path,
      fill(workers.path, { script: 'acme-api' }),
    );
    expect([502, 503, 504]).toContain(fault.status);
  });

  it('evidence: every export route (record and file), the list, download, verify, the key, an envelope, a diff and the OSCAL export', async () => {
    const { server } = await start({
      features: [
        catalogServiceMock.factory({ entities: demoCatalog(demo.state.data) }),
      ],
    });
    const exports: Array<[string, string, unknown?]> = [
      ['/v1/zero-trust/export/audit', '/v1/zero-trust/export/audit'],
      ['/v1/r2/lifecycle/export', '/v1/r2/lifecycle/export?jurisdiction=eu'],
      [
        '/v1/evidence/deployment-provenance',
        '/v1/evidence/deployment-provenance',
        { workers: ['acme-api'], pages: ['acme-web'] },
      ],
    ];
    for (const [route, url, body] of exports) {
      const record = await conforming(server, 'post', route, url, { body });
      expect(record.status).toBe(201);
      const sep = url.includes('?') ? '&' : '?';
      const file = await conforming(
        server,
        'post',
        route,
        `${url}${sep}download=json`,
        {
          body,
        },
      );
      expect(file.status).toBe(200);
    }
    const headers = { 'X-Requested-With': 'XMLHttpRequest' };
    for (const [route, url] of [
      [
        '/v1/zero-trust/export/audit',
        '/v1/zero-trust/export/audit?download=json',
      ],
      [
        '/v1/r2/:bucket/lifecycle/export',
        '/v1/r2/acme-prod-artifacts/lifecycle/export?download=json',
      ],
    ]) {
      expect(
        (await conforming(server, 'get', route, url, { headers })).status,
      ).toBe(200);
    }
    const list = await conforming(
      server,
      'get',
      '/v1/evidence',
      '/v1/evidence?limit=2',
    );
    expect(list.body.items).toHaveLength(2);
    expect(list.body.nextBefore).toBeDefined();
    const { id, chainSha256 } = list.body.items[0];
    const download = await conforming(
      server,
      'get',
      '/v1/evidence/:id/download',
      `/v1/evidence/${id}/download`,
    );
    expect(download.status).toBe(200);
    const verify = await conforming(
      server,
      'get',
      '/v1/evidence/:id/verify',
      `/v1/evidence/${id}/verify?head=${chainSha256}`,
    );
    expect(verify.body).toMatchObject({ valid: true, head: { found: true } });
    const same = await conforming(
      server,
      'get',
      '/v1/evidence/diff',
      `/v1/evidence/diff?from=${id}&to=${id}`,
    );
    expect(same.body).toMatchObject({ added: [], removed: [], changed: [] });
    for (const url of [
      '/v1/evidence/public-key',
      '/v1/evidence/public-key?format=pem',
    ]) {
      const key = await conforming(
        server,
        'get',
        '/v1/evidence/public-key',
        url,
      );
      expect(key.status).toBe(200);
    }
    const envelope = await conforming(
      server,
      'get',
      '/v1/evidence/:id/envelope',
      `/v1/evidence/${id}/envelope`,
    );
    expect(envelope.body.signatures).toHaveLength(1);
    const r2 = await conforming(
      server,
      'get',
      '/v1/evidence',
      '/v1/evidence?kind=r2-lifecycle',
    );
    const [to, from] = r2.body.items.map((i: { id: string }) => i.id);
    const diff = await conforming(
      server,
      'get',
      '/v1/evidence/diff',
      `/v1/evidence/diff?from=${from}&to=${to}`,
    );
    expect(diff.status).toBe(200);
    const oscal = await conforming(
      server,
      'get',
      '/v1/evidence/oscal',
      '/v1/evidence/oscal',
    );
    expect(oscal.status).toBe(200);
    const missing = await conforming(
      server,
      'get',
      '/v1/evidence/:id/verify',
      '/v1/evidence/00000000-0000-4000-8000-000000000000/verify',
    );
    expect(missing.status).toBe(404);
  });

  it('acceptance, health and the document itself', async () => {
    const { server } = await start({
      features: [
        catalogServiceMock.factory({ entities: demoCatalog(demo.state.data) }),
      ],
    });
    const acceptance = await conforming(
      server,
      'get',
      '/v1/acceptance',
      '/v1/acceptance',
    );
    expect(acceptance.body.criteria).toHaveLength(6);
    expect((await conforming(server, 'get', '/health', '/health')).status).toBe(
      200,
    );
    const doc = await conforming(
      server,
      'get',
      '/openapi.json',
      '/openapi.json',
    );
    expect(doc.body.openapi).toBe('3.1.0');
  });

  it('has validated a success answer of every documented operation', () => {
    const operations = Object.entries(
      DOC.paths as Record<string, Record<string, unknown>>,
    ).flatMap(([path, item]) =>
      Object.keys(item).map(m => `${m.toUpperCase()} ${path}`),
    );
    expect(operations.filter(o => !exercised.has(o))).toEqual([]);
  });
});
