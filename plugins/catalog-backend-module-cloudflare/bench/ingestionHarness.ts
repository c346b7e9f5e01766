/*
 * Parent side of the ingestion benchmarks: serves demo accounts (rate limit on, window scaled),
 * starts the catalog module in a child process (ingestionChild.ts) and drives its runs, reading
 * what each run asked of the demo accounts.
 *
 * A cold sync is every run up to the first run that asks no URL the earlier runs had not asked:
 * that run reads nothing new, so it is the steady-state resync (a run after the cold sync with
 * nothing changed) and is counted as such, not as cold.
 */
import {
  DemoAccountServer,
  DemoAccountState,
  demoRouteOf,
  isAccountLevelRoute,
  startDemoAccountServer,
} from '@cloudflare-backstage/cloudflare-demo-account';
// The benchmarks' kit is repository tooling, never packaged: a relative import is what it needs.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { BenchChild } from '../../../packages/backend/bench/benchKit';

/** Cloudflare's calls per window; the benchmark keeps it and scales only the window. */
export const CALLS_PER_WINDOW = 1200;
/** The budget's default share kept for routes: background work may use the rest. */
export const ROUTE_SHARE = 0.2;
/** The budget window of both sides, in seconds (Cloudflare's is 300). */
export const WINDOW = Number(process.env.BENCH_WINDOW_SECONDS ?? 3);
/** The schedule's timeout, which bounds each run. */
const RUN_SECONDS = Number(process.env.BENCH_RUN_SECONDS ?? WINDOW * 4);

/** The demo accounts' rate limit: Cloudflare's calls in the scaled window, blocked for a window. */
export const DEMO_RATE_LIMIT = {
  calls: CALLS_PER_WINDOW,
  windowSeconds: WINDOW,
  blockSeconds: WINDOW,
};

/** The `cloudflare.*` keys every scenario sets: the scaled budget and the bounded runs. */
export const BENCH_CLOUDFLARE_CONFIG = {
  budget: {
    calls: CALLS_PER_WINDOW,
    windowSeconds: WINDOW,
    routeShare: ROUTE_SHARE,
  },
  entityProvider: {
    schedule: {
      frequency: { minutes: 10 },
      timeout: { seconds: RUN_SECONDS },
    },
  },
};

/** What a phase (cold sync, steady state) asked of the demo accounts, summed over accounts. */
export interface PhaseFigures {
  /** Runs (of every provider at once). */
  runs: number;
  /** Requests answered, all statuses. */
  calls: number;
  /** Responses 429. */
  rateLimited: number;
  /** Distinct URLs asked (the floor: each read once). */
  distinct: number;
  /** Distinct URLs of whole-account routes (lists; the steady-state floor). */
  listPages: number;
  /** Wall time. */
  ms: number;
  /** Per account: its calls and its 429s. */
  perAccount: Array<{ calls: number; rateLimited: number }>;
}

/** What the child reported after a run. */
export interface RanMessage {
  type: 'ran';
  ms: number;
  entities: number;
  duplicateNames: number;
  sampleDuplicates: string[];
  mutations: string[];
  peakRssMb: number;
  /** V8 heap in use after the run. */
  heapUsedMb: number;
  /** Calls the backend's clients counted since start, all accounts. */
  clientCalls: number;
  /** The same per area. */
  callsByArea: Record<string, number>;
}

/** The result of {@link runIngestionScenario}. */
export interface IngestionResult {
  cold: PhaseFigures;
  steady: PhaseFigures;
  /** The child's report after the last run (entities, names, peak RSS). */
  last: RanMessage;
  /** The child's report after the last cold run. */
  lastCold: RanMessage;
  windowSeconds: number;
  /** Peak RSS of the backend once started, before any run. */
  startRssMb: number;
}

/** Scenario of {@link runIngestionScenario}. */
export interface IngestionScenario {
  /** The accounts to serve (rate limit on; the window is set here). */
  states: DemoAccountState[];
  /** The app config of the child's backend, given the demo's base URL. */
  config(baseUrl: string): object;
  /** Runs allowed before the cold sync counts as unfinished. */
  maxRuns: number;
  /** The backend's V8 old-space cap in MB (`--max-old-space-size`); V8's default when absent. */
  maxOldSpaceMb?: number;
}

function snapshot(server: DemoAccountServer) {
  const urls = new Map<string, number>();
  let calls = 0;
  let rateLimited = 0;
  const perAccount = server.states.map((s, i) => {
    const log = server.requestLog(s);
    // Keyed per account too: POST /graphql has one URL for every account.
    for (const [u, n] of log.byUrl()) urls.set(`${u}#${i}`, n);
    calls += log.total();
    rateLimited += log.withStatus(429);
    return { calls: log.total(), rateLimited: log.withStatus(429) };
  });
  return { urls, calls, rateLimited, perAccount };
}

/** The demo route of a logged request (`METHOD /client/v4/...?query`). */
function routeOf(key: string) {
  const [method, url] = key.split(' ');
  return demoRouteOf(method, new URL(url, 'http://x').pathname);
}

/**
 * True when `key` is a page of a whole-account route (a list, the tag listing, GraphQL), but not a
 * batch read naming resources in its query (`builds/builds?version_ids=...`: details, by 20).
 */
