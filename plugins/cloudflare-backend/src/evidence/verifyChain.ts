import { Knex } from 'knex';
import { sha256Hex } from './canonicalJson';
import { GENESIS_HASH, ROW_HASH_VERSION, rowHash } from './chain';
import { EVIDENCE_TABLE, EvidenceRow, toChained } from './evidenceRow';

/** Rows read per query while walking the chain. */
const WALK_BATCH = 500;

/** Result of walking the whole chain from its first row. */
export interface ChainWalk {
  /** True when every row from the first to the newest checks out. */
  valid: boolean;
  /** Rows walked before the walk stopped (all of them when valid). */
  length: number;
  /** Chain hash of the last row that checked out (the head when valid). */
  headSha256: string;
  /** Sequence number of the first row that breaks the chain. */
  brokenAtSeq?: number;
  /** What is wrong with that row. */
  reason?: string;
  /** Whether the row with this id was reached and checked out. */
  targetReached: boolean;
  /** Whether a row whose chain hash is `expectedHead` was reached (only with `expectedHead`). */
  expectedHeadFound?: boolean;
}

function rowProblem(
  row: EvidenceRow,
  expectedSeq: number,
  prev: string,
  minVersion: number,
): string | undefined {
  const seq = Number(row.seq);
  const chained = toChained(row);
  if (seq < expectedSeq) {
    return `row seq ${seq} is outside the chain (positions start at 1)`;
  }
  if (seq !== expectedSeq) return `row ${expectedSeq} is missing`;
  if (row.prev_sha256 !== prev) {
    return 'prev_sha256 is not the chain hash of the row before';
  }
  if (sha256Hex(Buffer.from(row.bytes, 'utf8')) !== row.sha256) {
    return 'stored bytes do not match sha256';
  }
  if (
    ![1, ROW_HASH_VERSION].includes(chained.hashVersion) ||
    chained.hashVersion < minVersion
  ) {
    return `hash_version ${chained.hashVersion} is not allowed here`;
  }
  if (rowHash(chained) !== row.chain_sha256) {
    return chained.hashVersion === 1
      ? 'chain_sha256 is not sha256(prev_sha256 + sha256)'
      : 'chain_sha256 does not match the row (seq, id, kind, created_at, created_by, sha256, prev_sha256)';
  }
  return undefined;
}

/**
 * Walks the chain from its first row, every row (whatever its `seq`, so rows put outside the
 * chain are found): positions must run 1, 2, 3, ...; each `prev_sha256` must be the chain hash of
 * the row before; each row's bytes must hash to its `sha256`; each `chain_sha256` must be the
 * row hash of its fields; once a version-2 row is seen no version-1 row may follow.
 */
export async function walkChain(
  db: Knex,
  targetId: string,
  expectedHead?: string,
): Promise<ChainWalk> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let minVersion = 1;
  let length = 0;
  let targetReached = false;
  let expectedHeadFound = false;
  let broken: { seq: number; reason: string } | undefined;
  for (let afterSeq: number | undefined; !broken; ) {
    let q = db<EvidenceRow>(EVIDENCE_TABLE)
      .orderBy('seq', 'asc')
      .limit(WALK_BATCH);
    if (afterSeq !== undefined) q = q.where('seq', '>', afterSeq);
    const rows = (await q) as EvidenceRow[];
    if (rows.length === 0) break;
    for (const row of rows) {
      const reason = rowProblem(row, expectedSeq, prev, minVersion);
      if (reason) {
        broken = { seq: Number(row.seq), reason };
        break;
      }
      prev = row.chain_sha256;
      expectedSeq += 1;
      minVersion = Number(row.hash_version);
      length += 1;
      if (row.id === targetId) targetReached = true;
      if (prev === expectedHead) expectedHeadFound = true;
    }
    afterSeq = Number(rows[rows.length - 1].seq);
  }
  return {
    valid: !broken,
    length,
    headSha256: prev,
    ...(broken ? { brokenAtSeq: broken.seq, reason: broken.reason } : {}),
    targetReached,
    ...(expectedHead !== undefined ? { expectedHeadFound } : {}),
  };
}
