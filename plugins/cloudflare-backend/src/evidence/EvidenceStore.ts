import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { sha256Hex } from './canonicalJson';
import { chainHash, GENESIS_HASH } from './chain';
import { EvidenceKind, EvidenceSnapshot } from './snapshot';

const TABLE = 'cloudflare_evidence';
const MIGRATIONS_DIR = resolvePackagePath(
  '@cloudflare-backstage/plugin-cloudflare-backend',
  'migrations',
);
/** Appends retried when another writer took the same chain position. */
const APPEND_ATTEMPTS = 5;
/** Rows read per query while walking the chain. */
const WALK_BATCH = 500;

interface EvidenceRow {
  id: string;
  seq: number | string;
  kind: string;
  created_at: string;
  created_by: string;
  sha256: string;
  prev_sha256: string;
  chain_sha256: string;
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

/** Result of {@link EvidenceStore.verify}. */
export interface EvidenceVerification {
  id: string;
  /** True when the document and the whole chain check out. */
  valid: boolean;
  document: {
    valid: boolean;
    storedSha256: string;
    computedSha256: string;
  };
  chain: {
    valid: boolean;
    /** Rows walked. */
    length: number;
    /** Chain hash of the last row walked. */
    headSha256: string;
    /** Sequence number of the first row that breaks the chain. */
    brokenAtSeq?: number;
    reason?: string;
  };
}

function toRecord(row: EvidenceRow): EvidenceRecord {
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

const isUniqueViolation = (e: unknown) =>
  /unique|duplicate/i.test(String((e as Error)?.message ?? e)) ||
  (e as { code?: string })?.code === '23505';

/**
 * Append-only, hash-chained store of evidence snapshots in the plugin's database. There is no
 * update or delete: each row carries the chain hash of the row before it, so a removed or altered
 * row breaks {@link EvidenceStore.verify}.
 */
export class EvidenceStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<EvidenceStore> {
    const knex = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await knex.migrate.latest({ directory: MIGRATIONS_DIR });
    }
    return new EvidenceStore(knex);
  }

  private constructor(private readonly db: Knex) {}

  /** Stores a snapshot at the head of the chain. */
  async append(
    snapshot: EvidenceSnapshot,
    createdBy: string,
  ): Promise<EvidenceRecord> {
    const bytes = snapshot.bytes.toString('utf8');
    const sha256 = sha256Hex(snapshot.bytes);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction(async tx => {
          const last = await tx<EvidenceRow>(TABLE)
            .select('seq', 'chain_sha256')
            .orderBy('seq', 'desc')
            .first();
          const prev = last?.chain_sha256 ?? GENESIS_HASH;
          const row: EvidenceRow = {
            id: randomUUID(),
            seq: last ? Number(last.seq) + 1 : 1,
            kind: snapshot.document.kind,
            created_at: snapshot.document.collectedAt,
            created_by: createdBy,
            sha256,
            prev_sha256: prev,
            chain_sha256: chainHash(prev, sha256),
            bytes,
          };
          await tx(TABLE).insert(row);
          return toRecord(row);
        });
      } catch (e) {
        if (attempt >= APPEND_ATTEMPTS || !isUniqueViolation(e)) throw e;
      }
    }
  }

  /** Snapshots, newest first. */
  async list(options: {
    kind?: EvidenceKind;
    limit: number;
    beforeSeq?: number;
  }): Promise<EvidenceRecord[]> {
    let q = this.db<EvidenceRow>(TABLE)
      .select(
        'id',
        'seq',
        'kind',
        'created_at',
        'created_by',
        'sha256',
        'prev_sha256',
        'chain_sha256',
      )
      .orderBy('seq', 'desc')
      .limit(options.limit);
    if (options.kind) q = q.where('kind', options.kind);
    if (options.beforeSeq !== undefined)
      q = q.where('seq', '<', options.beforeSeq);
    const rows = (await q) as EvidenceRow[];
    return rows.map(toRecord);
  }

  /** One snapshot with its exact bytes; NotFoundError when there is none. */
  async get(id: string): Promise<StoredEvidence> {
    const row = await this.db<EvidenceRow>(TABLE).where('id', id).first();
    if (!row) {
      throw new NotFoundError(`No evidence snapshot with id '${id}'`);
    }
    return { ...toRecord(row), bytes: Buffer.from(row.bytes, 'utf8') };
  }

  /**
   * Recomputes the hash of one snapshot's stored bytes, and walks the whole chain from the first
   * row: positions must be contiguous, each row's `prev_sha256` must be the chain hash of the row
   * before, each row's bytes must hash to its `sha256`, and each `chain_sha256` must follow.
   */
  async verify(id: string): Promise<EvidenceVerification> {
    const target = await this.get(id);
    const computedSha256 = sha256Hex(target.bytes);
    const documentValid = computedSha256 === target.sha256;

    let prev = GENESIS_HASH;
    let expectedSeq = 1;
    let length = 0;
    let broken: { seq: number; reason: string } | undefined;
    for (let afterSeq = 0; !broken; ) {
      const rows = (await this.db<EvidenceRow>(TABLE)
        .where('seq', '>', afterSeq)
        .orderBy('seq', 'asc')
        .limit(WALK_BATCH)) as EvidenceRow[];
      if (rows.length === 0) break;
      for (const row of rows) {
        const seq = Number(row.seq);
        const reason =
          (seq !== expectedSeq && `row ${expectedSeq} is missing`) ||
          (row.prev_sha256 !== prev &&
            'prev_sha256 is not the chain hash of the row before') ||
          (sha256Hex(Buffer.from(row.bytes, 'utf8')) !== row.sha256 &&
            'stored bytes do not match sha256') ||
          (chainHash(prev, row.sha256) !== row.chain_sha256 &&
            'chain_sha256 is not sha256(prev_sha256 + sha256)') ||
          undefined;
        if (reason) {
          broken = { seq, reason };
          break;
        }
        prev = row.chain_sha256;
        expectedSeq = seq + 1;
        length += 1;
      }
      afterSeq = Number(rows[rows.length - 1].seq);
    }
    const chainValid = !broken;
    return {
      id,
      valid: documentValid && chainValid,
      document: {
        valid: documentValid,
        storedSha256: target.sha256,
        computedSha256,
      },
      chain: {
        valid: chainValid,
        length,
        headSha256: prev,
        ...(broken ? { brokenAtSeq: broken.seq, reason: broken.reason } : {}),
      },
    };
  }
}
