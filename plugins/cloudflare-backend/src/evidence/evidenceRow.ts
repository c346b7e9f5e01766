import { ChainedRow } from './chain';

/** Table of the evidence chain. */
export const EVIDENCE_TABLE = 'cloudflare_evidence';

/** A row of {@link EVIDENCE_TABLE} as the database returns it. */
export interface EvidenceRow {
  id: string;
  seq: number | string;
  kind: string;
  created_at: string;
  created_by: string;
  sha256: string;
  prev_sha256: string;
  chain_sha256: string;
  hash_version: number | string;
  bytes: string;
}

/** What the list shows of a stored snapshot (no bytes). */
export interface EvidenceRecord {
  id: string;
  seq: number;
  kind: string;
  createdAt: string;
  createdBy: string;
  sha256: string;
  prevSha256: string;
  chainSha256: string;
}

/** A stored snapshot with its exact bytes. */
export interface StoredEvidence extends EvidenceRecord {
  bytes: Buffer;
}

/** Columns of a record (everything but the bytes). */
export const RECORD_COLUMNS = [
  'id',
  'seq',
  'kind',
  'created_at',
  'created_by',
  'sha256',
  'prev_sha256',
  'chain_sha256',
  'hash_version',
] as const;

/** The API shape of a row. */
export function toRecord(row: EvidenceRow): EvidenceRecord {
  return {
    id: row.id,
    seq: Number(row.seq),
    kind: row.kind,
    createdAt: row.created_at,
    createdBy: row.created_by,
    sha256: row.sha256,
    prevSha256: row.prev_sha256,
    chainSha256: row.chain_sha256,
  };
}

/** The fields of a row its chain hash covers. */
export function toChained(row: EvidenceRow): ChainedRow {
  return {
    seq: Number(row.seq),
    id: row.id,
    kind: row.kind,
    createdAt: row.created_at,
    createdBy: row.created_by,
    sha256: row.sha256,
    prevSha256: row.prev_sha256,
    hashVersion: Number(row.hash_version),
  };
}
