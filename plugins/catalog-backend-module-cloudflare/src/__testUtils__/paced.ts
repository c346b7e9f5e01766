import { DatabaseService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { DeferredEntity } from '@backstage/plugin-catalog-node';
import {
  CallBudget,
  CloudflareClient,
} from '@cloudflare-backstage/cloudflare-client';
import { DemoAccountState } from '@cloudflare-backstage/cloudflare-demo-account';
import { JsonObject } from '@backstage/types';
import { CloudflareEntityProvider } from '../providers/CloudflareEntityProvider';
import {
  FakeTaskRunner,
  capturingLogger,
  demoFetch,
  singleAccountConfig,
} from './demo';

/** A clock the test moves: the call budget, the demo account's rate limit and run deadlines read it. */
export class TestClock {
  private t = Date.now();
  /** The time (epoch ms). */
  readonly now = () => this.t;
  /** Moves the clock by `ms`. */
  advance(ms: number) {
    this.t += ms;
  }
}

/**
 * A single demo account whose runs time out after 2 s: the run's deadline is its start (the margin
 * is at least 5 s), so a run spends what the budget holds and stops at the first call it would
 * have to wait for.
 */
export function pacedConfig(extra: JsonObject = {}): Config {
  return singleAccountConfig({
    entityProvider: {
      schedule: { frequency: { minutes: 10 }, timeout: { seconds: 2 } },
    },
    ...extra,
  });
}

/**
 * The providers of `config` (default {@link pacedConfig}) over the demo account `state`, each
 * client with the call budget `budget` (on the test's clock), progress in `database` (in memory
 * without), and every response's status recorded.
 */
export function pacedProviders(options: {
  state: DemoAccountState;
  clock: TestClock;
  budget: CallBudget;
  database?: DatabaseService;
  config?: Config;
}) {
  const schedule = new FakeTaskRunner();
  const { logger, lines } = capturingLogger();
  const statuses: number[] = [];
  const fetch = demoFetch(options.state);
  const providers = CloudflareEntityProvider.fromConfig(
    options.config ?? pacedConfig(),
    {
      logger,
      schedule,
      database: options.database,
      now: options.clock.now,
      createClient: c =>
        new CloudflareClient(c.clientConfig, {
          budget: options.budget,
          fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
            const response = await fetch(input, init);
            statuses.push(response.status);
            return response;
          }) as typeof globalThis.fetch,
        }),
    },
  );
  const summaries = () => logger.info.mock.calls.map(c => String(c[0]));
  return { schedule, logger, lines, providers, statuses, summaries };
}

/**
 * A catalog that applies the provider's mutations as the catalog does (a `full` one replaces the
 * provider's entities, a `delta` adds and removes), and records every entity it ever removed.
 */
export function catalogMirror() {
  let names = new Set<string>();
  const removed: string[] = [];
  const mutations: Array<'full' | 'delta'> = [];
  let entities: DeferredEntity[] = [];
  const nameOf = (e: DeferredEntity) => e.entity.metadata.name;
  const connection = {
    applyMutation: jest.fn(async (m: any) => {
      mutations.push(m.type);
      if (m.type === 'full') {
        const next = new Set<string>(m.entities.map(nameOf));
        for (const n of names) if (!next.has(n)) removed.push(n);
        names = next;
        entities = m.entities;
      } else {
        for (const e of m.added) names.add(nameOf(e));
        for (const r of m.removed) removed.push(r.entityRef ?? String(r));
      }
    }),
    refresh: jest.fn(),
  };
  return {
    connection,
    removed,
    mutations,
    names: () => [...names].sort(),
    /** The entities of the last full mutation. */
    entities: () => entities,
  };
}
