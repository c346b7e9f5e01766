import { z } from 'zod';
import {
  CLOUDFLARE_AREAS,
  CLOUDFLARE_CONTRACTS,
  CLOUDFLARE_ROUTES,
  cloudflareReadPermissions,
  cloudflarePermissions,
  cloudflareRoutePath,
  cloudflareTagLabel,
  boundedIntParam,
  isoTimestampParam,
  r2BucketResourceName,
  workerScriptNameParam,
} from '../index';

/** The zod schema at a wire path (`actor.email`, `keys[].name`), through optional, nullable and array wrappers. */
function schemaAt(schema: z.ZodType, path: string): z.ZodType | undefined {
  const unwrap = (s: z.ZodType): z.ZodType => {
    const def = (s as any)._zod.def;
    return ['optional', 'nullable', 'default'].includes(def.type)
      ? unwrap(def.innerType)
      : s;
  };
  let current: z.ZodType | undefined = schema;
  for (const segment of path.split('.')) {
    if (!current) return undefined;
    const isList = segment.endsWith('[]');
    const key = isList ? segment.slice(0, -2) : segment;
    const def: any = (unwrap(current) as any)._zod.def;
    if (def.type !== 'object') return undefined;
    current = def.shape[key];
    if (current && isList) {
      const inner: any = (unwrap(current) as any)._zod.def;
      current = inner.type === 'array' ? inner.element : undefined;
    }
  }
  return current;
}

describe('the wire contract', () => {
  it('lists every route once, under its area, at a /v1 path of its own', () => {
    const ids = CLOUDFLARE_ROUTES.map(r => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const paths = CLOUDFLARE_ROUTES.map(r => r.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const [area, routes] of Object.entries(CLOUDFLARE_CONTRACTS)) {
      expect(CLOUDFLARE_AREAS.map(a => a.id)).toContain(area);
      for (const route of Object.values(routes)) {
        expect(route.area).toBe(area);
        expect(route.id.startsWith(`${area}.`)).toBe(true);
        expect(route.path).toMatch(/^\/v1\//);
      }
    }
  });

  it('declares a schema for exactly the parameters of each path', () => {
    for (const route of CLOUDFLARE_ROUTES) {
      const inPath = [...route.path.matchAll(/:([A-Za-z0-9_]+)/g)].map(
        m => m[1],
      );
      const declared = Object.keys((route.params as any)._zod.def.shape);
      expect(declared.sort()).toEqual(inPath.sort());
    }
  });

  it('gives a body schema to exactly the POST routes, and kebab-case audit events', () => {
    const posts = CLOUDFLARE_ROUTES.filter(r => r.method === 'POST');
    expect(posts.map(r => r.id)).toContain('analyticsEngine.query');
    for (const route of CLOUDFLARE_ROUTES) {
      expect({ route: route.id, body: route.body !== undefined }).toEqual({
        route: route.id,
        body: route.method === 'POST',
      });
    }
    const events = CLOUDFLARE_ROUTES.flatMap(r => r.auditEvent ?? []);
    expect(events).toContain('analytics-engine-query');
    for (const event of events) expect(event).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('names only sensitive paths that exist in the wire type', () => {
    for (const route of CLOUDFLARE_ROUTES) {
      for (const path of route.wire.sensitive) {
        expect({
          route: route.id,
          path,
          found: !!schemaAt(route.wire.schema, path),
        }).toEqual({ route: route.id, path, found: true });
      }
    }
  });

  it('gives every area with routes a registered read permission', () => {
    for (const area of Object.keys(CLOUDFLARE_CONTRACTS)) {
      const permission =
        cloudflareReadPermissions[
          area as keyof typeof cloudflareReadPermissions
        ];
      expect(cloudflarePermissions).toContain(permission);
    }
  });
});

describe('cloudflareRoutePath', () => {
  const route = CLOUDFLARE_CONTRACTS.workers.deployments;

  it('fills and encodes the parameters', () => {
    expect(cloudflareRoutePath(route, { script: 'a/b c' })).toBe(
      '/v1/workers/a%2Fb%20c/deployments',
    );
  });

  it('refuses a missing parameter', () => {
    expect(() => cloudflareRoutePath(route, {})).toThrow(
      "Missing route parameter 'script'",
    );
  });
});

describe('parameter schemas', () => {
  it('accepts Worker script names as Cloudflare does, and nothing else', () => {
    expect(workerScriptNameParam.safeParse('acme-api').success).toBe(true);
    for (const bad of ['', 'Acme', '../etc', 'a'.repeat(64), '-x']) {
      expect(workerScriptNameParam.safeParse(bad).success).toBe(false);
    }
  });

  it('normalizes timestamps to UTC and refuses impossible dates', () => {
    expect(isoTimestampParam.parse('2026-01-31T10:00:00+02:00')).toBe(
      '2026-01-31T08:00:00.000Z',
    );
    expect(isoTimestampParam.safeParse('2026-02-31').success).toBe(false);
  });

  it('bounds integers and applies the default', () => {
    const limit = boundedIntParam(50, 10);
    expect(limit.parse(undefined)).toBe(10);
    expect(limit.parse('25')).toBe(25);
    for (const bad of ['0', '51', '2.5', 'x']) {
      expect(limit.safeParse(bad).success).toBe(false);
    }
  });
});

describe('names', () => {
  it('names R2 buckets outside the default jurisdiction by jurisdiction', () => {
    expect(r2BucketResourceName('logs')).toBe('logs');
    expect(r2BucketResourceName('logs', 'default')).toBe('logs');
    expect(r2BucketResourceName('logs', 'eu')).toBe('eu/logs');
  });

  it('puts a Cloudflare tag under the suite label prefix', () => {
    expect(cloudflareTagLabel('data-class')).toBe(
      'cloudflare.com/tag-data-class',
    );
  });
});
