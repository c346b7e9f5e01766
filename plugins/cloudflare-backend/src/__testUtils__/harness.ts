import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  AuditorService,
  AuditorServiceEvent,
  CacheService,
  coreServices,
  createServiceFactory,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { JsonObject, JsonValue } from '@backstage/types';
import {
  DEMO_ACCOUNT_ID,
  DEMO_API_TOKEN,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { useServedDemoAccount } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';
import { cloudflarePermissions } from '@cloudflare-backstage/plugin-cloudflare-common';
import { cloudflarePlugin } from '../plugin';

/** Every line a logger was asked to write, children included. */
export function capturingLogger(lines: string[]): LoggerService {
  const make = (fields: JsonObject): LoggerService => {
    const write =
      (level: string) => (message: string, meta?: Error | JsonObject) => {
        lines.push(
          JSON.stringify({
            level,
            message,
            ...fields,
            meta:
              meta instanceof Error
                ? {
                    name: meta.name,
                    message: meta.message,
                    stack: meta.stack,
                    cause: String((meta as any).cause),
                  }
                : meta,
          }),
        );
      };
    return {
      error: write('error'),
      warn: write('warn'),
      info: write('info'),
      debug: write('debug'),
      child: meta => make({ ...fields, ...(meta as JsonObject) }),
    };
  };
  return make({});
}

/** One audit event step: its id, status (`initiated`, `succeeded`, `failed`) and metadata. */
export type AuditRecord = {
  eventId: string;
  status: string;
  meta?: unknown;
  error?: string;
  /** `originalUrl` of the request as the auditor was given it. */
  url?: string;
};

/** An in-memory cache service that records every key it is asked for. */
export function recordingCache(keys: string[]): CacheService {
  const store = new Map<string, JsonValue>();
  const cache: CacheService = {
    async get(key) {
      keys.push(key);
      return store.get(key) as any;
    },
    async set(key, value) {
      keys.push(key);
      store.set(key, value);
    },
    async delete(key) {
      store.delete(key);
    },
    withOptions: () => cache,
  };
  return cache;
}

/** An auditor that records every event (and the request URL it was given) as {@link AuditRecord}s. */
export function recordingAuditor(records: AuditRecord[]): AuditorService {
  return {
    async createEvent(options) {
      records.push({
        eventId: options.eventId,
        status: 'initiated',
        meta: options.meta,
        url: options.request?.originalUrl,
      });
      const event: AuditorServiceEvent = {
        async success(o) {
          records.push({
            eventId: options.eventId,
            status: 'succeeded',
            meta: o?.meta,
          });
        },
        async fail(o) {
          records.push({
            eventId: options.eventId,
            status: 'failed',
            meta: o.meta,
            error: String(o.error?.message),
          });
        },
      };
      return event;
    },
  };
}

/** Permissions allowed: a list, all, none, or decided per caller (e.g. per user). */
export type Allow =
  | string[]
  | 'all'
  | 'none'
  | ((credentials: any) => string[] | 'all' | 'none');

/** A permission policy that allows exactly the named permissions. */
export function allowOnly(names: Allow) {
  return mockServices.permissions.mock({
    authorize: jest.fn(async (requests: any[], options?: any) => {
      const allowed =
        typeof names === 'function' ? names(options?.credentials) : names;
      return requests.map(r => ({
        result:
          allowed === 'all' ||
          (allowed !== 'none' &&
            allowed.includes((r.permission as BasicPermission).name))
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      }));
    }) as any,
  });
}

export interface HarnessOptions {
  allow?: Allow;
  config?: JsonObject;
  knex?: any;
  /** More features (service factories), e.g. a catalog mock. */
  features?: any[];
}

/** Starts the plugin in a test backend; returns the server and what was recorded. */
export async function startPlugin(options: HarnessOptions = {}) {
  const logLines: string[] = [];
  const audit: AuditRecord[] = [];
  const cacheKeys: string[] = [];
  const permissions = allowOnly(options.allow ?? 'all');
  const features: any[] = [
    cloudflarePlugin,
    mockServices.rootConfig.factory({ data: options.config ?? {} }),
    mockServices.httpAuth.factory({
      defaultCredentials: mockCredentials.user('user:default/tester'),
    }),
    permissions.factory,
    createServiceFactory({
      service: coreServices.rootLogger,
      deps: {},
      factory: () => capturingLogger(logLines),
    }),
    createServiceFactory({
      service: coreServices.logger,
      deps: {},
      factory: () => capturingLogger(logLines),
    }),
    createServiceFactory({
      service: coreServices.cache,
      deps: {},
      factory: () => recordingCache(cacheKeys),
    }),
    createServiceFactory({
      service: coreServices.auditor,
      deps: {},
      factory: () => recordingAuditor(audit),
    }),
  ];
  if (options.knex) {
    features.push(mockServices.database.factory({ knex: options.knex }));
  }
  features.push(...(options.features ?? []));
  const backend = await startTestBackend({ features });
  return {
    backend,
    server: backend.server,
    logLines,
    audit,
    cacheKeys,
    permissions,
  };
}

/** Every permission of the suite but `names`. */
export function allPermissionsBut(...names: string[]): string[] {
  return cloudflarePermissions.map(p => p.name).filter(n => !names.includes(n));
}

/**
 * Serves the demo account for the current test file (from `beforeAll` on) and starts the plugin
 * over it: `config(extra)` is the plugin's config with `extra` merged into `cloudflare` (no retries,
 * a 2 s timeout unless `extra.fetch` says otherwise), `start(options)` runs {@link startPlugin} with it.
 */
export function useDemoBackend() {
  const demo = useServedDemoAccount();
  const config = (extra: JsonObject = {}): JsonObject => ({
    cloudflare: {
      accountId: DEMO_ACCOUNT_ID,
      apiToken: DEMO_API_TOKEN,
      apiBaseUrl: demo.baseUrl,
      fetch: { timeoutMs: 2000, maxRetries: 0 },
      ...extra,
    },
  });
  const start = (
    options: Omit<HarnessOptions, 'config'> & { cloudflare?: JsonObject } = {},
  ) => {
    const { cloudflare, ...rest } = options;
    return startPlugin({ ...rest, config: config(cloudflare) });
  };
  return { demo, config, start };
}
