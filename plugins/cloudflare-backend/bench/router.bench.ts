/*
 * Benchmark of the /api/cloudflare router against the demo account served on loopback.
 *
 *   yarn tsx plugins/cloudflare-backend/bench/router.bench.ts
 *
 * Prints, for 1,000 identical concurrent requests (cold cache) and then for warm cached reads:
 * p50/p99 latency, requests per second, and the calls the demo account received. Bounded loops,
 * 127.0.0.1 only.
 */
import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import knexFactory from 'knex';
import { ConfigReader } from '@backstage/config';
import {
  CacheService,
  CacheServiceSetOptions,
} from '@backstage/backend-plugin-api';
import { JsonValue } from '@backstage/types';
import { mockErrorHandler, mockServices } from '@backstage/backend-test-utils';
import {
  DEMO_ACCOUNT_ID,
  DEMO_API_TOKEN,
  startDemoAccountServer,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import { parseR2RegulatedTag } from '@cloudflare-backstage/plugin-cloudflare-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createRouter } from '../src/service/router';
import { createCachedRead } from '../src/service/cachedRead';
import { EvidenceStore } from '../src/evidence/EvidenceStore';
import { SUITE } from '../src/service/config';

const CONCURRENT = 1000;
const WARM_ROUNDS = 5; // rounds of CONCURRENT / 10 concurrent requests
const SEQUENTIAL = 500;
const PATH = '/v1/workers/acme-api/deployments';

/** The in-memory cache Backstage uses by default, reduced to what the router needs. */
function memoryCache(): CacheService {
  const store = new Map<string, { value: JsonValue; expires: number }>();
  const cache: CacheService = {
    async get<T extends JsonValue>(key: string) {
      const e = store.get(key);
      if (!e || e.expires < Date.now()) return undefined;
      return e.value as T;
    },
    async set(key: string, value: JsonValue, options?: CacheServiceSetOptions) {
      const ttl = typeof options?.ttl === 'number' ? options.ttl : 60_000;
      store.set(key, { value, expires: Date.now() + ttl });
    },
    async delete(key: string) {
      store.delete(key);
    },
    withOptions: () => cache,
  };
  return cache;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function get(
  port: number,
  path: string,
): Promise<{ status: number; ms: number }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent }, res => {
      res.resume();
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, ms: performance.now() - start }),
      );
    });
    req.on('error', reject);
  });
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

function report(
  name: string,
  results: Array<{ status: number; ms: number }>,
  wallMs: number,
  calls: number,
) {
  const ms = results.map(r => r.ms).sort((a, b) => a - b);
  const failed = results.filter(r => r.status !== 200).length;
  console.log(
    `${name.padEnd(34)} n=${results.length} p50=${pct(ms, 50).toFixed(
      1,
    )}ms p99=${pct(ms, 99).toFixed(1)}ms ` +
      `rps=${Math.round(
        results.length / (wallMs / 1000),
      )} upstreamCalls=${calls} non200=${failed}`,
  );
}

async function main() {
  const demo = await startDemoAccountServer({ port: 0 });
  const config = new ConfigReader({
    cloudflare: {
      accountId: DEMO_ACCOUNT_ID,
      apiToken: DEMO_API_TOKEN,
      apiBaseUrl: demo.baseUrl,
    },
  });
  const logger = mockServices.rootLogger({ level: 'none' });
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  const router = await createRouter({
    logger,
    httpAuth: mockServices.httpAuth(),
    permissions: mockServices.permissions(),
    auditor: {
      createEvent: async () => ({
        success: async () => {},
        fail: async () => {},
      }),
    },
    client: CloudflareClient.fromConfig(config, { logger }),
    cachedRead: createCachedRead({ cache: memoryCache(), ttlSeconds: 60 }),
    evidence: await EvidenceStore.create({
      database: mockServices.database({ knex }),
    }),
    suite: SUITE,
    evidenceMaxScope: 20,
    trustedServices: new Set(),
    now: () => new Date(),
    catalog: catalogServiceMock(),
    r2RegulatedTag: parseR2RegulatedTag(undefined),
    discovery: mockServices.discovery(),
    auth: mockServices.auth(),
  });
  const app = express();
  app.use('/api/cloudflare', router);
  app.use(mockErrorHandler());
  const server = app.listen(0, '127.0.0.1');
  await new Promise(r => server.once('listening', r));
  const port = (server.address() as AddressInfo).port;
  const url = `/api/cloudflare${PATH}`;

  try {
    demo.state.resetCalls();
    let t0 = performance.now();
    const cold = await Promise.all(
      Array.from({ length: CONCURRENT }, () => get(port, url)),
    );
    report(
      `cold: ${CONCURRENT} identical concurrent`,
      cold,
      performance.now() - t0,
      demo.state.totalCalls(),
    );

    demo.state.resetCalls();
    const warm: Array<{ status: number; ms: number }> = [];
    t0 = performance.now();
    for (let round = 0; round < WARM_ROUNDS; round++) {
      warm.push(
        ...(await Promise.all(
          Array.from({ length: CONCURRENT / 10 }, () => get(port, url)),
        )),
      );
    }
    report(
      `warm: ${CONCURRENT / 10} concurrent x ${WARM_ROUNDS}`,
      warm,
      performance.now() - t0,
      demo.state.totalCalls(),
    );

    demo.state.resetCalls();
    const sequential: Array<{ status: number; ms: number }> = [];
    t0 = performance.now();
    for (let i = 0; i < SEQUENTIAL; i++) sequential.push(await get(port, url));
    report(
      `warm: ${SEQUENTIAL} sequential`,
      sequential,
      performance.now() - t0,
      demo.state.totalCalls(),
    );
    console.log(
      "(one read of acme-api's deployments = 1 deployments call + 1 versions page + 1 Workers Builds call per 20 of its 24 deployed versions)",
    );
  } finally {
    agent.destroy();
    server.close();
    await knex.destroy();
    await demo.close();
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
