import { InputError } from '@backstage/errors';
import { JsonObject } from '@backstage/types';
import {
  CloudflareEvidenceDiff,
  CloudflareView,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { StoredEvidence } from '../evidenceRow';
import { evidenceKindOf } from '../kinds';
import { diffRecords, recordsByKey } from './diffRecords';

/** The document of a stored snapshot; a `400` naming the snapshot when its bytes are not JSON. */
function documentOf(stored: StoredEvidence): JsonObject {
  try {
    const doc = JSON.parse(stored.bytes.toString('utf8'));
    if (doc && typeof doc === 'object' && !Array.isArray(doc)) return doc;
  } catch {
    // reported below
  }
  throw new InputError(
    `Evidence snapshot ${stored.id} is not a JSON document: verify it (GET /v1/evidence/${stored.id}/verify)`,
  );
}

const madeMasked = (doc: JsonObject) =>
  (doc.scope as JsonObject | undefined)?.view === 'masked';

/**
 * What was added, removed and changed from snapshot `from` to snapshot `to`, records keyed by their
 * kind's natural key (`EVIDENCE_KINDS[kind].records`). The records are compared in `view`, or in
 * the masked view when either snapshot was made masked: a side made unmasked is masked by its
 * records' sensitive paths, as the export masks, so both sides read alike. `400` when the two
 * are of different kinds or of a kind this version does not know. The caller's permissions are
 * the route's business.
 */
export function diffSnapshots(
  from: StoredEvidence,
  to: StoredEvidence,
  view: CloudflareView,
): CloudflareEvidenceDiff {
  const before = documentOf(from);
  const after = documentOf(to);
  if (before.kind !== after.kind) {
    throw new InputError(
      `Snapshots of different kinds cannot be compared: from is ${String(
        before.kind,
      )}, to is ${String(after.kind)}; pick two snapshots of one kind`,
    );
  }
  const kind = evidenceKindOf(before.kind);
  if (!kind) {
    throw new InputError(
      `Snapshots of kind ${String(
        before.kind,
      )} cannot be compared by this version`,
    );
  }
  const compared: CloudflareView =
    view === 'unmasked' && !madeMasked(before) && !madeMasked(after)
      ? 'unmasked'
      : 'masked';
  const side = (doc: JsonObject) =>
    recordsByKey(
      kind.records(doc.data ?? null),
      compared === 'masked' && !madeMasked(doc),
    );
  const sideOf = (stored: StoredEvidence, doc: JsonObject) => ({
    id: stored.id,
    collectedAt: String(doc.collectedAt ?? stored.createdAt),
    sha256: stored.sha256,
  });
  return {
    kind: String(before.kind),
    view: compared,
    from: sideOf(from, before),
    to: sideOf(to, after),
    ...diffRecords(side(before), side(after)),
  };
}
