import request from 'supertest';
import {
  ALL_SECRET_CANARIES,
  DEMO_ACCOUNT_ID,
} from '@cloudflare-backstage/cloudflare-demo-account';
import {
  CLOUDFLARE_CONTRACTS,
  CloudflareContractedAreaId,
  CloudflareRouteContract,
  cloudflareReadPermissions,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  FORBIDDEN_CALLS,
  InvalidInput,
  ROUTE_EXAMPLES,
  RouteExample,
} from '../__fixtures__/routeExamples';
import { plantCanaries } from '../__testUtils__/canaries';
import { allPermissionsBut, useDemoBackend } from '../__testUtils__/harness';
import { ROUTE_DESCRIPTORS } from '.';

/*
 * What every read route must do, checked for each route of CLOUDFLARE_CONTRACTS through its
 * descriptor in ROUTE_DESCRIPTORS, with the inputs of __fixtures__/routeExamples.ts: a new area gets
 * these checks by adding its examples. The area's own test files hold only what is its own.
 */

jest.setTimeout(60_000);

const { demo, start } = useDemoBackend();

type Params = Record<string, string>;
interface Route {
  contract: CloudflareRouteContract;
  example: RouteExample<CloudflareRouteContract>;
}

const AREAS = Object.keys(ROUTE_DESCRIPTORS) as CloudflareContractedAreaId[];
/** Every route the backend answers: each descriptor of ROUTE_DESCRIPTORS with its contract. */
const ROUTES: Route[] = AREAS.flatMap(area =>
  Object.keys(ROUTE_DESCRIPTORS[area]).map(op => ({
    contract: (
      CLOUDFLARE_CONTRACTS[area] as Record<string, CloudflareRouteContract>
    )[op],
    example: (
      ROUTE_EXAMPLES[area] as Record<
        string,
        RouteExample<CloudflareRouteContract>
      >
    )[op],
  })),
);

/** The route's URL with `params` as given (already encoded, so hostile values stay as they are). */
const url = (contract: CloudflareRouteContract, params: Params, query = '') =>
  `/api/cloudflare${contract.path.replace(
    /:(\w+)/g,
    (_, name: string) => params[name],
  )}${query ? `?${query}` : ''}`;

/** Path values no parameter accepts: traversal, injection, upper case, markup. */
const HOSTILE_PATH_VALUES = [
  '..%2F..%2Fetc',
  "a'%20OR%201=1--",
  'ACME',
  '%3Cscript%3E',
];
/** Every route takes `?view=masked|unmasked` and nothing else for it. */
const INVALID_VIEWS: InvalidInput[] = [
  { query: 'view=raw', message: /query: view/ },
  { query: 'view[]=unmasked', message: /query: view/ },
];

/** A route's request: a `GET`, or a `POST` with `body` (by default the example's). */
function send(
  server: Parameters<typeof request>[0],
  { contract, example }: Route,
  path: string,
  body: unknown = example.body,
) {
  return contract.method === 'POST'
    ? request(server)
        .post(path)
        .send(body as object)
    : request(server).get(path);
}

/** Every input the route must refuse: hostile path values, bad views, and its own examples. */
function invalidUrls({
  contract,
  example,
}: Route): Array<[label: string, url: string, RegExp, body: unknown]> {
  const good = example.params[0] as Params;
  const names = [...contract.path.matchAll(/:(\w+)/g)].map(m => m[1]);
  const inputs: InvalidInput[] = [
    ...names.flatMap(name =>
      HOSTILE_PATH_VALUES.filter(
        v => !example.validPathValues?.includes(v),
      ).map(v => ({
        params: { [name]: v },
        message: new RegExp(`path: ${name}`),
      })),
    ),
    ...INVALID_VIEWS,
    ...(example.invalid ?? []),
  ];
  return inputs.map(i => {
    const path = url(contract, { ...good, ...i.params }, i.query);
    const body = 'body' in i ? JSON.stringify(i.body) : undefined;
    return [
      body ? `${path} with body ${body.slice(0, 100)}` : path,
      path,
      i.message,
      'body' in i ? i.body : example.body,
    ];
  });
}

