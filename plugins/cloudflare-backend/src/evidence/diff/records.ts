import { JsonObject, JsonValue } from '@backstage/types';

/**
 * One record of a stored snapshot, as a diff compares it: its natural key within the kind (a
 * deployment id, a bucket and rule id, an audit event id), its value, and the sensitive paths
 * within the value (from the wire type it was collected as), so a diff masks it as the export did.
 */
export interface EvidenceDiffRecord {
  key: string;
  value: JsonValue;
  sensitive: readonly string[];
}

/** The items of `value` when it is a list; nothing otherwise (data of an older or odd document). */
export function listOf(value: JsonValue | undefined): JsonValue[] {
  return Array.isArray(value) ? value : [];
}

/** `value` when it is a JSON object; an empty object otherwise. */
export function objectOf(value: JsonValue | undefined): JsonObject {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? value
    : {};
}

/** The `id` field of a record, as a string. */
export function idOf(value: JsonValue): string {
  return String(objectOf(value).id ?? '');
}

/**
 * The sensitive paths of a wire type that lie under `prefix` (`rules[]`), relative to it: the
 * paths of a record that is a part of a wire value.
 */
export function pathsUnder(
  sensitive: readonly string[],
  prefix: string,
): string[] {
  return sensitive
    .filter(p => p.startsWith(`${prefix}.`))
    .map(p => p.slice(prefix.length + 1));
}
