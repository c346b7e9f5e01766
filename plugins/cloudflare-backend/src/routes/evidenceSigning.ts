import { Router } from 'express';
import { z } from 'zod';
import { cloudflareExportEvidencePermission } from '@cloudflare-backstage/plugin-cloudflare-common';
import { RouteContext } from '../service/context';
import { parseInput } from '../service/validation';
import { downloadPermissions, requireEvidenceCaller } from '../evidence/access';
import { evidenceFileName } from '../evidence/signing/statement';
import { evidenceIdParams } from './evidence';

/** Path of the public key evidence is signed with. */
export const EVIDENCE_PUBLIC_KEY_PATH = '/v1/evidence/public-key';

/** Query of {@link EVIDENCE_PUBLIC_KEY_PATH}: JSON (default), or the PEM file itself. */
export const evidencePublicKeyQuery = z.object({
  format: z
    .enum(['json', 'pem'], { error: 'must be json or pem' })
    .default('json'),
});

/** The JSON answer of {@link EVIDENCE_PUBLIC_KEY_PATH}. */
export const evidencePublicKeySchema = z.strictObject({
  algorithm: z.literal('ed25519'),
  keyid: z.string().regex(/^[0-9a-f]{64}$/),
  publicKeyPem: z.string(),
});

/** The answer of `GET /v1/evidence/:id/envelope`: a DSSE envelope. */
export const dsseEnvelopeSchema = z.strictObject({
  payloadType: z.literal('application/vnd.in-toto+json'),
  payload: z.base64(),
  signatures: z
    .array(z.strictObject({ keyid: z.string(), sig: z.base64() }))
    .min(1),
});

/**
 * The signature routes: the public key snapshots are signed with, and each snapshot's DSSE
 * envelope (an in-toto statement over its file name and SHA-256, signed when it was stored). The
 * key needs `cloudflare.export.evidence`; an envelope also needs what downloading its snapshot
 * needs, since its statement carries the snapshot's scope.
 */
export function registerEvidenceSigningRoutes(
  router: Router,
  ctx: RouteContext,
) {
  router.get(EVIDENCE_PUBLIC_KEY_PATH, async (req, res) => {
    const { format } = parseInput(evidencePublicKeyQuery, req.query, 'query');
    const credentials = await ctx.httpAuth.credentials(req);
    await requireEvidenceCaller(ctx, credentials, [
      cloudflareExportEvidencePermission,
    ]);
    const { keyid, publicKeyPem } = ctx.evidence.publicKey;
    if (format === 'pem') {
      res.setHeader('Content-Type', 'application/x-pem-file');
      res.setHeader(
        'Content-Disposition',
        'attachment; filename="cloudflare-evidence-public-key.pem"',
      );
      res.send(publicKeyPem);
      return;
    }
    res.json({ algorithm: 'ed25519', keyid, publicKeyPem });
  });

  router.get('/v1/evidence/:id/envelope', async (req, res) => {
    const { id } = parseInput(evidenceIdParams, req.params, 'path');
    const credentials = await ctx.httpAuth.credentials(req);
    await requireEvidenceCaller(ctx, credentials, [
      cloudflareExportEvidencePermission,
    ]);
    const stored = await ctx.evidence.get(id);
    await requireEvidenceCaller(
      ctx,
      credentials,
      downloadPermissions(stored.bytes),
    );
    const envelope = await ctx.evidence.envelope(id);
    const name = evidenceFileName(stored.kind, id).replace(/\.json$/, '');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${name}.dsse.json"`,
    );
    res.setHeader('Cache-Control', 'no-store');
    res.json(envelope);
  });
}
