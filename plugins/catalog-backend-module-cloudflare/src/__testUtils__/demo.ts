import { ConfigReader } from '@backstage/config';
import {
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import {
  DeferredEntity,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import {
  DEMO_ACCOUNT_ID,
  DEMO_API_TOKEN,
  DemoAccountState,
  createDemoAccountData,
} from '@cloudflare-backstage/cloudflare-demo-account';
import {
  DEMO_TEST_BASE_URL,
  demoFetch,
} from '@cloudflare-backstage/cloudflare-demo-account/testUtils';
import { JsonObject } from '@backstage/types';
import { Config } from '@backstage/config';
import {
  RELATION_DEPENDS_ON,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CloudflareAnnotationProcessor } from '../processors/CloudflareAnnotationProcessor';
import { CloudflareEntityProvider } from '../providers/CloudflareEntityProvider';
import { CloudflareEntityProviderConfig } from '../providers/CloudflareEntityProviderConfig';
import { CatalogAreaTable, runAreas } from '../providers/runAreas';
import { CATALOG_AREAS } from '../areas';
import { CatalogAreaDescriptor } from '../areas/types';
import { AccountIngestion } from '../ingestion/AccountIngestion';
import {
  IngestionStore,
  MemoryIngestionStore,
} from '../ingestion/IngestionStore';

/** Base URL tests give the client; nothing leaves the process. */
export const TEST_BASE_URL = DEMO_TEST_BASE_URL;

/** A second fictional account, for multi-account tests. */
export const OTHER_ACCOUNT_ID = 'aaaabbbbccccddddeeeeffff00001111';

export { demoFetch };

/** A demo account state whose account id is `accountId`. */
export function demoState(accountId: string = DEMO_ACCOUNT_ID) {
  const data = createDemoAccountData();
  data.account = { ...data.account, id: accountId };
  return new DemoAccountState({ data });
}

/** A client factory answering each account from its own demo state. */
export function clientsFor(states: Record<string, DemoAccountState>) {
  return (config: CloudflareEntityProviderConfig) => {
    const state = states[config.accountId];
    if (!state) throw new Error(`no demo state for ${config.accountId}`);
    return new CloudflareClient(config.clientConfig, {
      fetch: demoFetch(state),
    });
  };
}

/** A client of the demo account `state` (no retries), and the map context of a single account. */
export function demoClient(state: DemoAccountState = demoState()) {
  return CloudflareClient.fromConfig(singleAccountConfig(), {
    fetch: demoFetch(state),
  });
}

/** Map context of the single demo account with the built-in ownership rules; ids are their names. */
export const DEMO_MAP_CONTEXT = {
  accountId: DEMO_ACCOUNT_ID,
  multiAccount: false,
  ownership: [
    { area: 'zeroTrust' as const, owner: 'group:default/security' },
    { owner: 'group:default/platform' },
  ],
  nameOf: (_area: string, id: string) => id,
};

/** Root config of a single demo account, with extra `cloudflare.*` keys. */
export function singleAccountConfig(extra: JsonObject = {}) {
  return new ConfigReader({
    cloudflare: {
      accountId: DEMO_ACCOUNT_ID,
      apiToken: DEMO_API_TOKEN,
      apiBaseUrl: TEST_BASE_URL,
      fetch: { maxRetries: 0, timeoutMs: 5000 },
      ...extra,
    },
  });
}

/** A task runner that keeps the task so the test runs it by hand. */
export class FakeTaskRunner implements SchedulerServiceTaskRunner {
  readonly tasks: SchedulerServiceTaskInvocationDefinition[] = [];

  async run(task: SchedulerServiceTaskInvocationDefinition): Promise<void> {
    this.tasks.push(task);
  }

  /** Runs the captured task (the only one, or the one with `id`). */
  async runTask(id?: string): Promise<void> {
    const task = id ? this.tasks.find(t => t.id === id) : this.tasks[0];
    if (!task) throw new Error(`no task ${id ?? ''}`);
    await task.fn(new AbortController().signal);
  }
}

/** A connection whose calls the test inspects. */
export function fakeConnection() {
  return {
    applyMutation: jest.fn(),
    refresh: jest.fn(),
  } satisfies EntityProviderConnection;
}

/** A logger whose lines the test inspects. */
export function capturingLogger() {
  const logger = mockServices.logger.mock();
  logger.child.mockReturnValue(logger);
  const lines = () =>
    (['debug', 'info', 'warn', 'error'] as const).flatMap(level =>
      logger[level].mock.calls.map(
        c => `${level} ${c[0]} ${JSON.stringify(c[1] ?? '')}`,
      ),
    );
  return { logger, lines };
}

/**
 * The providers of `config` (default: the single demo account) over demo account states (default:
 * `state`, a fresh one), with a task runner and a logger the test inspects; `provider` is the first.
 */
export function demoProviders(
  options: {
    config?: Config;
    state?: DemoAccountState;
    states?: Record<string, DemoAccountState>;
  } = {},
) {
  const state = options.state ?? demoState();
  const schedule = new FakeTaskRunner();
  const { logger, lines } = capturingLogger();
  const providers = CloudflareEntityProvider.fromConfig(
    options.config ?? singleAccountConfig(),
    {
      logger,
      schedule,
      createClient: clientsFor(options.states ?? { [DEMO_ACCOUNT_ID]: state }),
    },
  );
  return { state, schedule, logger, lines, providers, provider: providers[0] };
}

/** The ingestion progress of the demo account in a store of its own (in memory by default). */
export function demoIngestion(
  store: IngestionStore = new MemoryIngestionStore(),
  accountId: string = DEMO_ACCOUNT_ID,
) {
  return new AccountIngestion(store, accountId);
}

/**
 * One run of `table`'s areas over the demo account `state`, every area enabled, as the provider
 * runs them; `ingestion` keeps the progress (its `lastGood` the last complete reads) between runs.
 */
export function runDemoAreas(
  table: CatalogAreaTable,
  state: DemoAccountState = demoState(),
  ingestion: AccountIngestion = demoIngestion(),
) {
  const { nameOf: _ids, ...ctx } = DEMO_MAP_CONTEXT;
  return runAreas({
    table,
    enabled: () => true,
    client: demoClient(state),
    ingestion,
    ctx,
  });
}

/**
 * Reads one area cycle after cycle as the provider does (its detail memo kept between them, in
 * memory): each call runs one cycle and answers the area's complete read.
 */
export function areaCycles<T>(
  descriptor: CatalogAreaDescriptor<T>,
  state: DemoAccountState,
  ingestion: AccountIngestion = demoIngestion(),
): () => Promise<T> {
  const id = (
    Object.keys(CATALOG_AREAS) as Array<keyof typeof CATALOG_AREAS>
  ).find(k => CATALOG_AREAS[k] === (descriptor as unknown))!;
  return async () => {
    const [outcome] = await runDemoAreas(
      { [id]: descriptor },
      state,
      ingestion,
    );
    if (outcome.error !== undefined) throw outcome.error;
    return ingestion.lastGood.get(id) as T;
  };
}

/** The refs a Component annotated with `annotations` depends on, as the annotation processor emits them. */
export async function annotationDependsOn(
  annotations: Record<string, string>,
): Promise<string[]> {
  const emit = jest.fn();
  await new CloudflareAnnotationProcessor().postProcessEntity(
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'acme-api', annotations },
    },
    { type: 'url', target: 'https://example.com/catalog-info.yaml' },
    emit,
  );
  return emit.mock.calls
    .map(([result]) => result.relation)
    .filter(r => r?.type === RELATION_DEPENDS_ON)
    .map(r => stringifyEntityRef(r.target));
}

/** The `spec.dependsOn` of the entity named `name` among `entities`. */
export function dependsOnOf(
  entities: DeferredEntity[],
  name: string,
): unknown[] | undefined {
  const entity = entities.find(e => e.entity.metadata.name === name)?.entity;
  return entity?.spec?.dependsOn as unknown[] | undefined;
}
