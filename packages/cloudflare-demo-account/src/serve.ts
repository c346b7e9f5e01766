/* Serves the demo account: `yarn workspace @cloudflare-backstage/cloudflare-demo-account serve`.
 *
 * Environment: DEMO_ACCOUNT_PORT (default 8787), DEMO_ACCOUNT_SCALE (N resources: scale mode, with
 * Cloudflare's rate limit on), DEMO_ACCOUNT_SEED (scale-mode seed), DEMO_ACCOUNT_RATE_LIMIT=1 (rate
 * limit on without scale mode), DEMO_ACCOUNT_LATENCY_MS (added latency), DEMO_ACCOUNT_ACCOUNTS (M:
 * serve M generated accounts of DEMO_ACCOUNT_SCALE resources each on the one port, each with its
 * own id and token, printed at start).
 */
import { startDemoAccountServer } from './server';
import { DemoAccountState } from './state';
import { createScaleAccountData } from './data';
import { createDemoAccounts, demoApiTokenFor } from './accounts';

async function main() {
  const scale = Number(process.env.DEMO_ACCOUNT_SCALE ?? 0);
  const seed = Number(process.env.DEMO_ACCOUNT_SEED ?? 1);
  const several = Number(process.env.DEMO_ACCOUNT_ACCOUNTS ?? 0);
  const rateLimit = scale > 0 || process.env.DEMO_ACCOUNT_RATE_LIMIT === '1';
  const latencyMs = Number(process.env.DEMO_ACCOUNT_LATENCY_MS ?? 0);
  const accounts =
    several > 0
      ? createDemoAccounts({
          count: several,
          resources: scale,
          seed,
          rateLimit,
          latencyMs,
        })
      : [
          new DemoAccountState({
            data:
              scale > 0
                ? createScaleAccountData({ resources: scale, seed })
                : undefined,
            rateLimit,
            latencyMs,
          }),
        ];
  const server = await startDemoAccountServer({
    port: Number(process.env.DEMO_ACCOUNT_PORT ?? 8787),
    accounts,
  });
  for (const state of server.states) {
    const { id, name } = state.data.account;
    // eslint-disable-next-line no-console
    console.log(
      `Demo Cloudflare account ${name} (${id}) on ${server.baseUrl}${
        several > 0 ? `, token ${demoApiTokenFor(id)}` : ''
      }`,
    );
  }
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch(error => {
  // eslint-disable-next-line no-console
  console.error(error);
  process.exit(1);
});
