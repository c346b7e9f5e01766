import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

const ROOT = path.resolve(resolvePackagePath('backend'), '../..');
const CLI = path.join(ROOT, 'node_modules/@backstage/cli/bin/backstage-cli');

/** The production example, app-config.production.yaml, as text. */
export const readProductionConfig = () =>
  readFileSync(path.join(ROOT, 'app-config.production.yaml'), 'utf8');

/**
 * The production example with its commented `cloudflare.accounts` block switched on: the block
 * starts at `  # accounts:` and runs while lines are comments indented under it.
 */
export function withAccountsBlock(text: string): string {
  let inBlock = false;
  return text
    .split('\n')
    .map(line => {
      if (line === '  # accounts:') inBlock = true;
      else if (inBlock && !line.startsWith('  #  ')) inBlock = false;
      return inBlock ? `  ${line.slice('  # '.length)}` : line;
    })
    .join('\n');
}

/** What `backstage-cli config:check --strict` and `config:print` say about a config. */
export interface ConfigReport {
  /** Schema errors (`Config must ... at /path`), each with its path. */
  errors: Array<{ message: string; path: string }>;
  /** The merged config, secrets hidden (`config:print --format json`). */
  printed: any;
}

/**
 * Runs the CLI's schema check (strict: type errors count) and print over app-config.yaml and
 * `text`, written to a temp file, with `env` added to the environment.
 */
export async function checkConfig(
  text: string,
  env: Record<string, string>,
): Promise<ConfigReport> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'production-config-'));
  const file = path.join(dir, 'app-config.production.yaml');
  writeFileSync(file, text);
  const args = [
    '--config',
    path.join(ROOT, 'app-config.yaml'),
    '--config',
    file,
  ];
  const run = (cmd: string[]) =>
    promisify(execFile)(process.execPath, [CLI, ...cmd, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    }).catch(e => ({ stdout: String(e.stdout), stderr: String(e.stderr) }));
  try {
    const [check, print] = await Promise.all([
      run(['config:check', '--strict']),
      run(['config:print', '--format', 'json']),
    ]);
    const errors = [
      ...`${check.stdout}\n${check.stderr}`.matchAll(
        /Config (must [^\n]*?) at (\/\S*)/g,
      ),
    ].map(m => ({ message: m[1], path: m[2] }));
    return { errors, printed: JSON.parse(print.stdout || '{}') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
