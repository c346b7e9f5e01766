import {
  CLOUDFLARE_EVIDENCE_DIFF_PATH,
  evidenceDiffQuerySchema,
  evidenceDiffSchema,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { z } from 'zod';
import { EVIDENCE_SHA256_HEADER } from '../evidence/exportEvidence';
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
  dsseEnvelopeSchema,
  EVIDENCE_PUBLIC_KEY_PATH,
  evidencePublicKeyQuery,
  evidencePublicKeySchema,
} from '../routes/evidenceSigning';
import {
  DocumentedErrorStatus,
  DocumentedResponse,
  DocumentedRoute,
} from './routes';
import {
  evidenceDocumentSchema,
  evidenceListSchema,
  evidenceRecordSchema,
  evidenceVerificationSchema,
} from './schemas';

const EXPORT_ERRORS: DocumentedErrorStatus[] = [
  400, 401, 403, 404, 502, 503, 504,
];
const STORE_ERRORS: DocumentedErrorStatus[] = [400, 401, 403, 404, 503];

const created: DocumentedResponse = {
  status: 201,
  description: 'The snapshot was stored in the chain: its record.',
  name: 'EvidenceRecord',
  schema: evidenceRecordSchema,
};
const downloaded: DocumentedResponse = {
  status: 200,
  description:
    'The snapshot file: its exact stored bytes (RFC 8785 canonical JSON).',
  name: 'EvidenceDocument',
  schema: evidenceDocumentSchema,
  headers: {
    [EVIDENCE_SHA256_HEADER]: {
      description: 'Hex SHA-256 of the body, as `sha256sum` prints it.',
      schema: z.string().regex(/^[0-9a-f]{64}$/),
    },
    'content-disposition': {
      description: 'An attachment named after the kind and the snapshot id.',
      schema: z.string().regex(/^attachment; filename="[^"]+\.json"$/),
    },
  },
};

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
      errors: EXPORT_ERRORS,
    }));
  });
}

/**
 * The evidence routes as the document states them: each kind's export routes, the list, download
 * and verify, the signature routes, the diff and the OSCAL export.
 */
export function documentedEvidenceRoutes(maxScope: number): DocumentedRoute[] {
  return [
    ...exportRoutes(maxScope),
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
      errors: STORE_ERRORS,
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
      errors: STORE_ERRORS,
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
      errors: STORE_ERRORS,
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
      path: EVIDENCE_PUBLIC_KEY_PATH,
      operationId: 'evidence.publicKey',
      tag: 'evidence',
      summary:
        'The Ed25519 public key snapshots are signed with: JSON, or the PEM file with format=pem.',
      query: [evidencePublicKeyQuery],
      responses: [
        {
          status: 200,
          description: 'The key and its keyid (SHA-256 of its SPKI DER).',
          name: 'EvidencePublicKey',
          schema: evidencePublicKeySchema,
        },
        {
          status: 200,
          contentType: 'application/x-pem-file',
          description: 'With format=pem: the PEM file itself.',
          name: 'EvidencePublicKeyPem',
          schema: z.string().startsWith('-----BEGIN PUBLIC KEY-----'),
        },
      ],
      errors: [400, 401, 403, 503],
    },
    {
      method: 'get',
      path: '/v1/evidence/:id/envelope',
      operationId: 'evidence.envelope',
      tag: 'evidence',
      summary:
        "A snapshot's DSSE envelope: an in-toto statement over its file name and SHA-256, signed when it was stored.",
      params: evidenceIdParams,
      responses: [
        {
          status: 200,
          description: 'The envelope, as an attachment.',
          name: 'DsseEnvelope',
          schema: dsseEnvelopeSchema,
        },
      ],
      errors: STORE_ERRORS,
    },
  ];
}
