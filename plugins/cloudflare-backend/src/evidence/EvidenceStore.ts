import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Knex } from 'knex';
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { NotFoundError } from '@backstage/errors';
import { DsseEnvelope } from '@cloudflare-backstage/cloudflare-evidence-verify';
import { sha256Hex } from './canonicalJson';
import { GENESIS_HASH, ROW_HASH_VERSION, rowHash } from './chain';
import {
  EVIDENCE_TABLE,
  EvidenceRecord,
  EvidenceRow,
  RECORD_COLUMNS,
  StoredEvidence,
  toChained,
  toRecord,
} from './evidenceRow';
import { EvidenceKind, EvidenceSnapshot } from './snapshot';
import { isRetryableStorageError, toStorageError } from './storageErrors';
import { walkChain } from './verifyChain';
import {
  EvidenceFreshness,
  evidenceFreshness,
  EvidenceTtl,
  readEvidenceTtl,
} from './freshness';
import {
  EvidencePublicKey,
  EvidenceSigningKey,
  loadSigningKey,
} from './signing/signingKey';
import { signEvidenceRow } from './signing/statement';

export type { EvidenceRecord, StoredEvidence } from './evidenceRow';

const MIGRATIONS_DIR = resolvePackagePath(
  '@cloudflare-backstage/plugin-cloudflare-backend',
  'migrations',
);
/** Appends tried when other writers take the same chain position or the database is busy. */
const APPEND_ATTEMPTS = 8;
/** First backoff between append attempts, doubled each time (with jitter), at most 1 s. */
const APPEND_BACKOFF_MS = 20;
/**
 * Key of the PostgreSQL advisory lock that queues appends (any backend process, any replica):
 * the first 8 bytes of sha256('cloudflare_evidence chain head') as a signed 64-bit integer.
 */
const CHAIN_HEAD_LOCK = '4221623926038910106';

function isPostgres(db: Knex): boolean {
  const client = db.client.config.client;
  return client === 'pg' || client === 'postgres' || client === 'postgresql';
}

/** Result of {@link EvidenceStore.verify}. */
export interface EvidenceVerification {
  id: string;
  /** True when the document, the whole chain, the target's place in it and the head check out. */
  valid: boolean;
  /** Each thing that is wrong, in words; empty when valid. */
  problems: string[];
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
  /** Whether the walk from the first row reached this snapshot. */
  target: { reached: boolean };
  /** With `?head=`: whether a row with that chain hash is still in the chain. */
  head?: { expected: string; found: boolean };
}

/**
 * Append-only, hash-chained store of evidence snapshots in the plugin's database. Each row's
 * chain hash covers every stored field and the chain hash of the row before, so a removed, added
 * or altered row breaks {@link EvidenceStore.verify}; the database rejects UPDATE and DELETE
 * (triggers of the `evidence_chain_v2` migration). Database errors never pass through: knex puts
 * bindings (snapshot bytes) in its messages.
 */
