import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { signedSnapshot } from './__fixtures__/signed';

jest.setTimeout(180_000);

const PACKAGE_DIR = resolve(__dirname, '..');
const REPO_ROOT = resolve(PACKAGE_DIR, '../..');

/**
 * The command as an auditor gets it: this package built and packed (`yarn pack`, whose prepack
 * points `main` at dist/), then run with `npx --yes ./package.tgz` in an empty directory with an
 * empty npm cache. It has no dependencies, so nothing is fetched.
 */
describe('npx from the packed tarball', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'evidence-verify-npx-'));
    // The declarations the build bundles (`yarn tsc` makes them for the whole repo).
    execFileSync(
      process.execPath,
      [
        require.resolve('typescript/bin/tsc'),
        ...['--declaration', '--emitDeclarationOnly', '--skipLibCheck'],
        ...['--strict', '--target', 'es2022', '--module', 'commonjs'],
        ...['--moduleResolution', 'node', '--types', 'node'],
        ...['--rootDir', REPO_ROOT, '--outDir', join(REPO_ROOT, 'dist-types')],
        join(PACKAGE_DIR, 'src/index.ts'),
      ],
      { stdio: 'pipe' },
    );
    execFileSync('yarn', ['backstage-cli', 'package', 'build'], {
      cwd: PACKAGE_DIR,
      stdio: 'pipe',
    });
    execFileSync('yarn', ['pack', '--out', join(dir, 'package.tgz')], {
      cwd: PACKAGE_DIR,
      stdio: 'pipe',
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function npx(snapshot: Buffer) {
    const signed = signedSnapshot();
    writeFileSync(join(dir, signed.snapshotName), snapshot);
    writeFileSync(join(dir, 'envelope.json'), signed.envelope);
    writeFileSync(join(dir, 'key.pem'), signed.publicKeyPem);
    return spawnSync(
      'npx',
      [
        '--yes',
        './package.tgz',
        signed.snapshotName,
        'envelope.json',
        'key.pem',
      ],
      {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, npm_config_cache: join(dir, 'npm-cache') },
      },
    );
  }

  it('prints valid for a signed snapshot, and the digest mismatch after one changed byte', () => {
    const good = npx(signedSnapshot().snapshot);
    expect({ status: good.status, stdout: good.stdout }).toEqual({
      status: 0,
      stdout: 'valid\n',
    });
    const tampered = Buffer.from(signedSnapshot().snapshot);
    tampered[5] ^= 1;
    const bad = npx(tampered);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(
      /^invalid\n- digest mismatch: the snapshot's sha256 is /,
    );
  });
});
