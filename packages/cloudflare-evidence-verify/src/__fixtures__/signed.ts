import { createHash, generateKeyPairSync, KeyObject } from 'node:crypto';
import {
  EVIDENCE_PREDICATE_TYPE,
  EvidenceStatement,
  IN_TOTO_STATEMENT_TYPE,
  signEvidenceStatement,
} from '../dsse';

/** A snapshot file as the suite downloads it (canonical JSON bytes). */
export const SNAPSHOT_NAME =
  'cloudflare-evidence-zero-trust-audit-6f1c2a9e-1111-4222-8333-944455556666.json';
export const SNAPSHOT = Buffer.from(
  '{"account":{"id":"acc"},"collectedAt":"2026-12-01T00:00:00.000Z","data":{"events":[{"id":"e1","text":"caf\u00e9"}]},"kind":"zero-trust-audit","population":{"count":1,"exhausted":true},"schemaVersion":2,"scope":{"view":"masked"}}',
  'utf8',
);

/** The statement the suite signs for {@link SNAPSHOT}. */
export function statementOf(snapshot: Buffer, name = SNAPSHOT_NAME) {
  const statement: EvidenceStatement = {
    _type: IN_TOTO_STATEMENT_TYPE,
    subject: [
      {
        name,
        digest: { sha256: createHash('sha256').update(snapshot).digest('hex') },
      },
    ],
    predicateType: EVIDENCE_PREDICATE_TYPE,
    predicate: {
      kind: 'zero-trust-audit',
      account: { id: 'acc' },
      scope: { view: 'masked' },
      population: { count: 1, exhausted: true },
      collector: {
        userEntityRef: 'user:default/alice',
        suite: { name: 'suite', version: '0.1.0' },
      },
      collectedAt: '2026-12-01T00:00:00.000Z',
      chain: { seq: 1, previousChainSha256: '0'.repeat(64) },
    },
  };
  return statement;
}

/** A fresh Ed25519 key pair, the public half as PEM. */
export function keyPair(): { privateKey: KeyObject; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** {@link SNAPSHOT}, its envelope (JSON text) and the signer's public key. */
export function signedSnapshot() {
  const { privateKey, publicKeyPem } = keyPair();
  const envelope = signEvidenceStatement(statementOf(SNAPSHOT), privateKey);
  return {
    snapshot: Buffer.from(SNAPSHOT),
    snapshotName: SNAPSHOT_NAME,
    envelope: JSON.stringify(envelope),
    publicKeyPem,
  };
}
