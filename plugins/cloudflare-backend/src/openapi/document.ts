import { CLOUDFLARE_AREAS } from '@cloudflare-backstage/plugin-cloudflare-common';
import { z } from 'zod';
import { SUITE } from '../service/config';
import {
  DocumentedErrorStatus,
  DocumentedRoute,
  documentedRoutes,
} from './routes';
import { errorResponseSchema } from './schemas';

/** A JSON Schema (draft 2020-12, OpenAPI 3.1's dialect) or any other part of the document. */
export type JsonObject = { [key: string]: unknown };

const TARGET = 'draft-2020-12';

/** The `Retry-After` header of a 503: whole seconds. */
const RETRY_AFTER = {
  'Retry-After': {
    description:
      "Seconds to wait before retrying: Cloudflare's own Retry-After, else the account's circuit breaker's, else 30.",
    schema: { type: 'integer', minimum: 1 },
  },
};
const SCHEMAS = '#/components/schemas/';
const SECURITY = 'BackstageToken';

const ERRORS: Record<DocumentedErrorStatus, string> = {
  400: 'Invalid input: the message names the part (path, query, body) and each bad field.',
  401: 'No valid Backstage token.',
  403: 'The caller lacks the permission the message names.',
  404: 'Not found: no such resource in the Cloudflare account, snapshot or route.',
  502: 'Cloudflare refused the configured token or answered in a shape the suite cannot read.',
  503: 'Cloudflare (or the evidence store) is unavailable or rate-limited, the call budget of the account is spent for now, or its circuit breaker is open, and no earlier answer is kept (a read with a kept answer answers 200 with `stale: true` instead). `Retry-After` says when to try again, when known.',
  504: 'Cloudflare did not answer in time.',
};

/**
 * A schema as JSON Schema without its `$schema` (the document names the dialect once) and the
 * `$id` zod gives a registry's schemas (its place in the document is its name).
 */
function withoutDialect(schema: object): JsonObject {
  const { $schema: _dialect, $id: _id, ...rest } = schema as JsonObject;
  return rest;
}

/** The JSON Schema of what a request part may be: zod's input side (before defaults and coercion). */
function inputSchema(schema: z.ZodType): JsonObject {
  return withoutDialect(
    z.toJSONSchema(schema, { target: TARGET, io: 'input' }),
  );
}

/** One parameter per property of an object schema: `path`, `query` or `header`. */
function parameters(
  schemas: z.ZodType[],
  place: 'path' | 'query' | 'header',
  path: string,
): JsonObject[] {
  return schemas.flatMap(s => {
    const json = inputSchema(s);
    const required = new Set((json.required as string[] | undefined) ?? []);
    return Object.entries((json.properties ?? {}) as Record<string, JsonObject>)
      .filter(([name]) => place !== 'path' || path.includes(`:${name}`))
      .map(([name, schema]) => ({
        name,
        in: place,
        required: place === 'path' || required.has(name),
        schema,
      }));
  });
}

/** `/v1/kv/:namespace/keys` -> `/v1/kv/{namespace}/keys`. */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/** Names every answer's schema (and each wire type) in one registry, so answers `$ref` them. */
function schemaRegistry(routes: DocumentedRoute[]) {
  const registry = z.registry<{ id: string }>();
  const add = (schema: z.ZodType, id: string) => {
    const known = registry.get(schema)?.id;
    if (known && known !== id) {
      throw new Error(`Schema named both ${known} and ${id}`);
    }
    if (!known) registry.add(schema, { id });
  };
  add(errorResponseSchema, 'ErrorResponse');
  for (const route of routes) {
    for (const r of route.responses) {
      add(r.schema, r.name);
      for (const [id, part] of Object.entries(r.parts ?? {})) add(part, id);
    }
  }
  return registry;
}

