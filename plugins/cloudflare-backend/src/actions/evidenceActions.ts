import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { JsonObject } from '@backstage/types';
import {
  cloudflareAccountParam,
  cloudflareExportEvidencePermission,
  viewParam,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { z } from 'zod';
import { z as z3, AnyZodObject } from 'zod/v3';
import {
  EvidenceScopeSource,
  exportEvidenceOfKind,
} from '../evidence/exportEvidence';
import { EVIDENCE_KIND_IDS } from '../evidence/kinds';
import {
  evidenceIdParams,
  evidenceVerifyQuery,
  verifyEvidence,
} from '../routes/evidence';
import { RouteContext } from '../service/context';
import { parseInput } from '../service/validation';
import { READ_ONLY } from './areaActions';
import { inputJsonSchema, zodV3FromJsonSchema } from './actionSchema';

/** Input of `export-evidence`: the kind, its scope (what its export route reads) and the view. */
export const exportEvidenceInput = z.object({
  kind: z.enum(EVIDENCE_KIND_IDS),
  scope: z
    .record(z.string(), z.unknown())
    .default({})
    .describe(
      'The filters of the kind, as its export route takes them: zero-trust-audit the audit filters (actor, action, target, from, to, limit, cursor); deployment-provenance { workers: [script], pages: [project] }; r2-lifecycle { bucket?, jurisdiction? }',
    ),
  view: viewParam,
  account: cloudflareAccountParam
    .optional()
    .describe(
      'The Cloudflare account to read: its config id or account id (needed when several are configured)',
    ),
});

/** Input of `verify-evidence`: the verify route's path and query side by side. */
export const verifyEvidenceInput = evidenceIdParams.extend(
  evidenceVerifyQuery.shape,
);

/** A record of the store: its id, sequence number, kind, hashes, creator and time. */
const recordOutput = z3
  .object({
    id: z3.string(),
    seq: z3.number(),
    kind: z3.string(),
    sha256: z3.string(),
    chainSha256: z3.string(),
    download: z3
      .string()
      .describe('Where a caller who may read it downloads the exact file'),
  })
  .passthrough();

/**
 * A kind's scope reads the request parts its export routes have; the action's one `scope` object
 * stands for each of them (the kinds read path, query or body, never two of them for one field).
 */
const scopeSource = (scope: JsonObject): EvidenceScopeSource => ({
  params: {},
  // the query parser's type; the kinds parse it with their zod schemas like a query string
  query: scope as EvidenceScopeSource['query'],
  body: scope,
});

/**
 * Registers the evidence actions: `export-evidence` (the export routes' `exportEvidenceOfKind`: a
 * user or trusted service holding `cloudflare.export.evidence` and the kind's read permissions;
 * audited as `evidence-export`) and `verify-evidence` (the verify route's check and walk). Both
 * are visible only to holders of `cloudflare.export.evidence`. Exporting appends to the chain, so
 * that action is neither read-only nor idempotent; it destroys nothing.
 */
export function registerEvidenceActions(
  registry: ActionsRegistryService,
  ctx: RouteContext,
) {
  registry.register({
    name: 'export-evidence',
    title: 'Export an evidence snapshot',
    description:
      'Creates a hash-chained evidence snapshot of one kind (zero-trust-audit, deployment-provenance, r2-lifecycle) as POST /api/cloudflare/v1/.../export does, and answers its record (id, sha256, chain hash) and where to download the file.',
    attributes: { readOnly: false, idempotent: false, destructive: false },
    visibilityPermission: cloudflareExportEvidencePermission,
    schema: {
      input: () =>
        zodV3FromJsonSchema(
          inputJsonSchema(exportEvidenceInput),
        ) as AnyZodObject,
      output: () => recordOutput,
    },
    action: async ({ input, credentials }) => {
      const {
        kind,
        scope: raw,
        view,
        account,
      } = parseInput(exportEvidenceInput, input, 'body');
      const { bytes: _bytes, ...record } = await exportEvidenceOfKind(
        ctx,
        { credentials },
        kind,
        scopeSource(raw as JsonObject),
        view,
        account,
      );
      return {
        output: {
          ...record,
          download: `/api/cloudflare/v1/evidence/${record.id}/download`,
        },
      };
    },
  });

  registry.register({
    name: 'verify-evidence',
    title: 'Verify an evidence snapshot',
    description:
      "Recomputes a snapshot's SHA-256 and walks the whole hash chain, as GET /api/cloudflare/v1/evidence/:id/verify does; with `head`, also checks that a chain hash an auditor kept is still in the chain.",
    attributes: READ_ONLY,
    visibilityPermission: cloudflareExportEvidencePermission,
    schema: {
      input: () =>
        zodV3FromJsonSchema(
          inputJsonSchema(verifyEvidenceInput),
        ) as AnyZodObject,
      output: () =>
        z3
          .object({
            id: z3.string(),
            valid: z3.boolean(),
            problems: z3.array(z3.string()),
          })
          .passthrough(),
    },
    action: async ({ input, credentials }) => {
      const { id, head } = parseInput(verifyEvidenceInput, input, 'body');
      const verification = await verifyEvidence(ctx, credentials, id, head);
      return { output: { ...verification } };
    },
  });
}
