/*
 * `yarn acceptance`: prints each acceptance criterion of spec section 11 with its target, the measured
 * value and PASS/FAIL.
 *
 * Without arguments it measures the demo: starts the demo backend and its demo account on free
 * ports, signs in as alice, exports a Zero Trust audit snapshot, reads GET /api/cloudflare/v1/acceptance
 * and scans everything the backend logged and answered for the demo account's secrets. It exits 1
 * when a criterion fails that the demo is not built to fail, or when a deliberate failure
 * (DEMO_ACCEPTANCE_FAILURES) passes; 0 otherwise.
 *
 * `--url <backend> --token <token>` (or BACKSTAGE_URL and BACKSTAGE_TOKEN) measures a running
 * backend instead, with no deliberate failures: any failing criterion exits 1. `--export` first
 * exports a Zero Trust audit snapshot there (it appends to that backend's evidence chain).
 */
/* eslint-disable no-console */ // a command: it reports on the terminal
import { formatAcceptance, judgeAcceptance } from './report';
import { AcceptanceRun, measureBackend, measureDemo } from './measure';
import { parseArgs } from './args';

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), process.env);
  const started = Date.now();
  let run: AcceptanceRun;
  if (args.url && args.token) {
    console.log(`[acceptance] measuring ${args.url}`);
    run = await measureBackend({
      url: args.url,
      token: args.token,
      exportSnapshot: args.exportSnapshot,
    });
  } else {
    run = await measureDemo(line => console.log(`[acceptance] ${line}`));
  }
  const outcome = judgeAcceptance(run.answer, run.deliberate);
  console.log(`\n${formatAcceptance(run.answer, outcome, run.deliberate)}`);
  console.log(
    `[acceptance] done in ${Math.round((Date.now() - started) / 1000)} s`,
  );
  return outcome.exitCode;
}

main().then(
  code => process.exit(code),
  error => {
    console.error(
      `[acceptance] ${error instanceof Error ? error.message : error}`,
    );
    process.exit(1);
  },
);
