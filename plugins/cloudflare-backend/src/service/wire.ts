import { JsonValue } from '@backstage/types';
import {
  CloudflareView,
  CloudflareWireType,
  maskByPaths,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { BadGatewayError } from './errors';

/**
 * Parses one value with its wire schema: unknown fields are stripped, so the answer is exactly the
 * wire type. A value that does not fit is the client's fault, never the caller's: 502.
 */
export function toWire(wire: CloudflareWireType, value: unknown): JsonValue {
  const parsed = wire.schema.safeParse(value);
  if (!parsed.success) {
    throw new BadGatewayError(
      `Cloudflare returned a ${wire.name} the suite cannot read`,
    );
  }
  return parsed.data as JsonValue;
}

/** Masks wire values for the view by the wire type's sensitive paths; counts what was masked per path. */
export function maskWire<T extends JsonValue>(
  wire: CloudflareWireType,
  values: T[],
  view: CloudflareView,
  masked: Record<string, number> = {},
): { values: T[]; masked: Record<string, number> } {
  const out = values.map(v => {
    const m = maskByPaths(v, wire.sensitive, view);
    for (const [path, n] of Object.entries(m.masked))
      masked[path] = (masked[path] ?? 0) + n;
    return m.value;
  });
  return { values: out, masked };
}
