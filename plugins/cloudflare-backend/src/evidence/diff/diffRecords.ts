import { JsonValue } from '@backstage/types';
import {
  CloudflareEvidenceDiff,
  maskByPaths,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { isDeepStrictEqual } from 'node:util';
import { EvidenceDiffRecord } from './records';

type Field = CloudflareEvidenceDiff['changed'][number]['fields'][number];

/** What two lists of records differ by: the diff's `added`, `removed`, `changed` and `unchanged`. */
export type RecordsDiff = Pick<
  CloudflareEvidenceDiff,
  'added' | 'removed' | 'changed' | 'unchanged'
>;

const isObject = (v: JsonValue | undefined): v is Record<string, JsonValue> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/**
 * The fields in which `before` and `after` differ, by path (`expiration.afterDays`,
 * `versions[0].percentage`): objects are compared key by key, lists item by item, anything else
 * as a whole. A field on one side only has no `after` (removed) or no `before` (added).
 */
export function fieldChanges(
  before: JsonValue | undefined,
  after: JsonValue | undefined,
  path = '',
): Field[] {
  if (isDeepStrictEqual(before, after)) return [];
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys
      .sort()
      .flatMap(k => fieldChanges(before[k], after[k], join(path, k)));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    return Array.from(
      { length: Math.max(before.length, after.length) },
      (_, i) => fieldChanges(before[i], after[i], `${path}[${i}]`),
    ).flat();
  }
  return [
    {
      path: path || '(value)',
      ...(before === undefined ? {} : { before }),
      ...(after === undefined ? {} : { after }),
    },
  ];
}

/**
 * The records of one side by key, masked when `mask` is set (by each record's sensitive paths, as
 * the export masks the values it collects). A key found twice keeps both, the second as `key #2`.
 */
export function recordsByKey(
  records: EvidenceDiffRecord[],
  mask: boolean,
): Map<string, JsonValue> {
  const out = new Map<string, JsonValue>();
  for (const r of records) {
    let key = r.key;
    for (let n = 2; out.has(key); n++) key = `${r.key} #${n}`;
    out.set(
      key,
      mask ? maskByPaths(r.value, r.sensitive, 'masked').value : r.value,
    );
  }
  return out;
}

/** What changed from the records `from` to the records `to`, each list sorted by key. */
export function diffRecords(
  from: Map<string, JsonValue>,
  to: Map<string, JsonValue>,
): RecordsDiff {
  const diff: RecordsDiff = {
    added: [],
    removed: [],
    changed: [],
    unchanged: 0,
  };
  const keys = [...new Set([...from.keys(), ...to.keys()])].sort();
  for (const key of keys) {
    const before = from.get(key);
    const after = to.get(key);
    if (!from.has(key)) diff.added.push({ key, value: after });
    else if (!to.has(key)) diff.removed.push({ key, value: before });
    else {
      const fields = fieldChanges(before, after);
      if (fields.length) diff.changed.push({ key, fields });
      else diff.unchanged++;
    }
  }
  return diff;
}
