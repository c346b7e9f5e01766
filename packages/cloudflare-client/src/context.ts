import { AsyncLocalStorage } from 'node:async_hooks';
import Cloudflare from 'cloudflare';
import type { z } from 'zod';
import type { CloudflareClientAreaSettings } from './config';
import { toCloudflareApiError } from './errors';
import {
  CloudflareGraphqlRequest,
  CloudflareGraphqlResult,
  readGraphql,
} from './graphql';
import { guardFetch, ListAwareCloudflare } from './fetchGuard';
import { Redaction, Redactor } from './redaction';
import { CallBudget, CallPriority } from './budget/CallBudget';
import { CircuitBreaker } from './budget/CircuitBreaker';
import { gateFetch } from './budget/gatedFetch';

/** The SDK's own default, used when no timeout is configured. */
const DEFAULT_TIMEOUT_MS = 60_000;
/**
 * The SDK's own timer starts before our fetch wrapper, which may wait for budget: it gets a day,
 * and the fetch guard applies the configured timeout from the moment the request is sent.
 */
const SDK_TIMEOUT_MS = 86_400_000;

/** What runs of the client carry through `AsyncLocalStorage`. */
interface CallStore {
  area: string;
  operation: string;
  priority: CallPriority;
  deadline?: number;
  signal?: AbortSignal;
}

/**
 * Options of {@link (CloudflareClient:class).inBackground}.
 *
 * @public
 */
export interface BackgroundOptions {
  /** Latest time (epoch ms) a call may wait for budget; past it the call fails with kind `budget`. */
  deadline?: number;
  /** Stops calls waiting for budget (they fail with kind `budget`). */
  signal?: AbortSignal;
}

/**
 * Fields the client logs beside a message: plain values only (never a token or a value read from
 * Cloudflare).
 *
 * @public
 */
export type LogMeta = {
  [key: string]: string | number | boolean | null | undefined;
};

/**
 * The smallest logger the client needs; Backstage's `LoggerService` fits as it is.
 *
 * @public
 */
export interface LoggerLike {
  debug(message: string, meta?: LogMeta): void;
  info(message: string, meta?: LogMeta): void;
  warn(message: string, meta?: LogMeta): void;
  error(message: string, meta?: LogMeta): void;
}

/**
 * Names under which upstream calls and redactions are counted: the registry's area ids the client
 * reads plus the account-wide `auditLogs` and `tokens`.
 *
 * @public
 */
export type ClientAreaKey =
  | 'workers'
  | 'pages'
  | 'zeroTrust'
  | 'auditLogs'
  | 'tokens'
  | (string & {});

/**
 * Counters of a {@link (CloudflareClient:class)}, for benchmarks and the provider's summary line.
 *
 * @public
 */
export interface CloudflareClientStats {
  /** HTTP requests sent to Cloudflare, retries included. */
  calls: number;
  /** The same, per area. */
  callsByArea: Record<string, number>;
  /** Retried requests (a subset of `calls`). */
  retries: number;
  /** Operations that failed, per error kind. */
  errorsByKind: Record<string, number>;
  /** Values withheld by redaction, per area. */
  redactionsByArea: Record<string, number>;
}

/**
 * What area modules share: the SDK, the account, the redactor, and `run`, which counts the calls of an
 * operation against its area and maps every failure to a `CloudflareApiError`. Every request goes
 * through the fetch guard (`fetchGuard.ts`): one deadline for headers and body, and the v4 envelope
 * checked before the SDK sees it.
 *
 * @public
 */
export class ClientContext {
  private readonly als = new AsyncLocalStorage<CallStore>();
  private counters: CloudflareClientStats = ClientContext.emptyStats();

  readonly sdk: Cloudflare;
  /** The call budget of the client's API token (possibly shared with other clients). */
  readonly budget: CallBudget;
  /** The circuit breaker of the client's account. */
  readonly breaker: CircuitBreaker;

