/*
 * Child process of the ingestion benchmarks (account.bench.ts, accounts.bench.ts): the catalog
 * module in a Backstage test backend (its real wiring: the shared Cloudflare clients with their
 * call budgets, the module's database (SQLite in a temporary file), the configured schedule),
 * with a scheduler that only
 * records the providers' tasks, so the parent decides when a run happens.
 *
 * argv[2]: the app config (JSON). Messages: child `ready` { peakRssMb } once started; parent `run` -> one run of every provider's task, all
 * at once -> child `ran` { entities, uniqueNames, mutations, ms, peakRssMb }.
 */
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  SchedulerService,
  SchedulerServiceTaskFunction,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import knexFactory from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  catalogProcessingExtensionPoint,
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
// The benchmarks' kit is repository tooling, never packaged: a relative import is what it needs.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import {
  benchParent,
  peakRssMb,
} from '../../../packages/backend/bench/benchKit';
import {
  CloudflareClientsService,
  cloudflareClientsServiceRef,
} from '@cloudflare-backstage/plugin-cloudflare-node';
import { catalogModuleCloudflare } from '../src/module';

const parent = benchParent();

/** A few names held twice, for the log. */
const sampleDuplicates = new Set<string>();

const refOf = ({ entity }: DeferredEntity) =>
  `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
    entity.metadata.name
  }`.toLocaleLowerCase('en-US');

/**
 * What the catalog would hold from one provider: entity refs (a delta's `added` upserts), the names
 * one mutation held twice (two different entities the catalog cannot both keep), the mutations.
 */
class RecordingConnection implements EntityProviderConnection {
  refs = new Set<string>();
  duplicates = 0;
  mutations: string[] = [];

  async applyMutation(mutation: EntityProviderMutation): Promise<void> {
    const added = mutation.type === 'full' ? mutation.entities : mutation.added;
    if (mutation.type === 'full') this.refs = new Set();
    else {
      for (const e of mutation.removed)
        this.refs.delete('entity' in e ? refOf(e) : e.entityRef);
    }
    const inMutation = new Set<string>();
    this.duplicates = 0;
    for (const e of added) {
      const ref = refOf(e);
      if (inMutation.has(ref)) {
        this.duplicates += 1;
        if (sampleDuplicates.size < 5) sampleDuplicates.add(ref);
      }
      inMutation.add(ref);
      this.refs.add(ref);
    }
    this.mutations.push(mutation.type);
  }

  async refresh(): Promise<void> {}
}

parent.run(async () => {
  // A database file, as production has its database outside the process: an in-memory SQLite
  // would count the database's pages in the backend's RSS.
  const dir = mkdtempSync(join(tmpdir(), 'cf-bench-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: join(dir, 'catalog.sqlite') },
    useNullAsDefault: true,
  });
  const tasks: SchedulerServiceTaskFunction[] = [];
  const scheduler: SchedulerService = {
    async triggerTask() {},
    async cancelTask() {},
    async scheduleTask(task) {
      tasks.push(task.fn);
    },
    createScheduledTaskRunner: () => ({
      async run(task) {
        tasks.push(task.fn);
      },
    }),
    async getScheduledTasks() {
      return [];
    },
  };
  const providers: EntityProvider[] = [];
  // The backend's one clients service, as the module sees it: calls per area, budgets.
  let clients: CloudflareClientsService | undefined;
  const probe = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'cloudflare-bench-probe',
    register(env) {
      env.registerInit({
        deps: { service: cloudflareClientsServiceRef },
        async init({ service }) {
          clients = service;
        },
      });
    },
  });
  await startTestBackend({
    extensionPoints: [
      [
        catalogProcessingExtensionPoint,
        {
          addEntityProvider: (...p: Array<EntityProvider | EntityProvider[]>) =>
            providers.push(...p.flat()),
          addProcessor() {},
          addPlaceholderResolver() {},
          setOnProcessingErrorHandler() {},
        },
      ],
    ],
    features: [
      catalogModuleCloudflare,
      probe,
      mockServices.rootConfig.factory({ data: JSON.parse(process.argv[2]) }),
      mockServices.rootLogger.factory({ level: 'none' }),
      mockServices.database.factory({ knex }),
      createServiceFactory({
        service: coreServices.scheduler,
        deps: {},
        factory: () => scheduler,
      }),
    ],
  });
  const connections = providers.map(() => new RecordingConnection());
  await Promise.all(providers.map((p, i) => p.connect(connections[i])));
  if (tasks.length === 0) throw new Error('the module scheduled no task');
  await parent.send({ type: 'ready', peakRssMb: peakRssMb() });

  for (;;) {
    await parent.next('run');
    const t0 = Date.now();
    await Promise.all(tasks.map(fn => fn(new AbortController().signal)));
    const all = new Set<string>();
    let total = 0;
    let duplicates = 0;
    for (const c of connections) {
      total += c.refs.size;
      duplicates += c.duplicates;
      for (const r of c.refs) {
        if (all.has(r) && sampleDuplicates.size < 5) sampleDuplicates.add(r);
        all.add(r);
      }
    }
    const callsByArea: Record<string, number> = {};
    let clientCalls = 0;
    for (const h of clients?.health() ?? []) {
      clientCalls += h.calls;
      for (const [area, n] of Object.entries(h.callsByArea))
        callsByArea[area] = (callsByArea[area] ?? 0) + n;
    }
    await parent.send({
      type: 'ran',
      clientCalls,
      callsByArea,
      ms: Date.now() - t0,
      entities: total,
      /** Names held by more than one entity, within or across accounts. */
      duplicateNames: duplicates + (total - all.size),
      sampleDuplicates: [...sampleDuplicates],
      mutations: connections.map(c => c.mutations.at(-1) ?? 'none'),
      peakRssMb: peakRssMb(),
      heapUsedMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
    });
  }
});
