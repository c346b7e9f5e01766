import { canonicalJson, sha256Hex } from './canonicalJson';

/** The `prev_sha256` of the first row of the chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** Row hash format of rows written since the `evidence_chain_v2` migration. */
export const ROW_HASH_VERSION = 2;

/** Every stored field of an evidence row except its bytes (covered by `sha256`) and its own hash. */
export interface ChainedRow {
  seq: number;
  id: string;
  kind: string;
  createdAt: string;
  createdBy: string;
  /** Hex SHA-256 of the stored bytes. */
  sha256: string;
  /** Chain hash of the row before (or {@link GENESIS_HASH}). */
  prevSha256: string;
  /** 1 for rows written before `evidence_chain_v2`, else {@link ROW_HASH_VERSION}. */
  hashVersion: number;
}

/**
 * Chain hash of a row. Version 2 (every row written now) is the SHA-256 of the RFC 8785 form of
 * every stored field, so editing any of them (or the bytes) breaks the chain. Version 1, kept only
 * to verify rows written before it, is `sha256(prev_sha256 + sha256)` and covers only the bytes.
 */
export function rowHash(row: ChainedRow): string {
  if (row.hashVersion === 1) {
    return sha256Hex(`${row.prevSha256}${row.sha256}`);
  }
  return sha256Hex(
    canonicalJson({
      v: row.hashVersion,
      seq: row.seq,
      id: row.id,
      kind: row.kind,
      createdAt: row.createdAt,
      createdBy: row.createdBy,
      sha256: row.sha256,
      prevSha256: row.prevSha256,
    }),
  );
}
