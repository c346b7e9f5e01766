// A running PostgreSQL (127.0.0.1:5432, trust auth) instead of docker; set before TestDatabases.create.
process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??=
  'postgresql://postgres@127.0.0.1:5432';

import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { CallBudget } from '@cloudflare-backstage/cloudflare-client';
import { demoState } from '../__testUtils__/demo';
import { ALL_NAMES } from '../__testUtils__/demoEntityNames';
import {
  TestClock,
  catalogMirror,
  pacedProviders,
} from '../__testUtils__/paced';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
/** A Cloudflare window: the budget refills fully between two runs. */
const WINDOW_MS = 300_000;
/** Details a single cold run of the demo account reads (its summary line says so). */
const COLD_DETAILS = 59;

const numberIn = (pattern: RegExp) => (line: string) =>
  Number(pattern.exec(line)![1]);
const detailsOf = numberIn(/(\d+) details read/);
const callsOf = numberIn(/(\d+) upstream calls/);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe.each(databases.eachSupportedId())(
  'resumable ingestion on %p',
  databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId);
      const state = demoState();
      const clock = new TestClock();
      // 60 calls a window, 12 kept for routes: a run may spend 48 (the demo account needs 126).
      const budget = new CallBudget({
        calls: 60,
        windowSeconds: 300,
        now: clock.now,
      });
      const start = (b: CallBudget = budget) =>
        pacedProviders({
          state,
          clock,
          budget: b,
          database: mockServices.database({ knex }),
        });
      return { state, clock, budget, start };
    }

    /** Runs the task until a run completes the cycle; returns the summary lines of the runs. */
    async function runUntilComplete(
      started: ReturnType<Awaited<ReturnType<typeof setup>>['start']>,
      clock: TestClock,
    ) {
      for (let run = 0; run < 12; run++) {
        await started.schedule.runTask();
        clock.advance(WINDOW_MS);
        if (started.summaries().at(-1)!.includes('complete')) break;
      }
      return started.summaries();
    }

    it('spreads a first sync over several runs within the budget, never deleting an entity, and ends with every one', async () => {
      const { clock, start } = await setup();
      const started = start();
      const catalog = catalogMirror();
      await started.providers[0].connect(catalog.connection);
      const lines = await runUntilComplete(started, clock);

      expect(lines.length).toBeGreaterThanOrEqual(3);
      expect(lines.at(-1)).toContain('cycle 1 complete');
      for (const line of lines.slice(0, -1))
        expect(line).toMatch(/cycle 1 continues next run from \w+/);
      // Each run stayed within the background share of its window.
      for (const line of lines) expect(callsOf(line)).toBeLessThanOrEqual(48);
      // No detail was read twice: the interrupted areas resumed from their memo.
      expect(sum(lines.map(detailsOf))).toBe(COLD_DETAILS);
      // The catalog only grew, then got everything in one full mutation.
      expect(catalog.removed).toEqual([]);
      expect(catalog.mutations.at(-1)).toBe('full');
      expect(new Set(catalog.mutations.slice(0, -1))).toEqual(
        new Set(['delta']),
      );
      expect(catalog.names()).toEqual([...ALL_NAMES].sort());
    });

    it('lets two replicas on one database take turns: each run continues the cycle where the other stopped', async () => {
      const { clock, start } = await setup();
      const replicas = [start(), start()];
      const catalog = catalogMirror();
      for (const r of replicas)
        await r.providers[0].connect(catalog.connection);
      const lines: string[] = [];
      for (let run = 0; run < 12; run++) {
        // The scheduler's lock gives each run to one of them; here they alternate.
        const replica = replicas[run % 2];
        await replica.schedule.runTask();
        clock.advance(WINDOW_MS);
        lines.push(replica.summaries().at(-1)!);
        if (lines.at(-1)!.includes('complete')) break;
      }
      expect(lines.length).toBeGreaterThanOrEqual(3);
      expect(lines.at(-1)).toContain('cycle 1 complete');
      // Neither re-read what the other had read, nor went back to an earlier state.
      expect(sum(lines.map(detailsOf))).toBe(COLD_DETAILS);
      expect(catalog.removed).toEqual([]);
      expect(catalog.names()).toEqual([...ALL_NAMES].sort());
      // The next run, on the other replica, starts cycle 2 from the persisted reads.
      const other = replicas[lines.length % 2];
      await other.schedule.runTask();
      expect(other.summaries().at(-1)).toContain('cycle 2 complete');
      expect(detailsOf(other.summaries().at(-1)!)).toBe(1);
    });

    it('continues after a restart where the last process stopped, and a restarted steady state reads lists only', async () => {
      const { state, clock, start } = await setup();
      const first = start();
      await first.providers[0].connect(catalogMirror().connection);
      await first.schedule.runTask();
      clock.advance(WINDOW_MS);
      expect(first.summaries()[0]).toContain('cycle 1 continues next run');

      // A new process on the same database: it goes on with cycle 1.
      const second = start();
      const catalog = catalogMirror();
      await second.providers[0].connect(catalog.connection);
      const lines = await runUntilComplete(second, clock);
      expect(lines[0]).toMatch(/cycle 1 continues|cycle 1 complete/);
      expect(lines.at(-1)).toContain('cycle 1 complete');
      expect(detailsOf(first.summaries()[0]) + sum(lines.map(detailsOf))).toBe(
        COLD_DETAILS,
      );
      expect(catalog.removed).toEqual([]);
      expect(catalog.names()).toEqual([...ALL_NAMES].sort());

      // Another restart with Cloudflare's whole budget: its first run emits the same entities from
      // the persisted reads and detail memos, reading lists only (and the runs of acme-etl's
      // workflow, whose newest run has not ended).
      state.resetCalls();
      const third = start(new CallBudget({ now: clock.now }));
      const after = catalogMirror();
      await third.providers[0].connect(after.connection);
      await third.schedule.runTask();
      expect(third.summaries()[0]).toContain('cycle 2 complete');
      expect(after.mutations).toEqual(['full']);
      expect(after.entities()).toEqual(catalog.entities());
      const detailRoutes = Object.entries(state.callCounts()).filter(
        ([route]) =>
          /:(?!account_id\b)[a-z_]+/.test(route) &&
          !route.endsWith('/ai-search/namespaces/:name/instances'),
      );
      expect(detailRoutes).toEqual([
        ['GET /accounts/:account_id/workflows/:workflow_name/instances', 1],
      ]);
    });
  },
);
