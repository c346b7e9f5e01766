/*
 * Provider benchmark: ingests a scale-mode demo account of 10,000 Workers (served over HTTP on
 * loopback) and prints the API calls and wall time of a cold run and of a warm run (nothing changed).
 * Cloudflare's budget is 1,200 calls per 5 minutes per token; the figures say how a run fits it.
 *
 *   yarn tsx plugins/catalog-backend-module-cloudflare/bench/provider.bench.ts [workers]
 */
import { ConfigReader } from '@backstage/config';
import {
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import {
  DEMO_ACCOUNT_ID,
  DEMO_API_TOKEN,
  DemoAccountState,
  createScaleAccountData,
  startDemoAccountServer,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { CloudflareEntityProvider } from '../src/providers/CloudflareEntityProvider';

class ManualRunner implements SchedulerServiceTaskRunner {
  task?: SchedulerServiceTaskInvocationDefinition;
  async run(task: SchedulerServiceTaskInvocationDefinition) {
    this.task = task;
  }
}

const silent = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child() {
    return silent;
  },
} as any;

async function main() {
  const workers = Number(process.argv[2] ?? 10_000);
  const state = new DemoAccountState({
    data: createScaleAccountData({ seed: 42, counts: { workers, pages: 0 } }),
    rateLimit: false, // measured, not enforced: the figures are compared with the budget below
  });
  const server = await startDemoAccountServer({ port: 0, state });
  try {
    const runner = new ManualRunner();
    const [provider] = CloudflareEntityProvider.fromConfig(
      new ConfigReader({
        cloudflare: {
          accountId: DEMO_ACCOUNT_ID,
          apiToken: DEMO_API_TOKEN,
          apiBaseUrl: server.baseUrl,
          fetch: { maxRetries: 0, timeoutMs: 30_000 },
          entityProvider: { import: { pages: false, zeroTrust: false } },
        },
      }),
      { logger: silent, schedule: runner },
    );
    let entities = 0;
    await provider.connect({
      async applyMutation(mutation: any) {
        entities = mutation.entities?.length ?? mutation.added?.length ?? 0;
      },
      async refresh() {},
    });

    for (const run of ['cold', 'warm']) {
      state.resetCalls();
      const start = process.hrtime.bigint();
      await runner.task!.fn(new AbortController().signal);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const calls = state.totalCalls();
      const windows = Math.ceil(calls / 1200);
      console.log(
        `provider ${run} run, ${workers} Workers: ${entities} entities, ${calls} API calls, ` +
          `${(ms / 1000).toFixed(
            2,
          )} s wall; fits Cloudflare's budget in ${windows} window(s) of 5 min ` +
          `(1,200 calls each)`,
      );
      console.log(`  calls by route: ${JSON.stringify(state.callCounts())}`);
    }
  } finally {
    await server.close();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
