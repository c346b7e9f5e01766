import {
  CLOUDFLARE_ACCEPTANCE_PATH,
  CLOUDFLARE_CONTRACTS,
  CLOUDFLARE_EVIDENCE_DIFF_PATH,
  CloudflareRouteContract,
  cloudflareAcceptanceSchema,
  evidenceDiffQuerySchema,
  evidenceDiffSchema,
  viewParam,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { z } from 'zod';
import { acceptanceQuery } from '../acceptance/acceptanceRoute';
import { EVIDENCE_KINDS } from '../evidence/kinds';
import { EvidenceKindDescriptor } from '../evidence/kinds/types';
import { OSCAL_EXPORT_PATH, oscalExportQuery } from '../oscal/oscalRoute';
import { oscalAssessmentResultsSchema } from '../oscal/wire';
import {
  evidenceIdParams,
  evidenceListQuery,
  evidenceVerifyQuery,
} from '../routes/evidence';
import {
  evidenceExportAliasHeaders,
  evidenceExportQuery,
} from '../routes/evidenceExports';
import {
  envelopeSchema,
  evidenceDocumentSchema,
  evidenceListSchema,
  evidenceRecordSchema,
  evidenceVerificationSchema,
  healthSchema,
  openApiDocumentSchema,
} from './schemas';

/** Error statuses a route may answer, each with Backstage's error body. */
export type DocumentedErrorStatus = 400 | 401 | 403 | 404 | 502 | 503 | 504;

/** One answer of a route: its status and the zod schema of its JSON body, named in the document. */
export interface DocumentedResponse {
  status: 200 | 201;
  description: string;
  /** Name of the schema under `components.schemas`. */
  name: string;
  schema: z.ZodType;
  /** Schemas within `schema` named too (`$ref`s in place of copies), by name. */
  parts?: Record<string, z.ZodType>;
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

/** The route of one read contract: the input schemas of the contract, the envelope around its wire type. */
function readRoute(contract: CloudflareRouteContract): DocumentedRoute {
  return {
    method: contract.method === 'POST' ? 'post' : 'get',
    path: contract.path,
    operationId: contract.id,
    tag: contract.area,
    summary: contract.description,
    params: contract.params,
    query: [contract.query, viewQuery],
    body: contract.body ? { schema: contract.body, required: true } : undefined,
    responses: [
      {
        status: 200,
        description: `The ${contract.shape === 'list' ? 'list' : 'value'} of ${
          contract.wire.name
        }, masked unless the caller may and asks for view=unmasked.`,
        name: `${contract.id}.answer`,
        schema: envelopeSchema(contract),
        parts: { [contract.wire.name]: contract.wire.schema },
      },
    ],
    errors: READ_ERRORS,
  };
}

const created = {
  status: 201,
  description: 'The snapshot was stored in the chain: its record.',
  name: 'EvidenceRecord',
  schema: evidenceRecordSchema,
} as const;
const downloaded = {
  status: 200,
  description:
    'The snapshot file (RFC 8785 canonical JSON; its SHA-256 is in X-Cloudflare-Evidence-SHA256).',
  name: 'EvidenceDocument',
  schema: evidenceDocumentSchema,
} as const;

/** The export routes of each evidence kind, from its `input` schemas. */
function exportRoutes(maxScope: number): DocumentedRoute[] {
  return Object.entries(EVIDENCE_KINDS).flatMap(([kind, descriptor]) => {
    const desc = descriptor as unknown as EvidenceKindDescriptor;
    const input = desc.input({ maxScope });
    return desc.routes.map(({ method, path }) => ({
      method,
      path,
      operationId: `evidence.export.${kind}${method === 'get' ? '.alias' : ''}`,
      tag: 'evidence',
      summary:
        method === 'post'
          ? `Creates a ${kind} evidence snapshot of ${desc.what}: its record (201), or the file with download=json.`
          : `Creates a ${kind} evidence snapshot like the POST form (the spec's GET form, which needs X-Requested-With).`,
      params: input.params,
      query: [evidenceExportQuery, ...(input.query ? [input.query] : [])],
      headers: method === 'get' ? evidenceExportAliasHeaders : undefined,
      body: input.body ? { schema: input.body, required: false } : undefined,
      responses: [created, downloaded],
      errors: READ_ERRORS,
    }));
  });
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
      summary: 'Liveness of the plugin; calls nothing and needs no token.',
      public: true,
      responses: [
        {
          status: 200,
          description: 'Alive.',
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
    ...exportRoutes(options.maxScope),
    {
      method: 'get',
      path: '/v1/evidence',
      operationId: 'evidence.list',
      tag: 'evidence',
      summary: 'Stored evidence snapshots, newest first.',
      query: [evidenceListQuery],
      responses: [
        {
          status: 200,
          description: 'One page of records.',
          name: 'EvidenceList',
          schema: evidenceListSchema,
        },
      ],
      errors: [400, 401, 403, 503],
    },
    {
      method: 'get',
      path: '/v1/evidence/:id/download',
      operationId: 'evidence.download',
      tag: 'evidence',
      summary:
        'The exact stored bytes of a snapshot, for callers who may read what it holds.',
      params: evidenceIdParams,
      responses: [downloaded],
      errors: [400, 401, 403, 404, 503],
    },
    {
      method: 'get',
      path: '/v1/evidence/:id/verify',
      operationId: 'evidence.verify',
      tag: 'evidence',
      summary:
        "A snapshot's hash, the whole chain, and optionally a head hash an auditor kept.",
      params: evidenceIdParams,
      query: [evidenceVerifyQuery],
      responses: [
        {
          status: 200,
          description: 'What was checked, and each problem in words.',
          name: 'EvidenceVerification',
          schema: evidenceVerificationSchema,
        },
      ],
      errors: [400, 401, 403, 404, 503],
    },
    {
      method: 'get',
      path: CLOUDFLARE_EVIDENCE_DIFF_PATH,
      operationId: 'evidence.diff',
      tag: 'evidence',
      summary:
        'Records added, removed and changed between two snapshots of one kind, masked as their exports.',
      query: [evidenceDiffQuerySchema],
      responses: [
        {
          status: 200,
          description: 'The diff, records sorted by their natural key.',
          name: 'CloudflareEvidenceDiff',
          schema: evidenceDiffSchema,
        },
      ],
      errors: [400, 401, 403, 404, 503],
    },
    {
      method: 'get',
      path: OSCAL_EXPORT_PATH,
      operationId: 'evidence.oscal',
      tag: 'evidence',
      summary:
        'NIST OSCAL 1.1 Assessment Results of the SOC 2 scorecards now (Tech Insights on behalf of the caller), naming the newest verified snapshot of each kind by hash.',
      query: [oscalExportQuery],
      responses: [
        {
          status: 200,
          description: 'The OSCAL document, as an attachment.',
          name: 'OscalAssessmentResults',
          schema: oscalAssessmentResultsSchema,
        },
      ],
      errors: [400, 401, 403, 503],
    },
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