/** The answers of a route by status, each status with the content types it answers. */
function answers(route: DocumentedRoute): Array<[string, JsonObject]> {
  const byStatus = new Map<string, JsonObject>();
  for (const r of route.responses) {
    const status = String(r.status);
    const at = byStatus.get(status) ?? {
      description: r.description,
      ...(r.headers
        ? {
            headers: Object.fromEntries(
              Object.entries(r.headers).map(([name, h]) => [
                name,
                { description: h.description, schema: inputSchema(h.schema) },
              ]),
            ),
          }
        : {}),
      content: {},
    };
    if (byStatus.has(status)) {
      at.description = `${at.description} ${r.description}`;
    }
    (at.content as JsonObject)[r.contentType ?? 'application/json'] = {
      schema: { $ref: `${SCHEMAS}${r.name}` },
    };
    byStatus.set(status, at);
  }
  return [...byStatus];
}

function operation(route: DocumentedRoute): JsonObject {
  const params = [
    ...parameters(route.params ? [route.params] : [], 'path', route.path),
    ...parameters(route.query ?? [], 'query', route.path),
    ...parameters(route.headers ? [route.headers] : [], 'header', route.path),
  ];
  return {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    ...(route.public ? { security: [] } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: route.body.required,
            content: {
              'application/json': { schema: inputSchema(route.body.schema) },
            },
          },
        }
      : {}),
    responses: Object.fromEntries([
      ...answers(route),
      ...route.errors.map(status => [
        String(status),
        { $ref: `#/components/responses/Error${status}` },
      ]),
    ]),
  };
}

/**
 * Builds the OpenAPI 3.1 document of every route of {@link documentedRoutes}: parameters and
 * bodies from the zod schemas the routes parse with, answers from the wire contract's schemas
 * (zod's `z.toJSONSchema`, draft 2020-12), Backstage's error body and bearer token.
 */
export function buildOpenApiDocument(options: {
  maxScope: number;
}): JsonObject {
  const routes = documentedRoutes(options);
  const { schemas } = z.toJSONSchema(schemaRegistry(routes), {
    target: TARGET,
    io: 'output',
    uri: id => `${SCHEMAS}${id}`,
  });
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const route of routes) {
    const at = (paths[openApiPath(route.path)] ??= {});
    if (at[route.method]) {
      throw new Error(`Route documented twice: ${route.method} ${route.path}`);
    }
    at[route.method] = operation(route);
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Cloudflare for Backstage',
      version: SUITE.version,
      description:
        'Permission-gated, masked, cached reads of a Cloudflare account, evidence snapshots and the spec acceptance figures.',
    },
    servers: [{ url: '/api/cloudflare' }],
    tags: [
      ...CLOUDFLARE_AREAS.filter(a => routes.some(r => r.tag === a.id)).map(
        a => ({ name: a.id, description: `Reads of ${a.title}.` }),
      ),
      {
        name: 'evidence',
        description: 'Evidence snapshots: export, list, download, verify.',
      },
      {
        name: 'acceptance',
        description: 'The acceptance criteria of spec section 11.',
      },
      { name: 'meta', description: 'Liveness and this document.' },
    ],
    security: [{ [SECURITY]: [] }],
    paths,
    components: {
      securitySchemes: {
        [SECURITY]: {
          type: 'http',
          scheme: 'bearer',
          description:
            "A Backstage token: a user's identity token, or a service token of another plugin.",
        },
      },
      schemas: Object.fromEntries(
        Object.entries(schemas).map(([id, s]) => [id, withoutDialect(s)]),
      ),
      responses: Object.fromEntries(
        Object.entries(ERRORS).map(([status, description]) => [
          `Error${status}`,
          {
            description,
            ...(status === '503' ? { headers: RETRY_AFTER } : {}),
            content: {
              'application/json': {
                schema: { $ref: `${SCHEMAS}ErrorResponse` },
              },
            },
          },
        ]),
      ),
    },
  };
}

const built = new Map<number, JsonObject>();

/** The document, built once per `cloudflare.evidence.maxScope` (it states that bound). */
export function openApiDocument(options: { maxScope: number }): JsonObject {
  let doc = built.get(options.maxScope);
  if (!doc) {
    doc = buildOpenApiDocument(options);
    built.set(options.maxScope, doc);
  }
  return doc;
}
