import {
  DatabaseService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { techInsightsFactRetrieverReadPermission } from '@backstage-community/plugin-tech-insights-common';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { CloudflareCheck } from '../checkModel';
import { computeHistory, HistoryDay, HistoryFactRow } from './computeHistory';

/** Path of the route, under the Tech Insights plugin (`/api/tech-insights`). */
export const HISTORY_PATH = '/cloudflare/history';

/** The most fact rows one answer reads (newest first); more and the answer says `truncated`. */
export const HISTORY_MAX_ROWS = 200_000;

const refList = z
  .union([z.string(), z.array(z.string())])
  .transform(v => (Array.isArray(v) ? v : [v]).flatMap(s => s.split(',')))
  .pipe(z.array(z.string().min(1).max(500)).max(1000));

const querySchema = z.object({
  days: z.coerce.number().int().min(1).max(180).default(180),
  entityRefs: refList.optional(),
});

/** What the route answers. */
export interface HistoryResponse {
  /** The days with facts, oldest first. */
  days: HistoryDay[];
  /** Whether the window held more fact rows than one answer reads (the oldest days are partial). */
  truncated: boolean;
}

/** What the history router needs. */
export interface HistoryRouterOptions {
  /** The Tech Insights plugin's database (a module shares its plugin's). */
  database: DatabaseService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  logger: LoggerService;
  /** The suite's checks. */
  checks: readonly CloudflareCheck[];
  /** The clock; tests pin it. */
  now?: () => Date;
}

function parseQuery(query: unknown) {
  const parsed = querySchema.safeParse(query);
  if (!parsed.success) {
    throw new InputError(
      `Invalid query: ${parsed.error.issues
        .map(i => `${i.path.join('.') || 'query'}: ${i.message}`)
        .join('; ')}`,
    );
  }
  const { days, entityRefs } = parsed.data;
  let refs: string[] | undefined;
  try {
    refs = entityRefs?.map(r => stringifyEntityRef(parseEntityRef(r.trim())));
  } catch {
    throw new InputError(
      'Invalid query: entityRefs must be <kind>:<namespace>/<name>',
    );
  }
  return { days, entityRefs: refs };
}

/**
 * The route `GET /cloudflare/history?days=&entityRefs=` of the Tech Insights plugin: each
 * scorecard's pass rate per day over the last `days` (1..180), computed from the facts Tech
 * Insights keeps (read-only) for the suite's retrievers. Needs `tech-insights.fact-retriever.read`.
 */
export async function createHistoryRouter(
  options: HistoryRouterOptions,
): Promise<express.Router> {
  const { database, httpAuth, permissions, checks } = options;
  const logger = options.logger.child({ route: HISTORY_PATH });
  const now = options.now ?? (() => new Date());
  const retrieverIds = [...new Set(checks.flatMap(c => c.factIds))];
  const router = Router();

  router.get(HISTORY_PATH, async (req, res) => {
    const { days, entityRefs } = parseQuery(req.query);
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize(
      [{ permission: techInsightsFactRetrieverReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('Not allowed to read Tech Insights facts');
    }
    const since = new Date(now().getTime() - (days - 1) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const db = await database.getClient();
    if (!(await db.schema.hasTable('facts'))) {
      const empty: HistoryResponse = { days: [], truncated: false };
      res.json(empty);
      return;
    }
    const query = db<HistoryFactRow>('facts')
      .select('id', 'entity', 'timestamp', 'facts')
      .whereIn('id', retrieverIds)
      .andWhere('timestamp', '>=', since)
      .orderBy('timestamp', 'desc')
      .limit(HISTORY_MAX_ROWS + 1);
    if (entityRefs) {
      query.whereIn('entity', entityRefs);
    }
    const rows = await query;
    const truncated = rows.length > HISTORY_MAX_ROWS;
    const body: HistoryResponse = {
      days: computeHistory(
        truncated ? rows.slice(0, HISTORY_MAX_ROWS) : rows,
        checks,
      ),
      truncated,
    };
    logger.debug(
      `History of ${days} days: ${rows.length} fact rows, ${body.days.length} days`,
    );
    res.json(body);
  });

  return router;
}
