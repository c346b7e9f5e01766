/* Serves the demo account: `yarn workspace @cloudflare-backstage/cloudflare-demo-account serve`.
 *
 * Environment: DEMO_ACCOUNT_PORT (default 8787), DEMO_ACCOUNT_SCALE (N resources: scale mode, with
 * Cloudflare's rate limit on), DEMO_ACCOUNT_SEED (scale-mode seed), DEMO_ACCOUNT_RATE_LIMIT=1 (rate
 * limit on without scale mode), DEMO_ACCOUNT_LATENCY_MS (added latency).
 */
import { startDemoAccountServer } from './server';
import { DemoAccountState } from './state';
import { createScaleAccountData } from './data';

async function main() {
  const scale = Number(process.env.DEMO_ACCOUNT_SCALE ?? 0);
  const state = new DemoAccountState({
    data:
      scale > 0
        ? createScaleAccountData({
            resources: scale,
            seed: Number(process.env.DEMO_ACCOUNT_SEED ?? 1),
          })
        : undefined,
    rateLimit: scale > 0 || process.env.DEMO_ACCOUNT_RATE_LIMIT === '1',
    latencyMs: Number(process.env.DEMO_ACCOUNT_LATENCY_MS ?? 0),
  });
  const server = await startDemoAccountServer({
    port: Number(process.env.DEMO_ACCOUNT_PORT ?? 8787),
    state,
  });
  // eslint-disable-next-line no-console
  console.log(
    `Demo Cloudflare account ${state.data.account.name} on ${server.baseUrl}`,
  );
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch(error => {
  // eslint-disable-next-line no-console
  console.error(error);
  process.exit(1);
});