export class EvidenceStore {
  /**
   * Runs the migrations (unless the database service says to skip them), loads the signing key
   * (`cloudflare.evidence.signing.privateKey`, or the one kept in the database) and the TTLs
   * (`cloudflare.evidence.ttl`), and opens the store.
   */
  static async create(options: {
    database: DatabaseService;
    config?: Config;
  }): Promise<EvidenceStore> {
    const knex = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await knex.migrate.latest({ directory: MIGRATIONS_DIR });
    }
    return new EvidenceStore(
      knex,
      await loadSigningKey(knex, options.config),
      readEvidenceTtl(options.config),
    );
  }

  /** The public half of the signing key, and where the key came from. */
  readonly publicKey: EvidencePublicKey;

  private constructor(
    private readonly db: Knex,
    /** The key each new snapshot's envelope is signed with; only its public half leaves the store. */
    private readonly signingKey: EvidenceSigningKey,
    private readonly ttl: EvidenceTtl,
  ) {
    const { keyid, publicKeyPem, source } = signingKey;
    this.publicKey = { keyid, publicKeyPem, source };
  }

  /** Stores a snapshot at the head of the chain, retrying with backoff when writers collide. */
  async append(
    snapshot: EvidenceSnapshot,
    createdBy: string,
  ): Promise<EvidenceRecord> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.appendOnce(snapshot, createdBy);
      } catch (e) {
        if (attempt >= APPEND_ATTEMPTS || !isRetryableStorageError(e)) {
          throw toStorageError(e, 'store the snapshot');
        }
        const base = Math.min(1000, APPEND_BACKOFF_MS * 2 ** (attempt - 1));
        await sleep(base / 2 + Math.random() * (base / 2));
      }
    }
  }

  private async appendOnce(snapshot: EvidenceSnapshot, createdBy: string) {
    const bytes = snapshot.bytes.toString('utf8');
    return this.db.transaction(async tx => {
      // On PostgreSQL, appenders queue on a lock held until commit instead of racing for the
      // next seq and retrying (at 300 appends at once over two replicas, retries ran out).
      // SQLite has a single writer already; the unique seq still guards both.
      if (isPostgres(tx)) {
        await tx.raw('SELECT pg_advisory_xact_lock(?::bigint)', [
          CHAIN_HEAD_LOCK,
        ]);
      }
      const last = await tx<EvidenceRow>(EVIDENCE_TABLE)
        .select('seq', 'chain_sha256')
        .orderBy('seq', 'desc')
        .first();
      const row: Omit<EvidenceRow, 'chain_sha256'> = {
        id: randomUUID(),
        seq: last ? Number(last.seq) + 1 : 1,
        kind: snapshot.document.kind,
        created_at: snapshot.document.collectedAt,
        created_by: createdBy,
        sha256: sha256Hex(snapshot.bytes),
        prev_sha256: last?.chain_sha256 ?? GENESIS_HASH,
        hash_version: ROW_HASH_VERSION,
        bytes,
      };
      const full: EvidenceRow = {
        ...row,
        chain_sha256: rowHash(toChained(row as EvidenceRow)),
      };
      const envelope = signEvidenceRow(this.signingKey, {
        id: row.id,
        seq: Number(row.seq),
        sha256: row.sha256,
        prevSha256: row.prev_sha256,
        document: snapshot.document,
      });
      await tx(EVIDENCE_TABLE).insert({
        ...full,
        envelope: JSON.stringify(envelope),
      });
      return toRecord(full);
    });
  }

  /** Snapshots, newest first. */
  async list(options: {
    kind?: EvidenceKind;
    limit: number;
    beforeSeq?: number;
  }): Promise<EvidenceRecord[]> {
    let q = this.db<EvidenceRow>(EVIDENCE_TABLE)
      .select(...RECORD_COLUMNS)
      .orderBy('seq', 'desc')
      .limit(options.limit);
    if (options.kind) q = q.where('kind', options.kind);
    if (options.beforeSeq !== undefined)
      q = q.where('seq', '<', options.beforeSeq);
    const rows = (await q.catch(e => {
      throw toStorageError(e, 'list snapshots');
    })) as EvidenceRow[];
    return rows.map(toRecord);
  }

  /** Whether a snapshot is past its kind's TTL (`cloudflare.evidence.ttl`) at `now`. */
  freshness(
    record: Pick<EvidenceRecord, 'kind' | 'createdAt'>,
    now: Date,
  ): EvidenceFreshness {
    return evidenceFreshness(this.ttl, record, now);
  }

  /**
   * The DSSE envelope signed when the snapshot was stored; NotFoundError when there is no such
   * snapshot, or it was stored before the suite signed snapshots.
   */
  async envelope(id: string): Promise<DsseEnvelope> {
    const row = await this.db<EvidenceRow & { envelope: string | null }>(
      EVIDENCE_TABLE,
    )
      .where('id', id)
      .first('id', 'envelope')
      .catch(e => {
        throw toStorageError(e, 'read the envelope');
      });
    if (!row) {
      throw new NotFoundError(`No evidence snapshot with id '${id}'`);
    }
    if (!row.envelope) {
      throw new NotFoundError(
        `Evidence snapshot '${id}' has no signature: it was stored before the suite signed snapshots`,
      );
    }
    return JSON.parse(row.envelope);
  }

  /** One snapshot with its exact bytes; NotFoundError when there is none. */
  async get(id: string): Promise<StoredEvidence> {
    const row = await this.db<EvidenceRow>(EVIDENCE_TABLE)
      .where('id', id)
      .first()
      .catch(e => {
        throw toStorageError(e, 'read the snapshot');
      });
    if (!row) {
      throw new NotFoundError(`No evidence snapshot with id '${id}'`);
    }
    return { ...toRecord(row), bytes: Buffer.from(row.bytes, 'utf8') };
  }

  /**
   * Recomputes the hash of one snapshot's stored bytes and walks the whole chain from its first
   * row (see `walkChain`). The snapshot is valid only when its bytes match, every row checks out,
   * the walk reached it, and, given `expectedHead` (a chain hash an auditor kept, e.g. from an
   * `evidence-export` audit event), a row with that chain hash is still in the chain: a chain
   * cut back past it (newest rows deleted) fails.
   */
  async verify(
    id: string,
    expectedHead?: string,
  ): Promise<EvidenceVerification> {
    const target = await this.get(id);
    const computedSha256 = sha256Hex(target.bytes);
    const documentValid = computedSha256 === target.sha256;
    const walk = await walkChain(this.db, id, expectedHead).catch(e => {
      throw toStorageError(e, 'walk the chain');
    });
    const problems = [
      ...(documentValid
        ? []
        : ['the stored bytes of this snapshot do not match its sha256']),
      ...(walk.valid
        ? []
        : [`the chain breaks at seq ${walk.brokenAtSeq}: ${walk.reason}`]),
      ...(walk.targetReached
        ? []
        : [
            `this snapshot (seq ${target.seq}) was not reached by the walk from the first row`,
          ]),
      ...(expectedHead !== undefined && !walk.expectedHeadFound
        ? [
            `no row has the expected head hash ${expectedHead}: the chain was cut back or rewritten`,
          ]
        : []),
    ];
    return {
      id,
      valid: problems.length === 0,
      problems,
      document: {
        valid: documentValid,
        storedSha256: target.sha256,
        computedSha256,
      },
      chain: {
        valid: walk.valid,
        length: walk.length,
        headSha256: walk.headSha256,
        ...(walk.brokenAtSeq !== undefined
          ? { brokenAtSeq: walk.brokenAtSeq, reason: walk.reason }
          : {}),
      },
      target: { reached: walk.targetReached },
      ...(expectedHead !== undefined
        ? {
            head: {
              expected: expectedHead,
              found: walk.expectedHeadFound === true,
            },
          }
        : {}),
    };
  }
}
