import {
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
  CloudflareAreaId,
  ResourceTagIndex,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { CATALOG_AREAS } from '../areas';
import { runAreas } from './runAreas';
import {
  CloudflareEntityProviderConfig,
  readProviderConfigs,
} from './CloudflareEntityProviderConfig';

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
   * Builds the Cloudflare client of one provider. The default is `CloudflareClient.fromConfig` on
   * the provider's connection settings; tests pass their own (the seam to inject a client).
   */
  createClient?: (config: CloudflareEntityProviderConfig) => CloudflareClient;
}

/**
 * Ingests the resources of one Cloudflare account as catalog `Resource` entities.
 *
 * One instance per configured account (see {@link CloudflareEntityProvider.fromConfig}). Each run
 * reads every enabled product area through the client, builds an index from id to name from what was
 * read (so a Worker's binding to a KV namespace id and a Component's `cloudflare.com/kv: <title>`
 * meet at one entity), maps each resource to an entity and applies one `full` mutation. An area
 * whose read fails keeps its last good read, so a Cloudflare fault never deletes catalog entities;
 * resources gone from Cloudflare leave the catalog on the next good run.
 *
 * @public
 */
export class CloudflareEntityProvider implements EntityProvider {
  private readonly config: CloudflareEntityProviderConfig;
  private readonly multiAccount: boolean;
  private readonly client: CloudflareClient;
  private readonly logger: LoggerService;
  private readonly scheduleFn: () => Promise<void>;
  private readonly lastGood = new Map<CloudflareAreaId, unknown>();
  /** The last good tag index: a failed tag read keeps it, so labels and owners stay. */
  private lastTags?: ResourceTagIndex;
  private connection?: EntityProviderConnection;

  /**
   * One provider per configured account: a single top-level `cloudflare` block gives the provider
   * `cloudflare-provider:default`; `cloudflare.accounts[]` gives one per entry, named by its `id`.
   * Configuration errors throw at start-up and name the key.
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
    return configs.map(providerConfig => {
      const taskRunner =
        options.schedule ??
        options.scheduler!.createScheduledTaskRunner(providerConfig.schedule);
      const logger = options.logger.child({
        target: `cloudflare-provider:${providerConfig.id}`,
      });
      const client = options.createClient
        ? options.createClient(providerConfig)
        : CloudflareClient.fromConfig(providerConfig.clientConfig, {
            logger,
          });
      return new CloudflareEntityProvider(
        providerConfig,
        multiAccount,
        client,
        logger,
        taskRunner,
      );
    });
  }

  private constructor(
    config: CloudflareEntityProviderConfig,
    multiAccount: boolean,
    client: CloudflareClient,
    logger: LoggerService,
    taskRunner: SchedulerServiceTaskRunner,
  ) {
    this.config = config;
    this.multiAccount = multiAccount;
    this.client = client;
    this.logger = logger;
    this.scheduleFn = this.createScheduleFn(taskRunner);
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
        fn: async () => {
          try {
            await this.refresh();
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
   * API); on failure logs a warning and keeps the last good index, so labels and tag-based owners
   * stay (undefined when tags were never read).
   */
  private async readTags(): Promise<ResourceTagIndex | undefined> {
    const types = CLOUDFLARE_AREAS.flatMap(area =>
      area.tagType && area.id in CATALOG_AREAS && this.config.import[area.id]
        ? [area.tagType as ResourceTagType]
        : [],
    );
    if (types.length === 0) return undefined;
    try {
      this.lastTags = await this.client.tags.list({ types });
    } catch (error) {
      this.logger.warn(
        `${this.getProviderName()} could not read Cloudflare resource tags: ${describe(
          error,
        )}; ${
          this.lastTags
            ? 'keeping the tags of the last good run'
            : 'no tags from an earlier run to keep'
        }`,
      );
    }
    return this.lastTags;
  }

  /**
   * Reads every enabled area and applies one mutation. Called by the scheduled task; exposed for
   * callers that want an immediate refresh.
   */
  async refresh(): Promise<void> {
    if (!this.connection) {
      throw new Error(`${this.getProviderName()} is not connected`);
    }
    const started = Date.now();
    const callsBefore = this.client.stats().calls;
    const tags = await this.readTags();
    const outcomes = await runAreas({
      table: CATALOG_AREAS,
      enabled: area => this.config.import[area],
      client: this.client,
      lastGood: this.lastGood,
      ctx: {
        accountId: this.config.accountId,
        multiAccount: this.multiAccount,
        ownership: this.config.ownership,
        tags,
      },
    });
    for (const o of outcomes) {
      if (o.status === 'ok') continue;
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

    const entities = outcomes.flatMap(o => o.entities);
    const neverRead = outcomes.filter(o => o.status === 'failed');
    let mutation: string;
    if (neverRead.length === 0) {
      await this.connection.applyMutation({ type: 'full', entities });
      mutation = 'full';
    } else if (entities.length > 0) {
      // An area that has never been read since start-up cannot be replaced without deleting
      // whatever the catalog holds for it: add what was read, remove nothing.
      await this.connection.applyMutation({
        type: 'delta',
        added: entities,
        removed: [],
      });
      mutation = 'delta (nothing removed)';
    } else {
      mutation = 'none';
    }

    const counts = outcomes
      .map(
        o =>
          `${o.area.id}=${o.entities.length}${
            o.status === 'ok' ? '' : ` (${o.status})`
          }`,
      )
      .join(' ');
    this.logger.info(
      `${this.getProviderName()} refreshed account ${this.config.accountId}: ${
        entities.length
      } entities [${counts || 'no areas enabled'}], mutation ${mutation}, ${
        this.client.stats().calls - callsBefore
      } upstream calls, ${Date.now() - started} ms`,
    );
  }
}

/** The message of an error, without its stack; client errors never carry tokens or values. */
function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