function isListPage(key: string): boolean {
  const route = routeOf(key);
  if (route === undefined || !isAccountLevelRoute(route)) return false;
  const query = new URL(key.split(' ')[1], 'http://x').searchParams;
  return ![...query.keys()].some(name => /ids$/i.test(name));
}

/** Calls by demo route, of the `[key, calls]` entries given. */
function byRoute(entries: Iterable<[string, number]>): string {
  const out = new Map<string, number>();
  for (const [key, n] of entries) {
    if (n === 0) continue;
    const route = routeOf(key);
    const name = route ? `${route.method} ${route.path}` : key;
    out.set(name, (out.get(name) ?? 0) + n);
  }
  return out.size === 0 ? 'none' : JSON.stringify(Object.fromEntries(out));
}

type Snapshot = ReturnType<typeof snapshot>;

/** The figures of a scenario whose cold sync ended with run `coldRuns + 1` (the steady one). */
function summarize(
  r: {
    seen: Set<string>;
    before: Snapshot;
    after: Snapshot;
    ran: RanMessage;
    lastCold: RanMessage;
    coldMs: number;
    coldRuns: number;
  },
  extra: { windowSeconds: number; startRssMb: number },
  log: (line: string) => void,
): IngestionResult {
  const { before, after } = r;
  const coldUrls = [...r.seen];
  const listPages = coldUrls.filter(isListPage).length;
  log(
    `cold sync calls per area, as the clients counted them (${
      r.lastCold.clientCalls
    } in all): ${JSON.stringify(r.lastCold.callsByArea)}`,
  );
  log(
    `cold list pages: ${byRoute(coldUrls.filter(isListPage).map(k => [k, 1]))}`,
  );
  log(
    `steady-state run beyond list pages: ${byRoute(
      [...after.urls]
        .filter(([k]) => !isListPage(k))
        .map(([k, n]) => [k, n - (before.urls.get(k) ?? 0)]),
    )}`,
  );
  return {
    cold: {
      runs: r.coldRuns,
      calls: before.calls,
      rateLimited: before.rateLimited,
      distinct: coldUrls.length,
      listPages,
      ms: r.coldMs,
      perAccount: before.perAccount,
    },
    steady: {
      runs: 1,
      calls: after.calls - before.calls,
      rateLimited: after.rateLimited - before.rateLimited,
      distinct: [...after.urls.keys()].filter(
        u => after.urls.get(u) !== before.urls.get(u),
      ).length,
      listPages,
      ms: r.ran.ms,
      perAccount: after.perAccount.map((a, i) => ({
        calls: a.calls - before.perAccount[i].calls,
        rateLimited: a.rateLimited - before.perAccount[i].rateLimited,
      })),
    },
    last: r.ran,
    lastCold: r.lastCold,
    ...extra,
  };
}

/** Serves the accounts, starts the module in a child, runs the cold sync and one steady resync. */
export async function runIngestionScenario(
  scenario: IngestionScenario,
  log: (line: string) => void,
): Promise<IngestionResult> {
  const windowSeconds = scenario.states[0].rateLimitPolicy.windowSeconds;
  const server = await startDemoAccountServer({
    port: 0,
    accounts: scenario.states,
    recordRequests: true,
  });
  const child = new BenchChild(
    `${__dirname}/ingestionChild.ts`,
    [JSON.stringify(scenario.config(server.baseUrl))],
    { maxOldSpaceMb: scenario.maxOldSpaceMb },
  );
  try {
    const { peakRssMb: startRssMb } = await child.next<{
      type: 'ready';
      peakRssMb: number;
    }>('ready');
    const seen = new Set<string>();
    let before = snapshot(server);
    let coldMs = 0;
    let lastCold: RanMessage | undefined;
    for (let run = 1; run <= scenario.maxRuns; run++) {
      child.send({ type: 'run' });
      const ran = await child.next<RanMessage>('ran');
      const after = snapshot(server);
      let fresh = 0;
      for (const u of after.urls.keys()) {
        if (!seen.has(u)) {
          seen.add(u);
          fresh += 1;
        }
      }
      log(
        `run ${run}: ${after.calls - before.calls} calls (${fresh} new URLs, ${
          after.rateLimited - before.rateLimited
        } x 429), ${ran.ms} ms, ${ran.entities} entities${
          ran.duplicateNames
            ? ` (${
                ran.duplicateNames
              } names held twice, e.g. ${ran.sampleDuplicates.join(', ')})`
            : ''
        }, mutations ${[...new Set(ran.mutations)].join('/')}, peak RSS ${
          ran.peakRssMb
        } MB (heap in use after the run ${ran.heapUsedMb} MB)`,
      );
      if (fresh === 0 && run > 1 && lastCold) {
        return summarize(
          { seen, before, after, ran, lastCold, coldMs, coldRuns: run - 1 },
          { windowSeconds, startRssMb },
          log,
        );
      }
      coldMs += ran.ms;
      lastCold = ran;
      before = after;
    }
    throw new Error(
      `the cold sync did not finish in ${scenario.maxRuns} runs (each run still read new URLs)`,
    );
  } finally {
    child.kill();
    await server.close();
  }
}

/** Floor of budget windows: background calls get `1 - ROUTE_SHARE` of each window. */
export function windowsFloor(calls: number): number {
  return Math.ceil(calls / (CALLS_PER_WINDOW * (1 - ROUTE_SHARE)));
}
