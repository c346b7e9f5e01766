import { ErrorResponseBody } from '@backstage/errors';
import {
  CloudflareRouteContract,
  CloudflareView,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { z } from 'zod';
import {
  EvidenceRecord,
  EvidenceVerification,
} from '../evidence/EvidenceStore';
import { EvidenceFreshness } from '../evidence/freshness';
import { EVIDENCE_KIND_IDS } from '../evidence/kinds';
import { EVIDENCE_SCHEMA_VERSION } from '../evidence/snapshot';
import { HealthAnswer } from '../routes/health';

/*
 * Zod schemas of the answers that had only a TypeScript type: the OpenAPI document states them and
 * its tests validate real answers against them. Where the type is the store's own, a compile-time
 * check below keeps the two identical.
 */

/** Backstage's error body (`ErrorResponseBody` of `@backstage/errors`), as its error handler answers. */
export const errorResponseSchema = z.object({
  error: z.looseObject({
    name: z.string(),
    message: z.string(),
    stack: z.string().optional(),
    code: z.string().optional(),
  }),
  request: z.object({ method: z.string(), url: z.string() }).optional(),
  response: z.object({ statusCode: z.number().int() }),
});

/** The answer of `GET /health` (`HealthAnswer`): per account by its config id, no account id. */
export const healthSchema = z.strictObject({
  status: z.literal('ok'),
  accounts: z.array(
    z.strictObject({
      id: z.string(),
      budget: z.strictObject({
        limit: z.number().min(0),
        remaining: z.number().min(0),
        reservedForRoutes: z.number().min(0),
        resetSeconds: z.number().min(0),
        waiting: z.number().int().min(0),
      }),
      callsByArea: z.record(z.string(), z.number().int().min(0)),
      breaker: z.strictObject({
        state: z.enum(['closed', 'open', 'half-open']),
        retryAfterSeconds: z.number().min(0).optional(),
      }),
    }),
  ),
}) satisfies z.ZodType<HealthAnswer>;

const viewSchema = z.enum([
  'masked',
  'unmasked',
]) satisfies z.ZodType<CloudflareView>;

/**
 * The envelope of a read route around its wire type (`CloudflareEnvelope` of the common package):
 * `items` (and `cursor`) for a list, `item` for one value.
 */
export function envelopeSchema(contract: CloudflareRouteContract) {
  const head = {
    account: z.string(),
    area: z.literal(contract.area),
    view: viewSchema,
    masked: z.record(z.string(), z.number().int().min(0)),
    stale: z.literal(true).optional(),
    fetchedAt: z.iso.datetime(),
  };
  return contract.shape === 'list'
    ? z.strictObject({
        ...head,
        items: z.array(contract.wire.schema),
        cursor: z.string().optional(),
      })
    : z.strictObject({ ...head, item: contract.wire.schema });
}

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** What the list shows of a stored snapshot (`EvidenceRecord`). */
export const evidenceRecordSchema = z.strictObject({
  id: z.uuid(),
  seq: z.number().int().min(1),
  kind: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  sha256: sha256Hex,
  prevSha256: z.string(),
  chainSha256: sha256Hex,
});

/** A record as the list shows it: with its freshness by its kind's TTL (`EvidenceFreshness`). */
export const evidenceListItemSchema = evidenceRecordSchema.extend({
  staleAfter: z.iso.datetime(),
  stale: z.boolean(),
});

/** The answer of `GET /v1/evidence`: newest first; `nextBefore` pages on (`?before=`). */
export const evidenceListSchema = z.strictObject({
  items: z.array(evidenceListItemSchema),
  nextBefore: z.number().int().optional(),
});

/** The answer of `GET /v1/evidence/:id/verify` (`EvidenceVerification`). */
export const evidenceVerificationSchema = z.strictObject({
  id: z.string(),
  valid: z.boolean(),
  problems: z.array(z.string()),
  document: z.strictObject({
    valid: z.boolean(),
    storedSha256: z.string(),
    computedSha256: z.string(),
  }),
  chain: z.strictObject({
    valid: z.boolean(),
    length: z.number().int(),
    headSha256: z.string(),
    brokenAtSeq: z.number().int().optional(),
    reason: z.string().optional(),
  }),
  target: z.strictObject({ reached: z.boolean() }),
  head: z.strictObject({ expected: z.string(), found: z.boolean() }).optional(),
});

/**
 * A downloaded snapshot (`EvidenceDocument`): its `data` is the kind's, masked by the wire types
 * of the routes it was read with.
 */
export const evidenceDocumentSchema = z.strictObject({
  schemaVersion: z.literal(EVIDENCE_SCHEMA_VERSION),
  kind: z.enum(EVIDENCE_KIND_IDS),
  account: z.strictObject({ id: z.string() }),
  scope: z.record(z.string(), z.unknown()),
  collectedAt: z.iso.datetime(),
  collector: z.strictObject({
    userEntityRef: z.string(),
    suite: z.strictObject({ name: z.string(), version: z.string() }),
  }),
  data: z.unknown(),
  population: z.strictObject({
    count: z.number().int().min(0),
    exhausted: z.boolean(),
  }),
  redactions: z.record(z.string(), z.number().int()).optional(),
});

/** This document: an OpenAPI 3.1 object (its own schema is OpenAPI's, not restated here). */
export const openApiDocumentSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});

/** True when `A` and `B` are the same type. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B
  ? 1
  : 2
  ? true
  : false;

/** True when every `A` is a `B`. */
type Fits<A, B> = [A] extends [B] ? true : false;

/** Fails `yarn tsc` when a schema above and the type it states drift apart. */
export const schemasMatchTypes: [
  Same<z.output<typeof evidenceRecordSchema>, EvidenceRecord>,
  Same<z.output<typeof evidenceVerificationSchema>, EvidenceVerification>,
  Fits<ErrorResponseBody, z.output<typeof errorResponseSchema>>,
  Fits<
    z.output<typeof evidenceListItemSchema>,
    EvidenceRecord & EvidenceFreshness
  >,
  Fits<
    EvidenceRecord & EvidenceFreshness,
    z.output<typeof evidenceListItemSchema>
  >,
] = [true, true, true, true, true];
