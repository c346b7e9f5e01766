import { cloudflareExportEvidencePermission } from '@cloudflare-backstage/plugin-cloudflare-common';
import { AcceptanceMeasure } from './types';
import { ageInWords } from './words';

/**
 * Criterion 2: the newest `zero-trust-audit` snapshot of the evidence chain exists and verifies
 * (its bytes against its SHA-256, and the chain up to it); the value is 1 then, else 0. Read now,
 * never from the cache: an export must show at once.
 */
export const accessAuditExportMeasure: AcceptanceMeasure = {
  permissions: [cloudflareExportEvidencePermission],
  what: 'the evidence chain',
  cached: false,
  async measure({ ctx }) {
    const [last] = await ctx.evidence.list({
      kind: 'zero-trust-audit',
      limit: 1,
    });
    if (!last) {
      return {
        measured: 'not exported yet',
        value: 0,
        pass: false,
        detail: 'no Zero Trust audit snapshot in the evidence chain',
      };
    }
    const verification = await ctx.evidence.verify(last.id);
    const age = ageInWords(ctx.now().getTime() - Date.parse(last.createdAt));
    return verification.valid
      ? {
          measured: `exported ${age} ago, SHA-256 verified`,
          value: 1,
          pass: true,
        }
      : {
          measured: `exported ${age} ago, verification failed`,
          value: 0,
          pass: false,
          detail: `snapshot ${last.id}: ${verification.problems.join('; ')}`,
        };
  },
};
