/*
 * Child process of router.bench.ts: the cloudflare plugin in a Backstage test backend (argv[2]: the
 * app config), plus a bare node:http server answering the bytes of the plugin's answer to
 * `/api/cloudflare/v1/workers/acme-api/deployments` (the floor of the cached-read figures).
 */
import http from 'node:http';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
// The benchmarks' kit is repository tooling, never packaged: a relative import is what it needs.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import {
  benchParent,
  peakRssMb,
} from '../../../packages/backend/bench/benchKit';
import { cloudflarePlugin } from '../src/plugin';

const parent = benchParent();

parent.run(async () => {
  const backend = await startTestBackend({
    features: [
      cloudflarePlugin,
      mockServices.rootConfig.factory({ data: JSON.parse(process.argv[2]) }),
      mockServices.rootLogger.factory({ level: 'none' }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.user('user:default/bench'),
      }),
      mockServices.permissions.factory(),
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
  await parent.next('watch');
  const loop = monitorEventLoopDelay({ resolution: 1 });
  const gc: number[] = [];
  const observer = new PerformanceObserver(list => {
    for (const e of list.getEntries()) gc.push(e.duration);
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
    gcMaxMs: Math.max(0, ...gc),
  });
  await parent.next('rss?');
  await parent.send({ type: 'rss', peakRssMb: peakRssMb() });
  await parent.next('never');
});
