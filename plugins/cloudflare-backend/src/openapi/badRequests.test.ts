import request from 'supertest';
import { InvalidInput } from '../__fixtures__/routeExamples';
import { useDemoBackend } from '../__testUtils__/harness';
import {
  READ_ROUTES,
  answerProblems,
  documentAccepts,
  methodOf,
} from './__testUtils__/openapiContract';

/*
 * The document's parameter and body constraints are the ones the routes enforce: every input a
 * route refuses with 400 (the generic route test's hostile path values, bad views and each route's
 * own invalid examples; bad evidence and acceptance requests) is refused by the document too, and
 * every example input the routes accept is accepted by it. The one kind of refusal the document
 * cannot state is a descriptor's `check` (an SQL statement against an allow-list); those inputs
 * are still refused by the route, and the document's operation says the body is checked.
 */

jest.setTimeout(120_000);

const { demo, start } = useDemoBackend();

type Params = Record<string, string>;
type Bad = {
  label: string;
  method: 'get' | 'post';
  route: string;
  params?: Params;
  query?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Refused by a descriptor's `check`, which the document cannot state. */
  checked?: boolean;
};

/**
 * Refusals the document cannot state as JSON Schema: zod refinements across two fields (`from`
 * after `to`; a provenance body naming nothing). The routes refuse them (checked below).
 */
const crossField = (b: Bad) =>
  /(^|&)from=[^&]+&to=/.test(b.query ?? '') ||
  (b.route === '/v1/evidence/deployment-provenance' &&
    JSON.stringify(b.body) === '{}');

const HOSTILE_PATH_VALUES = ['../../etc', "a' OR 1=1--", 'ACME', '<script>'];
const INVALID_VIEWS = ['view=raw', 'view[]=unmasked'];

/** Every bad request of a read route, each from the good example with one part made bad. */
function readBadRequests({
  contract,
  example,
  check,
}: (typeof READ_ROUTES)[number]): Bad[] {
  const good = example.params[0] as Params;
  const names = [...contract.path.matchAll(/:(\w+)/g)].map(m => m[1]);
  const base = {
    method: methodOf(contract),
    route: contract.path,
    body: example.body,
  };
  const one = (i: InvalidInput): Bad => ({
    ...base,
    label: JSON.stringify(i),
    params: { ...good, ...i.params },
    query: i.query,
    ...('body' in i ? { body: i.body } : {}),
    // A body the schema accepts but the descriptor's check refuses.
    checked: check && 'body' in i,
  });
  return [
    ...names.flatMap(name =>
      HOSTILE_PATH_VALUES.filter(
        v => !example.validPathValues?.includes(v),
      ).map(v => one({ params: { [name]: v }, message: /path/ })),
    ),
    ...INVALID_VIEWS.map(query => one({ query, message: /view/ })),
    ...(example.invalid ?? []).map(one),
  ];
}

const UUID = '00000000-0000-4000-8000-000000000000';
const ALIAS = { 'X-Requested-With': 'XMLHttpRequest' };

/** Bad requests of the routes outside the read contracts, a few per input shape. */
const OTHER_BAD: Bad[] = (
  [
    ...['limit=0', 'limit=501', 'limit=x', 'kind=nope', 'before=0'].map(
      query => ({ method: 'get', route: '/v1/evidence', query }),
    ),
    ...['not-a-uuid', '1234'].map(id => ({
      method: 'get',
      route: '/v1/evidence/:id/download',
      params: { id },
    })),
    { method: 'get', route: '/v1/evidence/:id/verify', params: { id: 'x' } },
    ...['head=abc', `head=${'A'.repeat(64)}`].map(query => ({
      method: 'get',
      route: '/v1/evidence/:id/verify',
      params: { id: UUID },
      query,
    })),
    ...[
      'view=raw',
      'download=csv',
      'jurisdiction=mars',
      'bucket=NOT_A_BUCKET',
    ].map(query => ({
      method: 'post',
      route: '/v1/r2/lifecycle/export',
      query,
    })),
    {
      method: 'get',
      route: '/v1/r2/:bucket/lifecycle/export',
      params: { bucket: 'Bad_Bucket' },
      headers: ALIAS,
    },
    { method: 'get', route: '/v1/evidence/public-key', query: 'format=der' },
    { method: 'get', route: '/v1/evidence/:id/envelope', params: { id: 'x' } },
    {
      method: 'get',
      route: '/v1/zero-trust/export/audit',
      query: 'download=json',
    },
    ...[
      {},
      { workers: ['ACME'] },
      { pages: 'acme-web' },
      { workers: ['acme-api'], extra: 1 },
      { workers: Array.from({ length: 21 }, (_, i) => `w${i}`) },
    ].map(body => ({
      method: 'post',
      route: '/v1/evidence/deployment-provenance',
      body,
    })),
  ] as Omit<Bad, 'label'>[]
).map(b => ({ label: JSON.stringify(b), ...b }));

/** Sends a request with its path values encoded. */
function send(server: Parameters<typeof request>[0], bad: Bad) {
  const path = bad.route.replace(/:(\w+)/g, (_, n: string) =>
    encodeURIComponent(bad.params![n]),
  );
  let req = request(server)[bad.method](
    `/api/cloudflare${path}${bad.query ? `?${bad.query}` : ''}`,
  );
  for (const [k, v] of Object.entries(bad.headers ?? {})) req = req.set(k, v);
  return bad.body === undefined ? req : req.send(bad.body as object);
}

const ALL: Bad[] = [...READ_ROUTES.flatMap(readBadRequests), ...OTHER_BAD];

describe('bad requests are refused by the routes and by the document alike', () => {
  it('has bad requests of every route shape', () => {
    expect(ALL.length).toBeGreaterThan(150);
    expect(new Set(ALL.map(b => `${b.method} ${b.route}`)).size).toBe(
      READ_ROUTES.length + 9,
    );
  });

  it('the document refuses each one (bar a descriptor check and cross-field refinements)', () => {
    const accepted = ALL.filter(
      b =>
        !b.checked && !crossField(b) && documentAccepts(b.method, b.route, b),
    ).map(b => `${b.method} ${b.route} ${b.label}`);
    expect(accepted).toEqual([]);
  });

  it('the document accepts every example input the routes accept', () => {
    const refused = READ_ROUTES.flatMap(({ contract, example }) =>
      example.params.map(params => ({
        method: methodOf(contract),
        route: contract.path,
        params: params as Params,
        ...(example.body === undefined ? {} : { body: example.body }),
      })),
    )
      .filter(b => !documentAccepts(b.method, b.route, b))
      .map(b => `${b.method} ${b.route} ${JSON.stringify(b.params)}`);
    expect(refused).toEqual([]);
  });

  it('each route answers each one 400, in the documented error shape, calling nothing', async () => {
    const { server } = await start();
    const answers = [];
    for (const bad of ALL) {
      const res = await send(server, bad);
      answers.push({
        request: `${bad.method} ${bad.route} ${bad.label}`,
        status: res.status,
        problems: answerProblems(bad.method, bad.route, res.status, res.body),
      });
    }
    expect(answers.filter(a => a.status !== 400 || a.problems.length)).toEqual(
      [],
    );
    expect(demo.state.totalCalls()).toBe(0);
  });
});
