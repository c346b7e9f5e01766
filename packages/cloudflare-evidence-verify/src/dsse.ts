import { createHash, createPublicKey, KeyObject, sign } from 'node:crypto';

/**
 * DSSE payload type of an in-toto statement.
 *
 * @public
 */
export const DSSE_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

/**
 * `_type` of an in-toto Statement v1.
 *
 * @public
 */
export const IN_TOTO_STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';

/**
 * `predicateType` of the suite's evidence statements: the predicate describes one evidence
 * snapshot (see {@link EvidencePredicate}).
 *
 * @public
 */
export const EVIDENCE_PREDICATE_TYPE =
  'https://cloudflare-backstage.dev/evidence-snapshot/v1';

/**
 * One signature of a DSSE envelope: the signing key's id (hex SHA-256 of its SPKI DER) and the
 * base64 signature over the PAE bytes.
 *
 * @public
 */
export interface DsseSignature {
  keyid: string;
  sig: string;
}

/**
 * A DSSE envelope (https://github.com/secure-systems-lab/dsse): base64 payload, its type and
 * signatures over `PAE(payloadType, payload)`.
 *
 * @public
 */
export interface DsseEnvelope {
  payloadType: string;
  payload: string;
  signatures: DsseSignature[];
}

/**
 * What a signed statement says about one evidence snapshot.
 *
 * @public
 */
export interface EvidencePredicate {
  /** Snapshot kind, e.g. `zero-trust-audit`. */
  kind: string;
  account: { id: string };
  /** The filters the snapshot was collected with. */
  scope: { [key: string]: unknown };
  /** How many records it holds, and whether the source was read to its end. */
  population: { count: number; exhausted: boolean };
  collector: {
    userEntityRef: string;
    suite: { name: string; version: string };
  };
  /** When the data was read, ISO 8601 UTC. */
  collectedAt: string;
  /** The snapshot's place in the evidence chain: its sequence number and the chain hash before it. */
  chain: { seq: number; previousChainSha256: string };
}

/**
 * An in-toto Statement v1 over one evidence snapshot file.
 *
 * @public
 */
export interface EvidenceStatement {
  _type: typeof IN_TOTO_STATEMENT_TYPE;
  subject: Array<{ name: string; digest: { sha256: string } }>;
  predicateType: string;
  predicate: EvidencePredicate;
}

/**
 * DSSE v1 pre-authentication encoding: `DSSEv1 <len(type)> <type> <len(body)> <body>`, lengths in
 * bytes as ASCII decimals. The signature is over exactly these bytes.
 *
 * @public
 */
export function pae(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${type.length} `, 'utf8'),
    type,
    Buffer.from(` ${payload.length} `, 'utf8'),
    payload,
  ]);
}

/**
 * Id of a public key: the hex SHA-256 of its SubjectPublicKeyInfo DER.
 *
 * @public
 */
export function evidenceKeyId(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

/**
 * Signs a statement: a DSSE envelope with its JSON payload, signed with an Ed25519
 * private key over the PAE bytes, the signature labelled with the key's {@link evidenceKeyId}.
 *
 * @public
 */
export function signEvidenceStatement(
  statement: EvidenceStatement,
  privateKey: KeyObject,
): DsseEnvelope {
  const payload = Buffer.from(JSON.stringify(statement), 'utf8');
  const sig = sign(null, pae(DSSE_PAYLOAD_TYPE, payload), privateKey);
  return {
    payloadType: DSSE_PAYLOAD_TYPE,
    payload: payload.toString('base64'),
    signatures: [
      {
        keyid: evidenceKeyId(createPublicKey(privateKey)),
        sig: sig.toString('base64'),
      },
    ],
  };
}
