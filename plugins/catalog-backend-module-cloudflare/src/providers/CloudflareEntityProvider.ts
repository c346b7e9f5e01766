import {
  DatabaseService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  CloudflareClient,
  ResourceTagType,
} from '@cloudflare-backstage/cloudflare-client';
import {
  CLOUDFLARE_AREAS,
  ResourceTagIndex,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import type { CloudflareClientsService } from '@cloudflare-backstage/plugin-cloudflare-node';
import { CATALOG_AREAS } from '../areas';
import { AccountIngestion } from '../ingestion/AccountIngestion';
import { DatabaseIngestionStore } from '../ingestion/DatabaseIngestionStore';
import {
  IngestionStore,
  MemoryIngestionStore,
} from '../ingestion/IngestionStore';
import {
  applyOutcomes,
  describeDetails,
  describeOutcomes,
} from './applyOutcomes';
import { runAreas } from './runAreas';
import { runDeadline } from './runDeadline';
import {
  CloudflareEntityProviderConfig,
  readProviderConfigs,
} from './CloudflareEntityProviderConfig';

/** The store key of the run's tag index, beside the areas' reads. */
const TAGS = '$tags';

/**
 * Options of {@link CloudflareEntityProvider.fromConfig}.
 *
 * @public
 */
export interface CloudflareEntityProviderOptions {
  /** Where the provider logs. */
  logger: LoggerService;
  /** Creates each provider's task runner from its configured (or default) schedule. */
  scheduler?: SchedulerService;
  /** A task runner for every provider, instead of `scheduler` and the configured schedule. */
  schedule?: SchedulerServiceTaskRunner;
  /**
   * The backend's Cloudflare clients (`cloudflareClientsServiceRef`): one provider per account it
   * lists, reading through that account's shared client (its call budget and circuit breaker).
   */
  clients?: CloudflareClientsService;
  /**
   * Builds the client of one provider when no `clients` is given; the default is
   * `new CloudflareClient(config.clientConfig)`. Tests and benchmarks pass their own (the seam to
   * inject a client).
   */
  createClient?: (config: CloudflareEntityProviderConfig) => CloudflareClient;
  /**
   * Where ingestion progress is persisted (the module's `coreServices.database`): each account's
   * last complete reads, its cycle and the detail memos, in tables prefixed
   * `cloudflare_ingestion_`. Without it, progress lives in memory and a restart starts over.
   */
  database?: DatabaseService;
  /** The clock of run deadlines (tests give the one of their call budget). */
  now?: () => number;
}

/**
 * Ingests the resources of one Cloudflare account as catalog `Resource` entities.
 *
 * One instance per configured account (see {@link CloudflareEntityProvider.fromConfig}). A run reads
 * the enabled product areas through the account's client inside `client.inBackground`, with a
 * deadline just before the task's timeout: it spends only the background share of the call budget
 * and waits for it, and when the budget cannot give it a call before the deadline it stops
 * cleanly; the next run continues where it stopped. Every per-resource detail goes through a memo
 * persisted per account and area, so it is read only when the resource changed, and an
 * interrupted area resumes from it. An area's read replaces its entities only once complete; an
 * area whose read fails keeps its last complete read, so a Cloudflare fault never deletes catalog
 * entities. The last complete reads are persisted: after a restart the first run emits them again
 * without re-reading details.
 *
 * @public
 */
export class CloudflareEntityProvider implements EntityProvider {
  private readonly config: CloudflareEntityProviderConfig;
  private readonly multiAccount: boolean;
  private readonly client: CloudflareClient;
  private readonly logger: LoggerService;
  private readonly scheduleFn: () => Promise<void>;
  private readonly ingestion: () => Promise<AccountIngestion>;
  private readonly now: () => number;
  private connection?: EntityProviderConnection;
  private running?: Promise<void>;

  /**
   * One provider per configured account: a single top-level `cloudflare` block gives the provider
   * `cloudflare-provider:default`; `cloudflare.accounts[]` gives one per entry, named by its `id`.
   * With `clients`, one per account the service lists. Configuration errors throw at start-up and
   * name the key.
   */
  static fromConfig(
    config: Config,
    options: CloudflareEntityProviderOptions,
  ): CloudflareEntityProvider[] {
    if (!options.schedule && !options.scheduler) {
      throw new Error('Either schedule or scheduler must be provided.');
    }
    const configs = readProviderConfigs(config);
    const multiAccount = configs.length > 1;
    const store = lazyStore(options.database);
    const clientOf = (providerConfig: CloudflareEntityProviderConfig) => {
      if (options.clients) return options.clients.get(providerConfig.id).client;
      return options.createClient
        ? options.createClient(providerConfig)
        : new CloudflareClient(providerConfig.clientConfig);
    };
    return configs.map(providerConfig => {
      const taskRunner =
        options.schedule ??
        options.scheduler!.createScheduledTaskRunner(providerConfig.schedule);
      const logger = options.logger.child({
        target: `cloudflare-provider:${providerConfig.id}`,
      });
      return new CloudflareEntityProvider({
        config: providerConfig,
        multiAccount,
        client: clientOf(providerConfig),
        logger,
        taskRunner,
        store,
        now: options.now ?? Date.now,
      });
    });
  }

  private constructor(options: {
    config: CloudflareEntityProviderConfig;
    multiAccount: boolean;
    client: CloudflareClient;
    logger: LoggerService;
    taskRunner: SchedulerServiceTaskRunner;
    store: () => Promise<IngestionStore>;
    now: () => number;
  }) {
    this.config = options.config;
    this.multiAccount = options.multiAccount;
    this.client = options.client;
    this.logger = options.logger;
    this.now = options.now;
    let ingestion: Promise<AccountIngestion> | undefined;
    this.ingestion = () => {
      ingestion ??= options
        .store()
        .then(store => new AccountIngestion(store, this.config.accountId));
      // A store that could not open (database down) is opened again on the next run.
      ingestion.catch(() => {
        ingestion = undefined;
      });
      return ingestion;
    };
    this.scheduleFn = this.createScheduleFn(options.taskRunner);
  }

  /** {@inheritdoc @backstage/plugin-catalog-node#EntityProvider.getProviderName} */
  getProviderName(): string {
    return `cloudflare-provider:${this.config.id}`;
  }

  /** {@inheritdoc @backstage/plugin-catalog-node#EntityProvider.connect} */
  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.scheduleFn();
  }

  private createScheduleFn(
    taskRunner: SchedulerServiceTaskRunner,
  ): () => Promise<void> {
    return async () => {
      const taskId = `${this.getProviderName()}:refresh`;
      return taskRunner.run({
        id: taskId,
        fn: async (signal?: AbortSignal) => {
          try {
            await this.refresh({ signal });
          } catch (error) {
            this.logger.error(
              `${this.getProviderName()} refresh failed: ${describe(error)}`,
            );
          }
        },
      });
    };
  }

  /**
   * Reads the Cloudflare tags of every enabled area's tag type in one listing (Resource Tagging
   * API), once per cycle, and persists them; on failure logs a warning and keeps the last good
   * index (persisted too), so labels and tag-based owners stay (undefined when never read).
   */
  private async readTags(
    ingestion: AccountIngestion,
  ): Promise<ResourceTagIndex | undefined> {
    const types = CLOUDFLARE_AREAS.flatMap(area =>
      area.tagType && area.id in CATALOG_AREAS && this.config.import[area.id]
        ? [area.tagType as ResourceTagType]
        : [],
    );
    if (types.length === 0) return undefined;
    const last = ingestion.lastGood.get(TAGS) as ResourceTagIndex | undefined;
    // Read once per cycle: a run continuing the cycle uses the tags its first run read.
    if (last && ingestion.isDone(TAGS)) return last;
    try {
      const tags = await this.client.tags.list({ types });
      await ingestion.complete(TAGS, tags);
      return tags;
    } catch (error) {
      this.logger.warn(
        `${this.getProviderName()} could not read Cloudflare resource tags: ${describe(
          error,
        )}; ${
          last
            ? 'keeping the tags of the last good run'
            : 'no tags from an earlier run to keep'
        }`,
      );
      return last;
    }
  }

  /**
   * One run: continues the account's ingestion cycle until done or until the call budget cannot
   * give a call before the run's deadline (the schedule's timeout less a margin), then applies one
   * mutation. Called by the scheduled task; exposed for callers that want an immediate refresh.
   */
  async refresh(options: { signal?: AbortSignal } = {}): Promise<void> {
    if (!this.connection) {
      throw new Error(`${this.getProviderName()} is not connected`);
    }
    // One run at a time in this process (the scheduler's lock covers the replicas): a refresh
    // asked for during a run is that run.
    this.running ??= this.run(this.connection, options).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async run(
    connection: EntityProviderConnection,
    options: { signal?: AbortSignal },
  ): Promise<void> {
    const started = this.now();
    const deadline = runDeadline(started, this.config.schedule.timeout);
    const callsBefore = this.client.stats().calls;
    const ingestion = await this.ingestion();
    await ingestion.load();
    const cycle = ingestion.cycle;
    const outcomes = await this.client.inBackground(
      async () =>
        runAreas({
          table: CATALOG_AREAS,
          enabled: area => this.config.import[area],
          client: this.client,
          ingestion,
          ctx: {
            accountId: this.config.accountId,
            multiAccount: this.multiAccount,
            ownership: this.config.ownership,
            tags: await this.readTags(ingestion),
          },
        }),
      { deadline, signal: options.signal },
    );
    for (const o of outcomes) {
      if (o.status === 'ok' || o.status === 'kept' || o.status === 'pending')
        continue;
      this.logger.warn(
        `${this.getProviderName()} could not read ${o.area.title}: ${describe(
          o.error,
        )}; ${
          o.status === 'stale'
            ? `keeping its ${o.entities.length} entities from the last good run`
            : 'no earlier good run to keep entities from'
        }`,
      );
    }
    const pending = outcomes.filter(o => o.status === 'pending');
    const { mutation, entities } = await applyOutcomes(connection, outcomes);
    const progress =
      pending.length === 0
        ? `cycle ${cycle} complete`
        : `cycle ${cycle} continues next run from ${
            pending[0].area.id
          } (${describe(pending[0].error)})`;
    this.logger.info(
      `${this.getProviderName()} refreshed account ${
        this.config.accountId
      }: ${entities} entities [${describeOutcomes(
        outcomes,
      )}], mutation ${mutation}, ${progress}, ${describeDetails(outcomes)}, ${
        this.client.stats().calls - callsBefore
      } upstream calls, ${this.now() - started} ms`,
    );
  }
}

/** One store for the providers of one `fromConfig`, opened (and migrated) on first use. */
function lazyStore(
  database: DatabaseService | undefined,
): () => Promise<IngestionStore> {
  let store: Promise<IngestionStore> | undefined;
  return () => {
    store ??= database
      ? DatabaseIngestionStore.create(database)
      : Promise.resolve(new MemoryIngestionStore());
    // A failed open (database down) is tried again on the next run.
    store.catch(() => {
      store = undefined;
    });
    return store;
  };
}

/** The message of an error, without its stack; client errors never carry tokens or values. */
function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
