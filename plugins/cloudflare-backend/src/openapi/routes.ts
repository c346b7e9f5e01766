import {
  CLOUDFLARE_ACCEPTANCE_PATH,
  CLOUDFLARE_CONTRACTS,
  CloudflareRouteContract,
  cloudflareAcceptanceSchema,
  cloudflareAccountQuerySchema,
  viewParam,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { z } from 'zod';
import { acceptanceQuery } from '../acceptance/acceptanceRoute';
import { documentedEvidenceRoutes } from './evidenceRoutes';
import { envelopeSchema, healthSchema, openApiDocumentSchema } from './schemas';

/** Error statuses a route may answer, each with Backstage's error body. */
export type DocumentedErrorStatus = 400 | 401 | 403 | 404 | 502 | 503 | 504;

/** One answer of a route: its status and the zod schema of its body, named in the document. */
export interface DocumentedResponse {
  status: 200 | 201;
  /** `application/json` unless said; one status may answer several content types. */
  contentType?: string;
  description: string;
  /** Name of the schema under `components.schemas`. */
  name: string;
  schema: z.ZodType;
  /** Schemas within `schema` named too (`$ref`s in place of copies), by name. */
  parts?: Record<string, z.ZodType>;
  /** Response headers the caller relies on, by name. */
  headers?: Record<string, { description: string; schema: z.ZodType }>;
}

/**
 * One route of the router as the OpenAPI document states it, every part from the zod schema the
 * route parses it with.
 */
export interface DocumentedRoute {
  method: 'get' | 'post';
  /** Express path under `/api/cloudflare` (`:param`). */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  /** Served without a Backstage token. */
  public?: boolean;
  params?: z.ZodType;
  /** Query schemas, each parsed by the route (their properties are the query parameters). */
  query?: z.ZodType[];
  headers?: z.ZodType;
  body?: { schema: z.ZodType; required: boolean };
  responses: DocumentedResponse[];
  errors: DocumentedErrorStatus[];
}

/** Path of this document under `/api/cloudflare`. */
export const OPENAPI_PATH = '/openapi.json';

const READ_ERRORS: DocumentedErrorStatus[] = [
  400, 401, 403, 404, 502, 503, 504,
];
const viewQuery = z.object({ view: viewParam });

/** What a read answers, naming the fields masked unless the caller may and asks for view=unmasked. */
function answerDescription(contract: CloudflareRouteContract): string {
  const { name, sensitive } = contract.wire;
  const what = `The ${contract.shape === 'list' ? 'list' : 'value'} of ${name}`;
  return sensitive.length
    ? `${what}. Masked unless the caller may and asks for view=unmasked: ${sensitive
        .map(p => `\`${p}\``)
        .join(', ')}.`
    : `${what}. No field of it is masked.`;
}

/** The route of one read contract: the input schemas of the contract, the envelope around its wire type. */
function readRoute(contract: CloudflareRouteContract): DocumentedRoute {
  return {
    method: contract.method === 'POST' ? 'post' : 'get',
    path: contract.path,
    operationId: contract.id,
    tag: contract.area,
    summary: contract.description,
    params: contract.params,
    query: [contract.query, viewQuery, cloudflareAccountQuerySchema],
    body: contract.body ? { schema: contract.body, required: true } : undefined,
    responses: [
      {
        status: 200,
        description: answerDescription(contract),
        name: `${contract.id}.answer`,
        schema: envelopeSchema(contract),
        parts: { [contract.wire.name]: contract.wire.schema },
      },
    ],
    errors: READ_ERRORS,
  };
}

/**
 * Every route the router registers, as the document states it: the read routes of
 * `CLOUDFLARE_CONTRACTS` (answered by `ROUTE_DESCRIPTORS`), then the routes of their own. A route
 * registered and missing here fails the OpenAPI test.
 */
export function documentedRoutes(options: {
  maxScope: number;
}): DocumentedRoute[] {
  const reads = Object.values(CLOUDFLARE_CONTRACTS).flatMap(routes =>
    Object.values(routes as Record<string, CloudflareRouteContract>),
  );
  return [
    {
      method: 'get',
      path: '/health',
      operationId: 'health',
      tag: 'meta',
      summary:
        'Liveness of the plugin and, per configured account (by config id), its call budget, calls per area and circuit breaker; calls nothing and needs no token.',
      public: true,
      responses: [
        {
          status: 200,
          description:
            'Alive; each account by its config id (never its Cloudflare account id).',
          name: 'Health',
          schema: healthSchema,
        },
      ],
      errors: [],
    },
    {
      method: 'get',
      path: OPENAPI_PATH,
      operationId: 'openapi',
      tag: 'meta',
      summary: 'This document: OpenAPI 3.1 of every route of the plugin.',
      responses: [
        {
          status: 200,
          description: 'The OpenAPI document.',
          name: 'OpenApiDocument',
          schema: openApiDocumentSchema,
        },
      ],
      errors: [401],
    },
    ...reads.map(readRoute),
    ...documentedEvidenceRoutes(options.maxScope),
    {
      method: 'get',
      path: CLOUDFLARE_ACCEPTANCE_PATH,
      operationId: 'acceptance',
      tag: 'acceptance',
      summary:
        'Every acceptance criterion of spec section 11, measured now for the caller.',
      query: [acceptanceQuery],
      responses: [
        {
          status: 200,
          description: 'The criteria in the spec order.',
          name: 'CloudflareAcceptance',
          schema: cloudflareAcceptanceSchema,
        },
      ],
      errors: [400, 401],
    },
  ];
}
