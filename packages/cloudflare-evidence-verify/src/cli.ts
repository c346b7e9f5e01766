import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { verifyEvidence } from './verify';

/**
 * Where {@link runCli} writes: one line at a time.
 *
 * @public
 */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

const USAGE =
  'usage: cloudflare-evidence-verify <snapshot.json> <envelope.json> <public-key.pem>';

/**
 * The `cloudflare-evidence-verify` command: reads the three files, prints `valid` and returns 0,
 * or prints `invalid` and each problem and returns 1; a usage or read error returns 2.
 *
 * @public
 */
export function runCli(args: string[], output: CliOutput): number {
  if (args.length !== 3 || args.some(a => a.startsWith('-'))) {
    output.err(USAGE);
    return 2;
  }
  const [snapshotPath, envelopePath, keyPath] = args;
  let files: Buffer[];
  try {
    files = [snapshotPath, envelopePath, keyPath].map(p => readFileSync(p));
  } catch (e) {
    output.err(
      `cannot read ${(e as { path?: string }).path ?? 'a file'}: ${
        (e as { code?: string }).code ?? e
      }`,
    );
    return 2;
  }
  const result = verifyEvidence({
    snapshot: files[0],
    snapshotName: basename(snapshotPath),
    envelope: files[1].toString('utf8'),
    publicKeyPem: files[2].toString('utf8'),
  });
  if (result.valid) {
    output.out('valid');
    return 0;
  }
  output.out('invalid');
  for (const problem of result.problems) output.out(`- ${problem}`);
  return 1;
}
