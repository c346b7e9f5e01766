import { z } from 'zod';
import { ClientContext } from './context';
import { CloudflareApiError } from './errors';

/** Cloudflare's v4 envelope; `messages` may be strings (Workers Builds) or objects. */
const envelopeSchema = z.object({
  success: z.boolean(),
  errors: z.array(z.unknown()).nullish(),
  result: z.unknown(),
  result_info: z
    .object({
      page: z.number().nullish(),
      per_page: z.number().nullish(),
      count: z.number().nullish(),
      total_count: z.number().nullish(),
      total_pages: z.number().nullish(),
      cursor: z.string().nullish(),
      cursors: z.object({ after: z.string().nullish() }).nullish(),
    })
    .nullish(),
});

/** The parts of an envelope the client reads. */
export type Envelope = z.infer<typeof envelopeSchema>;

/**
 * GET through the SDK's generic `client.get` (for endpoints the SDK lacks, or whose SDK typing is
 * wrong), then checks the envelope.
 */
export async function getEnvelope(
  ctx: ClientContext,
  operation: string,
  path: string,
  query?: Record<string, unknown>,
): Promise<Envelope> {
  const body = await ctx.sdk.get<unknown>(path, { query });
  const env = envelopeSchema.parse(body);
  if (!env.success) {
    throw new CloudflareApiError({
      kind: 'bad-response',
      operation,
      detail: 'envelope reports success: false',
    });
  }
  return env;
}

/** `encodeURIComponent` for path segments. */
export const seg = (s: string) => encodeURIComponent(s);

/** Removes `undefined` values, so JSON output is stable. */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined),
  ) as T;
}
