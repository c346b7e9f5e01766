import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleCloudflare from '@cloudflare-backstage/plugin-catalog-backend-module-cloudflare';
import cloudflarePlugin from '@cloudflare-backstage/plugin-cloudflare-backend';
import {
  createScaleAccountData,
  DEMO_ACCOUNT_ID,
  DEMO_API_TOKEN,
  DemoAccountServer,
  DemoAccountState,
  DemoRateLimitOptions,
  startDemoAccountServer,
} from '@cloudflare-backstage/cloudflare-demo-account';
import {
  RateLimitHidingProxy,
  startRateLimitHidingProxy,
} from './hiddenRateLimit';

/** The provider's scheduled task in the catalog plugin. */
export const PROVIDER_TASK = 'cloudflare-provider:default:refresh';

/** Options of {@link startSharedBudgetBackend}. */
export interface SharedBudgetBackendOptions {
  /** The demo account's rate limit, per token. */
  rateLimit: Required<DemoRateLimitOptions>;
  /** `cloudflare.budget` of the backend. */
  budget: { calls: number; windowSeconds: number; routeShare: number };
  /** Resources of the scale account (spread over the areas). */
  resources: number;
  seed: number;
  /**
   * Serve the account to the backend through {@link startRateLimitHidingProxy}, so the budget
   * never learns the rate limit from Cloudflare's headers. Default false.
   */
  hideRateLimitHeaders?: boolean;
}

/** One backend over one rate-limited demo account, and what the test reads of both. */
export interface SharedBudgetBackend {
  /** `http://127.0.0.1:<port>` of the backend. */
  baseUrl: string;
  account: DemoAccountServer;
  state: DemoAccountState;
  /** Runs the catalog provider's task once (the mock scheduler awaits it). */
  runIngestion(): Promise<void>;
  /** Every info, warn and error line logged so far (debug lines are dropped). */
  logLines: string[];
  stop(): Promise<void>;
}

/** A logger that keeps every line above debug, with the fields of its children. */
function keepingLogger(
  lines: string[],
  fields: Record<string, unknown> = {},
): LoggerService {
  const write = (level: string) => (message: string) => {
    lines.push(`${level} ${fields.plugin ?? ''} ${message}`);
  };
  return {
    error: write('error'),
    warn: write('warn'),
    info: write('info'),
    debug: () => {},
    child: meta => keepingLogger(lines, { ...fields, ...meta }),
  };
}

/**
 * Starts a scale demo account with a rate limit (recording every response's status), and one test
 * backend over it: the catalog plugin with `catalogModuleCloudflare` and the `cloudflare` backend
 * plugin, sharing the backend's `cloudflareClientsServiceRef` (its default factory, one client and
 * one call budget for the account), with every permission allowed and a signed-in user by default.
 * The mock scheduler does not run tasks at start-up: {@link SharedBudgetBackend.runIngestion} does.
 */
export async function startSharedBudgetBackend(
  options: SharedBudgetBackendOptions,
): Promise<SharedBudgetBackend> {
  const state = new DemoAccountState({
    data: createScaleAccountData({
      seed: options.seed,
      resources: options.resources,
    }),
    rateLimit: true,
    rateLimitOptions: options.rateLimit,
  });
  const account = await startDemoAccountServer({
    port: 0,
    state,
    recordRequests: true,
  });
  let proxy: RateLimitHidingProxy | undefined;
  const close = async () => {
    await proxy?.close();
    await account.close();
  };
  const logLines: string[] = [];
  // The catalog plugin's scheduler (the mock one), to trigger the provider's task.
  let scheduler: SchedulerService | undefined;
  const probe = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'shared-budget-probe',
    register(env) {
      env.registerInit({
        deps: { service: coreServices.scheduler },
        async init({ service }) {
          scheduler = service;
        },
      });
    },
  });
  try {
    if (options.hideRateLimitHeaders)
      proxy = await startRateLimitHidingProxy(account.baseUrl);
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleCloudflare,
        probe,
        cloudflarePlugin,
        mockServices.rootConfig.factory({
          data: {
            cloudflare: {
              accountId: DEMO_ACCOUNT_ID,
              apiToken: DEMO_API_TOKEN,
              apiBaseUrl: proxy?.baseUrl ?? account.baseUrl,
              // No retries: every call the demo account answered is one the client chose to send.
              fetch: { timeoutMs: 15_000, maxRetries: 0 },
              budget: options.budget,
              entityProvider: {
                // One run may take 54 s (the timeout less its margin): enough to pace the account.
                schedule: {
                  frequency: { minutes: 30 },
                  timeout: { seconds: 60 },
                },
              },
            },
          },
        }),
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.user('user:default/tester'),
        }),
        createServiceFactory({
          service: coreServices.rootLogger,
          deps: {},
          factory: () => keepingLogger(logLines),
        }),
        createServiceFactory({
          service: coreServices.logger,
          deps: { plugin: coreServices.pluginMetadata },
          factory: ({ plugin }) =>
            keepingLogger(logLines, { plugin: plugin.getId() }),
        }),
      ],
    });
    return {
      baseUrl: `http://127.0.0.1:${backend.server.port()}`,
      account,
      state,
      runIngestion: () => scheduler!.triggerTask(PROVIDER_TASK),
      logLines,
      async stop() {
        await backend.stop();
        await close();
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}
