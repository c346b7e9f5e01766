import { z } from 'zod';
import { defineWireType } from './contract';
import { viewParam } from './params';

/**
 * Path of the evidence diff route under `/api/cloudflare`.
 *
 * @public
 */
export const CLOUDFLARE_EVIDENCE_DIFF_PATH = '/v1/evidence/diff';

const snapshotId = z.uuid({
  error: 'must be an evidence snapshot id (a UUID)',
});

/**
 * Query of `GET /v1/evidence/diff`: the two snapshots (`from` the older side, `to` the newer) and
 * the view (`unmasked` needs `cloudflare.read.unmasked`).
 *
 * @public
 */
export const evidenceDiffQuerySchema = z.object({
  /** Id of the snapshot compared from. */
  from: snapshotId,
  /** Id of the snapshot compared to. */
  to: snapshotId,
  /** `masked` (the default) or `unmasked`. */
  view: viewParam,
});

/**
 * One side of an evidence diff: which snapshot it is.
 *
 * @public
 */
export const evidenceDiffSideSchema = z.object({
  /** Snapshot id (UUID). */
  id: z.string(),
  /** When its data was read (ISO 8601). */
  collectedAt: z.string(),
  /** Hex SHA-256 of its bytes, as downloaded. */
  sha256: z.string(),
});

/**
 * A record present on one side only: its natural key (a deployment id, a bucket and rule id, an
 * audit event id) and its value.
 *
 * @public
 */
export const evidenceDiffRecordSchema = z.object({
  /** The record's key within its kind. */
  key: z.string(),
  /** The record, masked for the view. */
  value: z.unknown(),
});

/**
 * One field that differs between the two sides of a record, by path (`expiration.afterDays`,
 * `versions[0].percentage`); `before` or `after` is absent where the field is.
 *
 * @public
 */
export const evidenceDiffFieldSchema = z.object({
  /** Path of the field: dots for fields, `[i]` for list items. */
  path: z.string(),
  /** The value in `from`, masked for the view; absent when the field is new. */
  before: z.unknown().optional(),
  /** The value in `to`, masked for the view; absent when the field was removed. */
  after: z.unknown().optional(),
});

/**
 * A record present on both sides whose fields differ.
 *
 * @public
 */
export const evidenceDiffChangeSchema = z.object({
  /** The record's key within its kind. */
  key: z.string(),
  /** The fields that differ, by path. */
  fields: z.array(evidenceDiffFieldSchema),
});

/**
 * The answer of `GET /v1/evidence/diff`: what was added, removed and changed between two
 * snapshots of one kind, records keyed by the kind's natural key, sorted by key.
 *
 * @public
 */
export const evidenceDiffSchema = z.object({
  /** The kind of both snapshots. */
  kind: z.string(),
  /**
   * The view the records were compared in: `unmasked` only when asked for, allowed, and both
   * snapshots were made unmasked (a masked snapshot cannot be unmasked).
   */
  view: z.enum(['masked', 'unmasked']),
  /** The snapshot compared from. */
  from: evidenceDiffSideSchema,
  /** The snapshot compared to. */
  to: evidenceDiffSideSchema,
  /** Records only in `to`. */
  added: z.array(evidenceDiffRecordSchema),
  /** Records only in `from`. */
  removed: z.array(evidenceDiffRecordSchema),
  /** Records in both whose fields differ. */
  changed: z.array(evidenceDiffChangeSchema),
  /** How many records are the same on both sides. */
  unchanged: z.number().int().nonnegative(),
});

/**
 * The answer of `GET /v1/evidence/diff` (see {@link evidenceDiffSchema}).
 *
 * @public
 */
export type CloudflareEvidenceDiff = z.output<typeof evidenceDiffSchema>;

/**
 * One changed record of an evidence diff (see {@link evidenceDiffChangeSchema}).
 *
 * @public
 */
export type CloudflareEvidenceDiffChange = z.output<
  typeof evidenceDiffChangeSchema
>;

/**
 * The wire type of the evidence diff: its records are masked by their own kinds' wire types before
 * they are compared, so the diff declares no sensitive path of its own.
 *
 * @public
 */
export const cloudflareEvidenceDiffWire = defineWireType({
  name: 'CloudflareEvidenceDiff',
  schema: evidenceDiffSchema,
  sensitive: [],
});
