import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DsseEnvelope } from './dsse';
import { signedSnapshot } from './__fixtures__/signed';

const DOC = resolve(__dirname, '../../../docs/verifying-evidence.md');

/** The shell block of docs/verifying-evidence.md marked `verify-by-hand`, as written. */
function byHandScript(): string {
  const doc = readFileSync(DOC, 'utf8');
  const match = doc.match(
    /<!-- verify-by-hand[^>]*-->\n```sh\n([\s\S]*?)\n```/,
  );
  if (!match) throw new Error('no verify-by-hand block in the doc');
  return match[1];
}

// sha256sum, openssl 3, jq and base64 are on the CI image and the dev machines.
describe('the by-hand commands of the doc', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'evidence-by-hand-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function run(
    snapshot: Buffer | undefined,
    envelope?: (e: DsseEnvelope) => void,
  ) {
    const signed = signedSnapshot();
    const env: DsseEnvelope = JSON.parse(signed.envelope);
    envelope?.(env);
    writeFileSync(join(dir, signed.snapshotName), snapshot ?? signed.snapshot);
    writeFileSync(join(dir, 'envelope.dsse.json'), JSON.stringify(env));
    writeFileSync(join(dir, 'key.pem'), signed.publicKeyPem);
    return spawnSync('bash', ['-c', byHandScript()], {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        SNAP: signed.snapshotName,
        ENV: 'envelope.dsse.json',
        KEY: 'key.pem',
      },
    });
  }

  it('verify a signed snapshot', () => {
    const r = run(undefined);
    expect(r.stdout + r.stderr).toMatch(/Signature Verified Successfully/);
    expect(r.status).toBe(0);
  });

  it('fail on one changed byte of the snapshot, naming the digest', () => {
    const tampered = Buffer.from(signedSnapshot().snapshot);
    tampered[7] ^= 1;
    const r = run(tampered);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toMatch(
      /^digest mismatch: [0-9a-f]{64} != [0-9a-f]{64}$/m,
    );
  });

  it('fail on one changed byte of the signature', () => {
    const r = run(undefined, env => {
      const sig = Buffer.from(env.signatures[0].sig, 'base64');
      sig[3] ^= 1;
      env.signatures[0].sig = sig.toString('base64');
    });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/Signature Verification Failure/);
  });
});
