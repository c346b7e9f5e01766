import { createHash, createPublicKey, KeyObject, verify } from 'node:crypto';
import {
  DSSE_PAYLOAD_TYPE,
  DsseEnvelope,
  EVIDENCE_PREDICATE_TYPE,
  evidenceKeyId,
  EvidenceStatement,
  IN_TOTO_STATEMENT_TYPE,
  pae,
} from './dsse';

/**
 * What {@link verifyEvidence} checks: a snapshot's exact bytes and file name, its DSSE envelope
 * (JSON text) and the signer's public key (PEM).
 *
 * @public
 */
export interface EvidenceVerificationInput {
  snapshot: Buffer;
  snapshotName: string;
  envelope: string;
  publicKeyPem: string;
}

/**
 * Result of {@link verifyEvidence}: valid, or each thing that is wrong in words.
 *
 * @public
 */
export interface EvidenceVerificationResult {
  valid: boolean;
  problems: string[];
  /** The signed statement, when the envelope held one. */
  statement?: EvidenceStatement;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const HEX64 = /^[0-9a-f]{64}$/;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function readKey(pem: string): KeyObject | string {
  try {
    const key = createPublicKey(pem);
    return key.asymmetricKeyType === 'ed25519'
      ? key
      : `the public key is not an Ed25519 key (it is ${key.asymmetricKeyType})`;
  } catch {
    return 'the public key is not a PEM public key';
  }
}

function readEnvelope(text: string): DsseEnvelope | string {
  let env: unknown;
  try {
    env = JSON.parse(text);
  } catch {
    return 'the envelope is not JSON';
  }
  if (!isObject(env)) return 'the envelope is not a JSON object';
  const { payloadType, payload, signatures } = env;
  if (typeof payloadType !== 'string' || typeof payload !== 'string') {
    return 'the envelope is not a DSSE envelope: payloadType and payload must be strings';
  }
  if (!BASE64.test(payload)) {
    return 'the envelope is not a DSSE envelope: payload is not base64';
  }
  if (
    !Array.isArray(signatures) ||
    signatures.length === 0 ||
    !signatures.every(
      s =>
        isObject(s) &&
        typeof s.keyid === 'string' &&
        typeof s.sig === 'string' &&
        BASE64.test(s.sig),
    )
  ) {
    return 'the envelope is not a DSSE envelope: signatures must be a non-empty list of { keyid, sig (base64) }';
  }
  return env as unknown as DsseEnvelope;
}

function readStatement(payload: Buffer): EvidenceStatement | string {
  const not = (why: string) =>
    `the payload is not an in-toto statement: ${why}`;
  let st: unknown;
  try {
    st = JSON.parse(payload.toString('utf8'));
  } catch {
    return not('it is not JSON');
  }
  if (!isObject(st)) return not('it is not a JSON object');
  if (st._type !== IN_TOTO_STATEMENT_TYPE) {
    return not(
      `_type is ${JSON.stringify(st._type)}, not ${IN_TOTO_STATEMENT_TYPE}`,
    );
  }
  const subject = st.subject;
  if (
    !Array.isArray(subject) ||
    subject.length !== 1 ||
    !isObject(subject[0]) ||
    typeof subject[0].name !== 'string' ||
    !isObject(subject[0].digest) ||
    typeof subject[0].digest.sha256 !== 'string' ||
    !HEX64.test(subject[0].digest.sha256)
  ) {
    return not(
      'subject must be one { name, digest: { sha256 } } with a hex SHA-256',
    );
  }
  if (typeof st.predicateType !== 'string' || !isObject(st.predicate)) {
    return not('predicateType and predicate are missing');
  }
  return st as unknown as EvidenceStatement;
}

/**
 * Verifies a snapshot against its DSSE envelope and the signer's public key, offline: the
 * envelope's signature over `PAE(payloadType, payload)` with the key whose keyid it names, the
 * payload an in-toto Statement v1 of the suite's predicate type, its one subject named as the
 * snapshot file and carrying the SHA-256 of the snapshot's exact bytes.
 *
 * @public
 */
export function verifyEvidence(
  input: EvidenceVerificationInput,
): EvidenceVerificationResult {
  const fail = (problem: string) => ({ valid: false, problems: [problem] });
  const key = readKey(input.publicKeyPem);
  if (typeof key === 'string') return fail(key);
  const envelope = readEnvelope(input.envelope);
  if (typeof envelope === 'string') return fail(envelope);

  const problems: string[] = [];
  if (envelope.payloadType !== DSSE_PAYLOAD_TYPE) {
    problems.push(
      `wrong payloadType: ${JSON.stringify(
        envelope.payloadType,
      )}, expected ${DSSE_PAYLOAD_TYPE}`,
    );
  }
  const payload = Buffer.from(envelope.payload, 'base64');
  const signed = pae(envelope.payloadType, payload);
  const keyid = evidenceKeyId(key);
  const verifies = (sig: string) =>
    verify(null, signed, key, Buffer.from(sig, 'base64'));
  const mine = envelope.signatures.filter(s => s.keyid === keyid);
  if (mine.length === 0) {
    const named = envelope.signatures.map(s => s.keyid || '(none)').join(', ');
    const anyVerifies = envelope.signatures.some(s => verifies(s.sig));
    const note = anyVerifies
      ? ''
      : ' (and no signature verifies with this key)';
    problems.push(
      `wrong keyid: the envelope is signed by keyid ${named}, this public key's keyid is ${keyid}${note}`,
    );
  } else if (!mine.some(s => verifies(s.sig))) {
    problems.push(
      `bad signature: the signature of keyid ${keyid} does not verify over the envelope's payload with this public key`,
    );
  }

  const statement = readStatement(payload);
  if (typeof statement === 'string') {
    return { valid: false, problems: [...problems, statement] };
  }
  if (statement.predicateType !== EVIDENCE_PREDICATE_TYPE) {
    problems.push(
      `wrong predicateType: ${statement.predicateType}, expected ${EVIDENCE_PREDICATE_TYPE}`,
    );
  }
  const [subject] = statement.subject;
  if (subject.name !== input.snapshotName) {
    problems.push(
      `subject name mismatch: the statement is about ${subject.name}, the snapshot file is ${input.snapshotName}`,
    );
  }
  const actual = createHash('sha256').update(input.snapshot).digest('hex');
  if (actual !== subject.digest.sha256) {
    problems.push(
      `digest mismatch: the snapshot's sha256 is ${actual}, the statement's subject digest is ${subject.digest.sha256}`,
    );
  }
  return { valid: problems.length === 0, problems, statement };
}
