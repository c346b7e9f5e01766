/*
 * Child process of router.bench.ts: the cloudflare plugin in a Backstage test backend (argv[2]: the
 * app config) with the real permission path (the permission backend and an allow-all policy, asked
 * over HTTP by the real PermissionsService, as in production), plus a bare node:http server
 * answering the bytes of the plugin's answer to `/api/cloudflare/v1/workers/acme-api/deployments`
 * (the floor of the cached-read figures).
 */
import http from 'node:http';
import {
  constants,
  monitorEventLoopDelay,
  PerformanceObserver,
} from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import cloudflarePlugin from '@cloudflare-backstage/plugin-cloudflare-backend';
import { benchParent, peakRssMb } from './benchKit';

const parent = benchParent();

/** Decisions the policy made: the permission round trips that reached it. */
let decisions = 0;

const allowAll = createBackendModule({
  pluginId: 'permission',
  moduleId: 'bench-allow-all',
  register(env) {
    env.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy({
          async handle() {
            decisions += 1;
            return { result: AuthorizeResult.ALLOW };
          },
        });
      },
    });
  },
});

parent.run(async () => {
  const config = JSON.parse(process.argv[2]);
  const backend = await startTestBackend({
    features: [
      cloudflarePlugin,
      import('@backstage/plugin-permission-backend'),
      allowAll,
      permissionsServiceFactory,
      mockServices.rootConfig.factory({
        data: { ...config, permission: { enabled: true } },
      }),
      mockServices.rootLogger.factory({ level: 'none' }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.user('user:default/bench'),
      }),
    ],
  });
  const port = backend.server.port();
  let body: Buffer | undefined;
  const own = () =>
    fetch(
      `http://127.0.0.1:${port}/api/cloudflare/v1/workers/acme-api/deployments`,
    ).then(async r => Buffer.from(await r.arrayBuffer()));
  const bare = http.createServer(async (_req, res) => {
    body ??= await own();
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': body.length,
    });
    res.end(body);
  });
  await new Promise<void>(resolve => bare.listen(0, '127.0.0.1', resolve));
  await parent.send({
    type: 'ready',
    port,
    barePort: (bare.address() as AddressInfo).port,
  });
  // The parent asks to watch the event loop and the GC around each latency run.
  while ((await parent.next(['watch', 'rss?'])).type === 'watch') {
    const loop = monitorEventLoopDelay({ resolution: 1 });
    const gc: number[] = [];
    let majorGcCount = 0;
    const observer = new PerformanceObserver(list => {
      for (const e of list.getEntries()) {
        gc.push(e.duration);
        const { detail } = e as { detail?: { kind?: number } };
        if (detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
          majorGcCount += 1;
        }
      }
    });
    observer.observe({ entryTypes: ['gc'] });
    loop.enable();
    await parent.next('watched?');
    loop.disable();
    observer.disconnect();
    await parent.send({
      type: 'watched',
      loopP99Ms: loop.percentile(99) / 1e6,
      loopMaxMs: loop.max / 1e6,
      gcMs: gc.reduce((a, b) => a + b, 0),
      gcCount: gc.length,
      gcMaxMs: gc.reduce((a, b) => Math.max(a, b), 0),
      majorGcCount,
      decisions,
    });
  }
  await parent.send({ type: 'rss', peakRssMb: peakRssMb() });
  await parent.next('never');
});
