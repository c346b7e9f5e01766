import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './cli';
import { signedSnapshot } from './__fixtures__/signed';

describe('runCli', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'evidence-verify-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function files(snapshot?: Buffer) {
    const signed = signedSnapshot();
    const paths = [
      join(dir, signed.snapshotName),
      join(dir, 'envelope.json'),
      join(dir, 'key.pem'),
    ];
    writeFileSync(paths[0], snapshot ?? signed.snapshot);
    writeFileSync(paths[1], signed.envelope);
    writeFileSync(paths[2], signed.publicKeyPem);
    return { paths, signed };
  }

  function run(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = runCli(args, {
      out: l => out.push(l),
      err: l => err.push(l),
    });
    return { code, out, err };
  }

  it('prints valid and exits 0 for a signed snapshot', () => {
    expect(run(files().paths)).toEqual({ code: 0, out: ['valid'], err: [] });
  });

  it('prints the digest mismatch and exits 1 after one changed byte', () => {
    const { signed } = files();
    const tampered = Buffer.from(signed.snapshot);
    tampered[10] ^= 1;
    const { paths } = files(tampered);
    const result = run(paths);
    expect(result.code).toBe(1);
    expect(result.out[0]).toBe('invalid');
    expect(result.out[1]).toMatch(
      /^- digest mismatch: the snapshot's sha256 is [0-9a-f]{64}, the statement's subject digest is [0-9a-f]{64}$/,
    );
  });

  it('exits 2 with the usage, or the file it cannot read', () => {
    expect(run(['a.json'])).toEqual({
      code: 2,
      out: [],
      err: [
        'usage: cloudflare-evidence-verify <snapshot.json> <envelope.json> <public-key.pem>',
      ],
    });
    const missing = join(dir, 'missing.json');
    expect(run([missing, missing, missing]).err).toEqual([
      `cannot read ${missing}: ENOENT`,
    ]);
  });
});
