/** What `yarn acceptance` was asked: a running backend to measure (else the demo). */
export interface AcceptanceArgs {
  url?: string;
  token?: string;
  exportSnapshot: boolean;
}

/** Parses `--url`, `--token`, `--export` (and the environment); throws on anything else. */
export function parseArgs(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): AcceptanceArgs {
  let url = env.BACKSTAGE_URL || undefined;
  let token = env.BACKSTAGE_TOKEN || undefined;
  let exportSnapshot = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--url' || arg === '--token') {
      const value = argv[++i];
      if (!value) throw new Error(`${arg} needs a value`);
      if (arg === '--url') url = value;
      else token = value;
    } else if (arg === '--export') {
      exportSnapshot = true;
    } else {
      throw new Error(
        `unknown argument ${arg}; usage: yarn acceptance [--url <backend> --token <token> [--export]]`,
      );
    }
  }
  if (url && !token)
    throw new Error('--url needs --token (or BACKSTAGE_TOKEN)');
  if (exportSnapshot && !url) throw new Error('--export needs --url');
  return { url, token, exportSnapshot };
}
