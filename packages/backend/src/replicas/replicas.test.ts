import { randomUUID } from 'node:crypto';
import { TestDatabases } from '@backstage/backend-test-utils';
import { logTail } from '../demo/demoBackend';
import { startReplicas, Replicas } from './replicaBackends';
import {
  POSTGRES_URL_VARIABLE,
  redisCommand,
  requireTestServices,
  testServiceUrls,
} from './testServices';
import {
  exportConcurrently,
  providerRuns,
  readEvidenceChain,
} from './replicaChecks';

/**
 * Issue 13, point 6: two demo backends (`startDemoBackend`, two processes) on one PostgreSQL
 * database and one Redis cache, against ONE demo account. Shows one catalog ingestion per
 * interval between them (the scheduler's task lock in the shared database), a cache hit across
 * replicas (B answers A's read from Redis, same `fetchedAt`, one upstream call), 100 concurrent
 * evidence exports over both whose chain verifies with no fork, and B taking over the ingestion
 * when A stops. PostgreSQL and Redis
 * must be there: scripts/test.sh (scripts/services.sh) starts them when the machine has none.
 */

jest.setTimeout(300_000);

// TestDatabases reads its server from this variable (else it would try docker).
process.env[POSTGRES_URL_VARIABLE] ??= testServiceUrls().postgresUrl;

const CF = '/api/cloudflare/v1';
/** Seconds between two runs of the catalog provider. */
const PROVIDER_SECONDS = 3;
/** Provider intervals watched by the ingestion test. */
const INTERVALS = 5;
const EXPORTS = 100;
const WORKERS_LIST = 'GET /accounts/:account_id/workers/scripts';
/**
 * Upstream route of the cache test's read, one call per read: a D1 database's metadata, which
 * neither the provider (Workers only here) nor Tech Insights reads.
 */
const D1_METADATA = 'GET /accounts/:account_id/d1/database/:database_id';
// At module level, so its afterAll (which closes its connections) runs after the describe's.
const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