describe.each(ROUTES)('$contract.id', route => {
  const { contract, example } = route;
  const permission = cloudflareReadPermissions[contract.area].name;
  const path = url(contract, example.params[0] as Params);

  it(`answers the envelope of its wire type to a holder of its area's read permission alone`, async () => {
    const { server } = await start({ allow: [permission] });
    const res = await send(server, route, path);
    expect(res.status).toBe(200);
    const { items, item, cursor, ...envelope } = res.body;
    expect(envelope).toEqual({
      account: DEMO_ACCOUNT_ID,
      area: contract.area,
      view: 'masked',
      masked: expect.any(Object),
      fetchedAt: expect.any(String),
    });
    expect(Array.isArray(items)).toBe(contract.shape === 'list');
    expect(item === undefined).toBe(contract.shape === 'list');
    expect(typeof (cursor ?? '')).toBe('string');
    const values: unknown[] = items ?? [item];
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) {
      expect(contract.wire.schema.safeParse(value).error).toBeUndefined();
    }
    for (const maskedPath of Object.keys(res.body.masked)) {
      expect(contract.wire.sensitive).toContain(maskedPath);
    }
  });

  it(`answers 403 JSON without its area's read permission, reading nothing`, async () => {
    const { server, audit } = await start({
      allow: allPermissionsBut(permission),
    });
    const res = await send(server, route, path);
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.body.error).toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining(permission),
    });
    expect(demo.state.totalCalls()).toBe(0);
    expect(audit).toEqual([]);
  });

  it('serves ?view=unmasked only with cloudflare.read.unmasked, audited, unmasking only sensitive paths', async () => {
    const { server, audit } = await start();
    const masked = await send(server, route, path);
    const clear = await send(server, route, `${path}?view=unmasked`);
    expect(clear.status).toBe(200);
    expect(clear.body.view).toBe('unmasked');
    expect(clear.body.masked).toEqual({});
    // Nothing masked in the masked view: the unmasked view answers the same values.
    const maskedValues = masked.body.items ?? masked.body.item;
    const nothingMasked = Object.keys(masked.body.masked).length === 0;
    expect(
      nothingMasked ? clear.body.items ?? clear.body.item : maskedValues,
    ).toEqual(maskedValues);
    // A route with its own audit event records every read; others only the unmasked one.
    const eventId = contract.auditEvent ?? 'unmasked-read';
    expect(audit.map(a => `${a.eventId}:${a.status}`)).toEqual([
      ...(contract.auditEvent
        ? [`${eventId}:initiated`, `${eventId}:succeeded`]
        : []),
      `${eventId}:initiated`,
      `${eventId}:succeeded`,
    ]);

    const denied = await start({
      allow: allPermissionsBut('cloudflare.read.unmasked'),
    });
    const refused = await send(denied.server, route, `${path}?view=unmasked`);
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toMatch(/json/);
    expect(refused.body.error.message).toContain('cloudflare.read.unmasked');
    expect(denied.audit).toEqual([]);
  });

  if (example.missing) {
    const { params, what, body } = example.missing as {
      params: Params;
      what: string;
      body?: unknown;
    };
    it('answers 404 JSON in its own words for what the account does not hold', async () => {
      const { server } = await start();
      const res = await send(server, route, url(contract, params), body);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/json/);
      expect(res.body.error).toEqual(
        expect.objectContaining({
          name: 'NotFoundError',
          message: `${what} was not found in the Cloudflare account`,
        }),
      );
      expect(res.text).not.toContain('could not be found');
    });
  }

  describe('bad input', () => {
    let server: Awaited<ReturnType<typeof start>>['server'];
    beforeAll(async () => {
      server = (await start()).server;
    });

    it.each(invalidUrls(route))(
      '%s -> 400 JSON before any call',
      async (_label, bad, message, body) => {
        const res = await send(server, route, bad, body);
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toMatch(/json/);
        expect(res.body.error).toMatchObject({
          name: 'InputError',
          message: expect.stringMatching(message),
        });
        expect(demo.state.totalCalls()).toBe(0);
      },
    );
  });
});

describe.each(AREAS)('%s routes', area => {
  it('never let a secret canary (the demo data holds them, more are planted) reach a response or a log line, in either view, nor make a forbidden call', async () => {
    const { absent, undo } = plantCanaries(demo.state, area);
    try {
      const { server, logLines } = await start();
      const bodies: string[] = [];
      for (const route of ROUTES) {
        const { contract, example } = route;
        if (contract.area !== area) continue;
        for (const params of example.params as Params[]) {
          for (const view of ['masked', 'unmasked']) {
            const res = await send(
              server,
              route,
              url(contract, params, `view=${view}`),
            );
            expect(res.status).toBe(200);
            bodies.push(res.text);
          }
        }
      }
      const everything = [...bodies, ...logLines].join('\n');
      for (const secret of [...ALL_SECRET_CANARIES, ...absent]) {
        expect(everything).not.toContain(secret);
      }
      const calls = Object.keys(demo.state.callCounts());
      expect(calls.length).toBeGreaterThan(0);
      for (const forbidden of FORBIDDEN_CALLS) {
        expect(calls.filter(c => forbidden.test(c))).toEqual([]);
      }
    } finally {
      undo();
    }
  });
});
