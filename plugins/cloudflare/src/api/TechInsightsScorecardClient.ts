import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  createApiRef,
  DiscoveryApi,
  FetchApi,
} from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ScorecardCheck,
  ScorecardCheckResult,
  ScorecardEntityResults,
  ScorecardFactResponse,
} from './types';

/**
 * Answer of `POST /api/tech-insights/cloudflare/refresh` (202): the retrievers it triggered for the
 * entity and when.
 *
 * @public
 */
export interface ScorecardRefreshResult {
  /** Stringified ref of the entity whose facts are being refreshed. */
  entityRef: string;
  /** Ids of the fact retrievers triggered for it. */
  retrievers: string[];
  /** When they were triggered (ISO 8601); facts newer than this are the refreshed ones. */
  triggeredAt: string;
}

/**
 * One day of the posture history: per scorecard id, the (entity, check) results that passed of
 * those evaluated from that day's last facts.
 *
 * @public
 */
export interface ScorecardHistoryDay {
  /** The day (UTC), `YYYY-MM-DD`. */
  date: string;
  scorecards: Record<string, { passed: number; evaluated: number }>;
}

/**
 * Answer of `GET /api/tech-insights/cloudflare/history`: the days with facts, oldest first.
 *
 * @public
 */
export interface ScorecardHistory {
  days: ScorecardHistoryDay[];
  /** Whether the window held more facts than one answer reads (the oldest day is partial). */
  truncated: boolean;
}

/**
 * The part of the Tech Insights REST API that the posture page and the entity scorecards use.
 *
 * @public
 */
export interface ScorecardApi {
  /** `GET /checks` */
  getChecks(): Promise<ScorecardCheck[]>;
  /** `POST /checks/run/:namespace/:kind/:name` */
  runChecks(
    entity: string | CompoundEntityRef,
    checks?: string[],
  ): Promise<ScorecardCheckResult[]>;
  /** `POST /checks/run` with `{ checks, entities }` */
  runBulkChecks(
    entities: Array<string | CompoundEntityRef>,
    checks?: string[],
  ): Promise<ScorecardEntityResults[]>;
  /** `GET /facts/latest?entity=&ids[]=` */
  getLatestFacts(
    entity: string | CompoundEntityRef,
    factRetrieverIds: string[],
  ): Promise<Record<string, ScorecardFactResponse>>;
  /**
   * `POST /cloudflare/refresh` with `{ entityRef }` (the suite's Tech Insights module): triggers the
   * fact retrievers of one suite Resource or Cloudflare-annotated Component.
   */
  refresh(entity: string | CompoundEntityRef): Promise<ScorecardRefreshResult>;
  /**
   * `GET /cloudflare/history?days=&entityRefs=` (the suite's Tech Insights module): each
   * scorecard's pass rate per day over the last `days` (1..180, default 180), of all entities or
   * of `entityRefs` only.
   */
  getHistory(options?: {
    days?: number;
    entityRefs?: Array<string | CompoundEntityRef>;
  }): Promise<ScorecardHistory>;
}

/**
 * API reference of {@link ScorecardApi}.
 *
 * @public
 */
export const cloudflareScorecardApiRef = createApiRef<ScorecardApi>({
  id: 'plugin.cloudflare.scorecards',
});

const toRef = (entity: string | CompoundEntityRef): CompoundEntityRef =>
  typeof entity === 'string' ? parseEntityRef(entity) : entity;

/**
 * Calls the community Tech Insights backend (`/api/tech-insights`) directly with `fetchApi`, so the
 * Tech Insights frontend packages need not be installed.
 *
 * @public
 */
export class TechInsightsScorecardClient implements ScorecardApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getChecks(): Promise<ScorecardCheck[]> {
    return this.call('/checks');
  }

  runChecks(
    entity: string | CompoundEntityRef,
    checks?: string[],
  ): Promise<ScorecardCheckResult[]> {
    const { namespace, kind, name } = toRef(entity);
    return this.call(
      `/checks/run/${[namespace, kind, name]
        .map(s => encodeURIComponent(s))
        .join('/')}`,
      { checks },
    );
  }

  runBulkChecks(
    entities: Array<string | CompoundEntityRef>,
    checks?: string[],
  ): Promise<ScorecardEntityResults[]> {
    return this.call('/checks/run', {
      checks,
      entities: entities.map(toRef),
    });
  }

  getLatestFacts(
    entity: string | CompoundEntityRef,
    factRetrieverIds: string[],
  ): Promise<Record<string, ScorecardFactResponse>> {
    const params = new URLSearchParams();
    params.set('entity', stringifyEntityRef(toRef(entity)));
    for (const id of factRetrieverIds) params.append('ids[]', id);
    return this.call(`/facts/latest?${params.toString()}`);
  }

  refresh(entity: string | CompoundEntityRef): Promise<ScorecardRefreshResult> {
    return this.call('/cloudflare/refresh', {
      entityRef: stringifyEntityRef(toRef(entity)),
    });
  }

  getHistory(
    options: {
      days?: number;
      entityRefs?: Array<string | CompoundEntityRef>;
    } = {},
  ): Promise<ScorecardHistory> {
    const params = new URLSearchParams();
    params.set('days', String(options.days ?? 180));
    if (options.entityRefs) {
      params.set(
        'entityRefs',
        options.entityRefs.map(e => stringifyEntityRef(toRef(e))).join(','),
      );
    }
    return this.call(`/cloudflare/history?${params.toString()}`);
  }

  private async call<T>(path: string, body?: unknown): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('tech-insights');
    const response = await this.fetchApi.fetch(
      `${baseUrl}${path}`,
      body === undefined
        ? undefined
        : {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.json();
  }
}
