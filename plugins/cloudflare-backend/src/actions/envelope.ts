import { CloudflareRouteContract } from '@cloudflare-backstage/plugin-cloudflare-common';
import { z as z3 } from 'zod/v3';

/**
 * The wire envelope of a read (`CloudflareEnvelope`) as an action's output schema (zod v3, as the
 * actions registry takes it). The values are the route's wire type, already parsed with it and
 * masked; they are described, not parsed again (a masked value no longer fits its field's format).
 */
export function envelopeOutput(contract: CloudflareRouteContract) {
  const values = `${contract.wire.name} values, masked for the view`;
  return z3.object({
    account: z3.string().describe('The Cloudflare account read'),
    area: z3.string().describe('The product area'),
    view: z3.enum(['masked', 'unmasked']),
    items: z3.array(z3.unknown()).optional().describe(values),
    item: z3.unknown().optional().describe(values),
    cursor: z3
      .string()
      .optional()
      .describe('Where a paged list continues (pass it as `cursor`)'),
    masked: z3
      .record(z3.number())
      .describe('How many values were masked, per sensitive path'),
    stale: z3
      .literal(true)
      .optional()
      .describe(
        'Present (true) when Cloudflare could not be read and a kept answer older than its fresh TTL is served; fetchedAt says how old',
      ),
    fetchedAt: z3.string().describe('When Cloudflare was read (ISO 8601)'),
  });
}