describe('two replicas on PostgreSQL and Redis', () => {
  const cacheNamespace = `replicas-test-${randomUUID()}`;
  let replicas: Replicas | undefined;
  let redisUrl: string;
  let dropDatabase = async () => {};
  const tokens = { a: '', b: '' };
  /** What the run measured, printed once at the end. */
  const figures: Record<string, unknown> = {};

  const withLogs = (fn: () => Promise<void>) => async () => {
    try {
      await fn();
    } catch (error) {
      throw new Error(
        `${error}\n--- replica A (tail) ---\n${logTail(
          replicas?.a.output() ?? '',
          3000,
        )}\n--- replica B (tail) ---\n${logTail(
          replicas?.b.output() ?? '',
          3000,
        )}`,
      );
    }
  };

  beforeAll(async () => {
    const services = await requireTestServices();
    redisUrl = services.redisUrl;
    // Two fresh databases: one for both replicas, one to drop it from when they are gone.
    const admin = await databases.init('POSTGRES_15');
    const shared = await databases.init('POSTGRES_15');
    const { host, port, user, password, database } = (shared.client as any)
      .config.connection;
    await shared.destroy();
    dropDatabase = async () => {
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [database]);
    };
    const started = Date.now();
    replicas = await startReplicas({
      database: { host, port: Number(port), user, password, database },
      redisUrl,
      cacheNamespace,
      providerSeconds: PROVIDER_SECONDS,
    });
    figures.startMs = Date.now() - started;
    [tokens.a, tokens.b] = await Promise.all([
      replicas.a.signInAs('alice'),
      replicas.b.signInAs('alice'),
    ]);
  });

  afterAll(async () => {
    // eslint-disable-next-line no-console
    console.log(`replicas: ${JSON.stringify(figures)}`);
    await replicas?.stop();
    await dropDatabase();
    if (redisUrl) {
      await redisCommand(
        redisUrl,
        'EVAL',
        "for _, k in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', k) end return 1",
        '0',
        `${cacheNamespace}:*`,
      );
    }
  });

  it(
    'runs the catalog ingestion once per interval between both replicas',
    withLogs(async () => {
      const { a, b, account } = replicas!;
      const from = { a: a.output().length, b: b.output().length };
      account.state.resetCalls();
      await new Promise(r =>
        setTimeout(r, INTERVALS * PROVIDER_SECONDS * 1000),
      );
      const listed = account.state.callCounts()[WORKERS_LIST] ?? 0;
      const runs = {
        a: providerRuns(a.output().slice(from.a)),
        b: providerRuns(b.output().slice(from.b)),
      };
      // One scheduled run per interval: at most one more (the window may catch one at each
      // edge), where two replicas each running their own schedule list twice as often (10 in
      // 15 s, measured with a database each). At least INTERVALS - 2: a loaded machine may
      // start a run up to one poll (one interval) late.
      figures.ingestion = {
        windowSeconds: INTERVALS * PROVIDER_SECONDS,
        workersListCalls: listed,
        runsOnA: runs.a,
        runsOnB: runs.b,
      };
      expect(listed).toBeGreaterThanOrEqual(INTERVALS - 2);
      expect(listed).toBeLessThanOrEqual(INTERVALS + 1);
      expect(runs.a + runs.b).toBe(listed);
      // Both replicas scheduled the provider's task: the shared lock, not a missing schedule,
      // keeps the second from running it too.
      for (const replica of [a, b]) {
        expect(replica.output()).toMatch(
          /Registered scheduled task: cloudflare-provider:\S+:refresh/,
        );
      }
    }),
  );

  it(
    'shares the route cache: B answers what A read, with the same fetchedAt and no upstream call',
    withLogs(async () => {
      const { a, b, account } = replicas!;
      const db = account.state.data.d1.databases.find(
        d => d.name === 'acme-core',
      )!.uuid;
      const read = async (baseUrl: string, token: string) => {
        const res = await fetch(`${baseUrl}${CF}/d1/${db}/metadata`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        expect(res.status).toBe(200);
        return res.json();
      };
      const before = account.state.callCounts()[D1_METADATA] ?? 0;
      const first = await read(a.baseUrl, tokens.a);
      const afterA = account.state.callCounts()[D1_METADATA] ?? 0;
      const second = await read(b.baseUrl, tokens.b);
      const afterB = account.state.callCounts()[D1_METADATA] ?? 0;
      figures.cache = {
        upstreamCallsA: afterA - before,
        upstreamCallsB: afterB - afterA,
        fetchedAtA: first.fetchedAt,
        fetchedAtB: second.fetchedAt,
      };
      expect(afterA - before).toBe(1);
      expect(afterB - afterA).toBe(0);
      expect(second.fetchedAt).toBe(first.fetchedAt);
      expect(second).toEqual(first);
      expect(second.stale).toBeUndefined();
      // The answer is in Redis, under this run's namespace and the cloudflare plugin's.
      const keys = await redisCommand(
        redisUrl,
        'KEYS',
        `${cacheNamespace}:cloudflare:*`,
      );
      expect(keys).toMatch(/^\*[1-9]/);
    }),
  );

  it(
    `keeps one linear evidence chain under ${EXPORTS} concurrent exports over both replicas`,
    withLogs(async () => {
      const { a, b } = replicas!;
      const targets = [
        { baseUrl: a.baseUrl, token: tokens.a },
        { baseUrl: b.baseUrl, token: tokens.b },
      ];
      const { answers, ms } = await exportConcurrently(
        targets,
        `${CF}/r2/lifecycle/export?bucket=acme-prod-artifacts`,
        EXPORTS,
      );
      figures.exports = {
        count: EXPORTS,
        ms,
        perSecond: (EXPORTS * 1000) / ms,
      };
      expect(answers.filter(x => x.status !== 201)).toEqual([]);
      const chain = await readEvidenceChain(b.baseUrl, tokens.b, CF);
      figures.chain = {
        length: chain.rows.length,
        problems: chain.problems.length,
      };
      expect(chain.problems).toEqual([]);
      // Every export is in the chain, and the chain is 1..N with nothing else.
      const exported = new Set(answers.map(x => x.record!.id));
      expect(chain.rows.filter(r => exported.has(r.id))).toHaveLength(EXPORTS);
      expect(chain.rows.map(r => r.seq)).toEqual(
        chain.rows.map((_, i) => i + 1),
      );
      // The store's own verification of the newest row walks the whole chain.
      const head = chain.rows[chain.rows.length - 1];
      const verify = await fetch(
        `${a.baseUrl}${CF}/evidence/${head.id}/verify`,
        {
          headers: { Authorization: `Bearer ${tokens.a}` },
        },
      );
      expect(verify.status).toBe(200);
      expect(await verify.json()).toMatchObject({
        valid: true,
        chain: { valid: true, length: chain.rows.length },
      });
    }),
  );

  // Last: it stops replica A.
  it(
    'hands the ingestion to B when A stops',
    withLogs(async () => {
      const { a, b, account } = replicas!;
      const from = b.output().length;
      await a.stop();
      const stopped = Date.now();
      account.state.resetCalls();
      // Within one provider timeout (the claim of a run A was killed in) and two intervals.
      await b.until(
        'replica B to run the catalog provider twice',
        async () =>
          providerRuns(b.output().slice(from)) >= 2 ? true : undefined,
        (15 + 3 * PROVIDER_SECONDS) * 1000,
      );
      figures.failover = {
        secondsToSecondRunOnB: (Date.now() - stopped) / 1000,
        workersListCalls: account.state.callCounts()[WORKERS_LIST] ?? 0,
      };
      expect(account.state.callCounts()[WORKERS_LIST]).toBeGreaterThanOrEqual(
        2,
      );
    }),
  );
});