  constructor(
    readonly accountId: string,
    private readonly secrets: readonly string[],
    readonly redactor: Redactor,
    readonly logger: LoggerLike | undefined,
    sdkOptions: ConstructorParameters<typeof Cloudflare>[0] & {
      fetch?: typeof fetch;
    },
    /** Facts of areas Cloudflare has no API for, from configuration. */
    readonly settings: CloudflareClientAreaSettings = {},
    gates: { budget?: CallBudget; breaker?: CircuitBreaker } = {},
  ) {
    this.budget = gates.budget ?? new CallBudget();
    this.breaker = gates.breaker ?? new CircuitBreaker();
    const guarded = guardFetch(
      sdkOptions.fetch ?? globalThis.fetch,
      sdkOptions.timeout ?? DEFAULT_TIMEOUT_MS,
      () => this.als.getStore()?.operation ?? 'read',
    );
    const counted = ((url: RequestInfo | URL, init?: RequestInit) => {
      const area = this.als.getStore()?.area ?? 'other';
      this.counters.calls += 1;
      this.counters.callsByArea[area] =
        (this.counters.callsByArea[area] ?? 0) + 1;
      const retry = new Headers(init?.headers).get('x-stainless-retry-count');
      if (retry && retry !== '0') this.counters.retries += 1;
      return guarded(url, init);
    }) as typeof fetch;
    this.sdk = new ListAwareCloudflare({
      ...sdkOptions,
      timeout: SDK_TIMEOUT_MS,
      logLevel: 'off',
      fetch: gateFetch({
        inner: counted,
        budget: this.budget,
        breaker: this.breaker,
        scope: () => this.als.getStore(),
      }),
    });
  }

  /** Runs `fn` with its calls at background priority (see {@link BackgroundOptions}). */
  inBackground<T>(fn: () => Promise<T>, options: BackgroundOptions = {}) {
    const outer = this.als.getStore();
    return this.als.run(
      {
        area: outer?.area ?? 'other',
        operation: outer?.operation ?? 'read',
        priority: 'background',
        deadline: options.deadline,
        signal: options.signal,
      },
      fn,
    );
  }

  private static emptyStats(): CloudflareClientStats {
    return {
      calls: 0,
      callsByArea: {},
      retries: 0,
      errorsByKind: {},
      redactionsByArea: {},
    };
  }

  /** Runs one read of `area`; calls are counted against the area, errors mapped and counted. */
  async run<T>(
    area: ClientAreaKey,
    operation: string,
    fn: () => Promise<T>,
  ): Promise<T> {
    try {
      const outer = this.als.getStore();
      return await this.als.run(
        {
          area,
          operation,
          priority: outer?.priority ?? 'interactive',
          deadline: outer?.deadline,
          signal: outer?.signal,
        },
        fn,
      );
    } catch (e) {
      const err = toCloudflareApiError(e, operation, this.secrets);
      this.counters.errorsByKind[err.kind] =
        (this.counters.errorsByKind[err.kind] ?? 0) + 1;
      this.logger?.debug(`Cloudflare read failed`, {
        operation,
        kind: err.kind,
        status: err.status,
      });
      throw err;
    }
  }

  /**
   * One query of Cloudflare's GraphQL Analytics API (`POST /graphql`, through the SDK's generic
   * `post`), its `data` parsed with `request.data`; `{ exposed: false, reason }` when the API token
   * may not read the analytics. Call it inside {@link ClientContext.run}: the call counts against
   * the run's area, and its failures (budget: `rate-limited`; other GraphQL errors, a bad shape:
   * `bad-response`) are mapped there.
   */
  graphql<S extends z.ZodType>(
    request: CloudflareGraphqlRequest<S>,
  ): Promise<CloudflareGraphqlResult<z.output<S>>> {
    return readGraphql(
      this.sdk,
      this.accountId,
      this.als.getStore()?.operation ?? 'graphql',
      request,
    );
  }

  /** Counts redactions of an area. */
  countRedactions(
    area: ClientAreaKey,
    notes: readonly Redaction[] | number,
  ): void {
    const n = typeof notes === 'number' ? notes : notes.length;
    if (n > 0)
      this.counters.redactionsByArea[area] =
        (this.counters.redactionsByArea[area] ?? 0) + n;
  }

  /** A copy of the counters. */
  stats(): CloudflareClientStats {
    return JSON.parse(JSON.stringify(this.counters));
  }

  /** Resets the counters. */
  resetStats(): void {
    this.counters = ClientContext.emptyStats();
  }
}
