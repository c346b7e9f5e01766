/** Marks a `Map` in the stored JSON (reads such as Durable Objects' metrics hold one). */
const MAP_TAG = '$cloudflare-map';

/**
 * Serializes a read or a detail for the store: plain JSON, with `Map`s kept as tagged entry lists,
 * `undefined` fields dropped (as JSON does) and a top-level `undefined` kept (`{}` without `v`).
 */
export function toStoredJson(value: unknown): string {
  return JSON.stringify({ v: value }, (_key, v) =>
    v instanceof Map ? { [MAP_TAG]: [...v.entries()] } : v,
  );
}

/** The value {@link toStoredJson} serialized. */
export function fromStoredJson(text: string): unknown {
  return (
    JSON.parse(text, (_key, v) =>
      v && typeof v === 'object' && Array.isArray(v[MAP_TAG])
        ? new Map(v[MAP_TAG])
        : v,
    ) as { v?: unknown }
  ).v;
}
