/*
 * Many accounts (docs/benchmarks.md): 50 generated accounts of 1,000 resources each (every area),
 * each with its own id and API token (`createDemoAccounts`), served on one loopback port with each
 * token's rate limit on (1,200 calls per window, window scaled to BENCH_WINDOW_SECONDS as in
 * account.bench.ts), configured as `cloudflare.accounts[]` of one backend (a child process): one
 * provider, one client and one call budget per account; every run runs all 50 providers at once.
 *
 * Figures: 429s summed over the accounts (each inside its own budget: target 0, and the worst
 * account's is printed), entity names held twice across all accounts (target 0), peak RSS of the
 * backend (target < 1 GB), and the cold sync's calls against the distinct URLs (information).
 *
 *   yarn tsx plugins/catalog-backend-module-cloudflare/bench/accounts.bench.ts [accounts] [resources]
 */
import {
  createDemoAccounts,
  demoApiTokenFor,
} from '@cloudflare-backstage/cloudflare-demo-account';
// The benchmarks' kit is repository tooling, never packaged: a relative import is what it needs.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { emitRow } from '../../../packages/backend/bench/benchKit';
import {
  BENCH_CLOUDFLARE_CONFIG,
  DEMO_RATE_LIMIT,
  runIngestionScenario,
} from './ingestionHarness';

const ACCOUNTS = Number(process.argv[2] ?? 50);
const RESOURCES = Number(process.argv[3] ?? 1000);

async function main() {
  const states = createDemoAccounts({
    count: ACCOUNTS,
    resources: RESOURCES,
    seed: 1000,
    rateLimit: true,
    rateLimitOptions: DEMO_RATE_LIMIT,
  });
  const r = await runIngestionScenario(
    {
      states,
      maxRuns: 30,
      config: baseUrl => ({
        cloudflare: {
          ...BENCH_CLOUDFLARE_CONFIG,
          accounts: states.map((s, i) => ({
            id: `acct-${i}`,
            accountId: s.data.account.id,
            apiToken: demoApiTokenFor(s.data.account.id),
            apiBaseUrl: baseUrl,
          })),
        },
      }),
    },
    line => console.log(`  ${line}`),
  );
  const label = `${ACCOUNTS} accounts x ${RESOURCES.toLocaleString(
    'en-US',
  )} resources`;
  const worst = Math.max(...r.cold.perAccount.map(a => a.rateLimited));
  const busiest = Math.max(...r.cold.perAccount.map(a => a.calls));
  console.log(
    `  ${label}: ${r.cold.runs} runs, ${r.lastCold.entities} entities, ${r.cold.calls} calls (busiest account ${busiest}), ${r.cold.rateLimited} x 429 (worst account ${worst}), ${r.cold.ms} ms; backend RSS at start ${r.startRssMb} MB`,
  );
  emitRow({
    figure: `${label}: 429s (each account inside its own budget)`,
    measured: r.cold.rateLimited + r.steady.rateLimited,
    unit: 'x 429',
    target: '= 0',
    pass: r.cold.rateLimited + r.steady.rateLimited === 0,
  });
  emitRow({
    figure: `${label}: entity names held twice`,
    measured: r.last.duplicateNames,
    unit: 'names',
    target: `= 0 (of ${r.last.entities.toLocaleString('en-US')} entities)`,
    pass: r.last.duplicateNames === 0 && r.last.entities > 0,
  });
  emitRow({
    figure: `${label}: peak RSS`,
    measured: r.last.peakRssMb,
    unit: 'MB',
    target: '< 1,024 MB',
    pass: r.last.peakRssMb < 1024,
  });
  emitRow({
    figure: `${label}: cold sync calls`,
    measured: r.cold.calls,
    unit: 'calls',
    floor: r.cold.distinct,
    note: 'distinct URLs asked, summed over the accounts',
  });
}

main()
  .then(() => process.exit(0))
  .catch(e => {
    console.error(e);
    process.exit(1);
  });
