import { createHash, sign } from 'node:crypto';
import { DsseEnvelope, pae, signEvidenceStatement } from './dsse';
import { verifyEvidence } from './verify';
import {
  keyPair,
  SNAPSHOT,
  signedSnapshot,
  statementOf,
} from './__fixtures__/signed';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('verifyEvidence', () => {
  it('accepts a signed snapshot and returns its statement', () => {
    const result = verifyEvidence(signedSnapshot());
    expect(result).toMatchObject({ valid: true, problems: [] });
    expect(result.statement?.predicate.population).toEqual({
      count: 1,
      exhausted: true,
    });
  });

  it('names both hashes when one byte of the snapshot changed', () => {
    const input = signedSnapshot();
    const tampered = Buffer.from(input.snapshot);
    tampered[tampered.length - 3] ^= 1;
    const result = verifyEvidence({ ...input, snapshot: tampered });
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([
      `digest mismatch: the snapshot's sha256 is ${sha(
        tampered,
      )}, the statement's subject digest is ${sha(SNAPSHOT)}`,
    ]);
  });

  it('says the signature is bad when one byte of it changed', () => {
    const input = signedSnapshot();
    const env: DsseEnvelope = JSON.parse(input.envelope);
    const sig = Buffer.from(env.signatures[0].sig, 'base64');
    sig[0] ^= 1;
    env.signatures[0].sig = sig.toString('base64');
    const result = verifyEvidence({ ...input, envelope: JSON.stringify(env) });
    expect(result.problems).toEqual([
      expect.stringMatching(
        /^bad signature: the signature of keyid [0-9a-f]{64} does not verify/,
      ),
    ]);
  });

  it('says the signature is bad when the payload was re-encoded with a changed statement', () => {
    const input = signedSnapshot();
    const env: DsseEnvelope = JSON.parse(input.envelope);
    const statement = JSON.parse(Buffer.from(env.payload, 'base64').toString());
    statement.predicate.population.count = 0;
    env.payload = Buffer.from(JSON.stringify(statement)).toString('base64');
    const result = verifyEvidence({ ...input, envelope: JSON.stringify(env) });
    expect(result.problems).toEqual([expect.stringMatching(/^bad signature/)]);
  });

  it('names both keyids when another key is given', () => {
    const input = signedSnapshot();
    const other = keyPair();
    const result = verifyEvidence({
      ...input,
      publicKeyPem: other.publicKeyPem,
    });
    const signedBy = JSON.parse(input.envelope).signatures[0].keyid;
    expect(result.problems).toEqual([
      expect.stringMatching(
        new RegExp(
          `^wrong keyid: the envelope is signed by keyid ${signedBy}, this public key's keyid is [0-9a-f]{64} \\(and no signature verifies with this key\\)$`,
        ),
      ),
    ]);
  });

  it('names the subject when the file name differs', () => {
    const result = verifyEvidence({
      ...signedSnapshot(),
      snapshotName: 'renamed.json',
    });
    expect(result.problems).toEqual([
      expect.stringMatching(
        /^subject name mismatch: the statement is about cloudflare-evidence-zero-trust-audit-.*\.json, the snapshot file is renamed\.json$/,
      ),
    ]);
  });

  it('rejects a signed payload that is not an in-toto statement', () => {
    const { privateKey, publicKeyPem } = keyPair();
    const payload = Buffer.from('{"_type":"https://example.com/other"}');
    const env = signEvidenceStatement(statementOf(SNAPSHOT), privateKey);
    env.payload = payload.toString('base64');
    env.signatures[0].sig = sign(
      null,
      pae(env.payloadType, payload),
      privateKey,
    ).toString('base64');
    const result = verifyEvidence({
      ...signedSnapshot(),
      envelope: JSON.stringify(env),
      publicKeyPem,
    });
    expect(result.problems).toEqual([
      'the payload is not an in-toto statement: _type is "https://example.com/other", not https://in-toto.io/Statement/v1',
    ]);
  });

  it('rejects what is not an envelope or not an Ed25519 key', () => {
    const input = signedSnapshot();
    expect(verifyEvidence({ ...input, envelope: '[]' }).problems).toEqual([
      'the envelope is not a JSON object',
    ]);
    expect(
      verifyEvidence({
        ...input,
        envelope: '{"payloadType":"x","payload":"e30=","signatures":[]}',
      }).problems,
    ).toEqual([expect.stringMatching(/signatures must be a non-empty list/)]);
    expect(verifyEvidence({ ...input, publicKeyPem: 'nope' }).problems).toEqual(
      ['the public key is not a PEM public key'],
    );
  });
});
