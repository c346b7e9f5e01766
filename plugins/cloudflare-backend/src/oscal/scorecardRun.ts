import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import {
  ANNOTATION_CLOUDFLARE_ACCOUNT_ID,
  CLOUDFLARE_AREAS,
  CLOUDFLARE_CHECK_IDS,
  CLOUDFLARE_PRODUCTION_COMPONENT_CHECK_IDS,
  coverageRefOf,
  CoverageEntity,
  isProductionComponent,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { RouteContext } from '../service/context';

/** One (check, entity) result of the SOC 2 pack, as Tech Insights evaluated it. */
export interface ScorecardResult {
  checkId: string;
  /** The check's name as Tech Insights lists it. */
  checkName: string;
  /** Lower-case entity ref. */
  entityRef: string;
  passed: boolean;
}

/** What one bulk run of the pack's checks gave. */
export interface ScorecardRun {
  /** When the run was asked for, and when Tech Insights answered. */
  start: Date;
  end: Date;
  /** Entities the checks ran for. */
  entities: number;
  results: ScorecardResult[];
}

const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.annotations',
  'spec.type',
  'spec.lifecycle',
];

const AREA_ANNOTATIONS = CLOUDFLARE_AREAS.flatMap(a =>
  a.annotation ? [a.annotation] : [],
);

/**
 * The population the posture page runs the pack for, read from the catalog with the caller's
 * credentials: the suite's Resources, Components with a suite annotation and production Components;
 * of one account, those that do not name another in `cloudflare.com/account-id`.
 */
async function population(
  ctx: Pick<RouteContext, 'catalog'>,
  credentials: BackstageCredentials,
  accountId: string,
) {
  const { items } = await ctx.catalog.getEntities(
    {
      filter: [
        {
          kind: 'Resource',
          'spec.type': CLOUDFLARE_AREAS.map(a => a.resourceType),
        },
        { kind: 'Component' },
      ],
      fields: FIELDS,
    },
    { credentials },
  );
  const entities = items as Array<
    CoverageEntity & { metadata: { annotations?: Record<string, string> } }
  >;
  const ofAccount = (e: (typeof entities)[number]) => {
    const named = e.metadata.annotations?.[ANNOTATION_CLOUDFLARE_ACCOUNT_ID];
    return !named?.trim() || named.trim() === accountId;
  };
  const checked = entities.filter(
    e =>
      ofAccount(e) &&
      (e.kind.toLocaleLowerCase('en-US') === 'resource' ||
        isProductionComponent(e) ||
        AREA_ANNOTATIONS.some(a => e.metadata.annotations?.[a]?.trim())),
  );
  return {
    refs: checked.map(coverageRefOf),
    production: new Set(
      checked.filter(isProductionComponent).map(coverageRefOf),
    ),
  };
}

/** What `POST /checks/run` of Tech Insights answers, as far as the export reads it. */
type BulkAnswer = Array<{
  entity: string;
  results?: Array<{
    check?: { id?: unknown; name?: unknown };
    result?: unknown;
  }>;
}>;

/**
 * Runs the SOC 2 pack's checks once for the suite's entities through Tech Insights'
 * `POST /checks/run` (which evaluates the latest facts and stores nothing), with a token on behalf of
 * the caller, so Tech Insights' own permission (`tech-insights.check.run`) applies. Only boolean
 * results of the pack's checks count; the Coverage check only for production Components. A Tech
 * Insights that cannot be reached or refuses is a 503 in the suite's words (its text never passes).
 */
export async function runScorecards(
  ctx: Pick<RouteContext, 'catalog' | 'discovery' | 'auth' | 'now'>,
  credentials: BackstageCredentials,
  accountId: string,
): Promise<ScorecardRun> {
  const start = ctx.now();
  const { refs, production } = await population(ctx, credentials, accountId);
  if (refs.length === 0) {
    return { start, end: ctx.now(), entities: 0, results: [] };
  }
  const failed = (why: string) =>
    new ServiceUnavailableError(
      `Tech Insights did not run the SOC 2 checks: ${why}`,
    );
  let res: Response;
  try {
    const base = await ctx.discovery.getBaseUrl('tech-insights');
    const { token } = await ctx.auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'tech-insights',
    });
    res = await fetch(`${base}/checks/run`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ entities: refs, checks: CLOUDFLARE_CHECK_IDS }),
    });
  } catch {
    throw failed('it could not be reached');
  }
  if (!res.ok) throw failed(`it answered HTTP ${res.status}`);
  const answer = (await res.json().catch(() => {
    throw failed('its answer is not JSON');
  })) as BulkAnswer;
  const results: ScorecardResult[] = [];
  for (const run of Array.isArray(answer) ? answer : []) {
    const entityRef = String(run.entity).toLocaleLowerCase('en-US');
    for (const r of run.results ?? []) {
      const checkId = String(r.check?.id);
      if (!CLOUDFLARE_CHECK_IDS.includes(checkId)) continue;
      if (typeof r.result !== 'boolean') continue;
      if (
        CLOUDFLARE_PRODUCTION_COMPONENT_CHECK_IDS.has(checkId) &&
        !production.has(entityRef)
      )
        continue;
      results.push({
        checkId,
        checkName: typeof r.check?.name === 'string' ? r.check.name : checkId,
        entityRef,
        passed: r.result,
      });
    }
  }
  return { start, end: ctx.now(), entities: refs.length, results };
}
