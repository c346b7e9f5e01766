import {
  DsseEnvelope,
  EVIDENCE_PREDICATE_TYPE,
  EvidenceStatement,
  IN_TOTO_STATEMENT_TYPE,
  signEvidenceStatement,
} from '@cloudflare-backstage/cloudflare-evidence-verify';
import { EvidenceDocument } from '../snapshot';
import { EvidenceSigningKey } from './signingKey';

/** File name a snapshot is downloaded as, and the subject name of its statement. */
export function evidenceFileName(kind: string, id: string): string {
  return `cloudflare-evidence-${kind}-${id}.json`;
}

/** What the statement of one stored snapshot is made from. */
export interface SignedRow {
  id: string;
  seq: number;
  sha256: string;
  prevSha256: string;
  document: EvidenceDocument;
}

/**
 * The in-toto Statement v1 over one stored snapshot: its file name and SHA-256 as the subject;
 * kind, account, scope, population, collector, `collectedAt` and its place in the chain (seq,
 * previous chain hash) as the predicate.
 */
export function evidenceStatement(row: SignedRow): EvidenceStatement {
  const doc = row.document;
  return {
    _type: IN_TOTO_STATEMENT_TYPE,
    subject: [
      {
        name: evidenceFileName(doc.kind, row.id),
        digest: { sha256: row.sha256 },
      },
    ],
    predicateType: EVIDENCE_PREDICATE_TYPE,
    predicate: {
      kind: doc.kind,
      account: doc.account,
      scope: doc.scope,
      population: doc.population,
      collector: doc.collector,
      collectedAt: doc.collectedAt,
      chain: { seq: row.seq, previousChainSha256: row.prevSha256 },
    },
  };
}

/** The DSSE envelope of one stored snapshot, signed with `key`. */
export function signEvidenceRow(
  key: EvidenceSigningKey,
  row: SignedRow,
): DsseEnvelope {
  return signEvidenceStatement(evidenceStatement(row), key.privateKey);
}
