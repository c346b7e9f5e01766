import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { techInsightsCheckUpdatePermission } from '@backstage-community/plugin-tech-insights-common';
import { FactRetriever } from '@backstage-community/plugin-tech-insights-node';
import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  InputError,
  NotAllowedError,
  NotFoundError,
  isError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { matchesEntityFilter } from './matchesEntityFilter';

/** Path of the route, under the Tech Insights plugin (`/api/tech-insights`). */
export const REFRESH_PATH = '/cloudflare/refresh';

/** The kinds whose facts the route refreshes. */
const REFRESHABLE_KINDS = ['component', 'resource'];

const bodySchema = z.object({
  entityRef: z
    .string()
    .min(1)
    .max(500)
    .describe('The entity to refresh, as <kind>:<namespace>/<name>'),
});

/** What the route answers (`202`). */
export interface RefreshResponse {
  /** The entity, as the catalog spells its ref. */
  entityRef: string;
  /** Ids of the retrievers whose tasks were triggered (or were running already). */
  retrievers: string[];
  /** When the tasks were triggered: facts stored after this time are fresh (ISO 8601). */
  triggeredAt: string;
}

/** What the refresh router needs. */
export interface RefreshRouterOptions {
  /** The suite's retrievers, by id. */
  retrievers: Readonly<Record<string, FactRetriever>>;
  config: RootConfigService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  scheduler: SchedulerService;
  logger: LoggerService;
  /** The clock; tests pin it. */
  now?: () => Date;
}

function parseBody(body: unknown): CompoundEntityRef {
  const parsed = bodySchema.safeParse(body ?? {});
  if (!parsed.success) {
    throw new InputError(
      `Invalid body: ${parsed.error.issues
        .map(i => `${i.path.join('.') || 'body'}: ${i.message}`)
        .join('; ')}`,
    );
  }
  let ref: CompoundEntityRef;
  try {
    ref = parseEntityRef(parsed.data.entityRef);
  } catch {
    throw new InputError(
      'Invalid body: entityRef must be <kind>:<namespace>/<name>',
    );
  }
  if (!REFRESHABLE_KINDS.includes(ref.kind.toLocaleLowerCase('en-US'))) {
    throw new InputError(
      `Invalid body: only Components and Resources are refreshed, not ${ref.kind}`,
    );
  }
  return ref;
}

/**
 * The route `POST /cloudflare/refresh` of the Tech Insights plugin: re-runs, now, the suite's fact
 * retrievers that apply to one Component or Resource (their `entityFilter` matches it), by
 * triggering the scheduled task the Tech Insights engine keeps for each configured retriever (task
 * id = retriever id). Needs `tech-insights.check.run` (the permission of running checks).
 */
export async function createRefreshRouter(
  options: RefreshRouterOptions,
): Promise<express.Router> {
  const { retrievers, config, httpAuth, permissions, catalog, scheduler } =
    options;
  const logger = options.logger.child({ route: REFRESH_PATH });
  const now = options.now ?? (() => new Date());
  const router = Router();
  router.use(REFRESH_PATH, express.json({ limit: '4kb' }));

  router.post(REFRESH_PATH, async (req, res) => {
    const ref = parseBody(req.body);
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize(
      [{ permission: techInsightsCheckUpdatePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('Not allowed to refresh Tech Insights facts');
    }
    const entity = await catalog.getEntityByRef(ref, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity ${stringifyEntityRef(ref)}`);
    }
    const configured = new Set(
      config.getOptionalConfig('techInsights.factRetrievers')?.keys() ?? [],
    );
    const applicable = Object.values(retrievers).filter(
      r =>
        configured.has(r.id) &&
        (!r.entityFilter || matchesEntityFilter(entity, r.entityFilter)),
    );
    const triggeredAt = now().toISOString();
    const triggered: string[] = [];
    for (const retriever of applicable) {
      try {
        await scheduler.triggerTask(retriever.id);
        triggered.push(retriever.id);
      } catch (error) {
        // by name: the scheduler's errors may come from another copy of @backstage/errors
        const name = isError(error) ? error.name : '';
        if (name === 'ConflictError') {
          triggered.push(retriever.id); // running now: its facts are on their way
        } else if (name === 'NotFoundError') {
          logger.warn(`${retriever.id}: no scheduled task, not refreshed`);
        } else {
          throw error;
        }
      }
    }
    const entityRef = stringifyEntityRef(entity);
    logger.info(
      `Refresh of ${entityRef}: triggered ${
        triggered.join(', ') || 'no retriever'
      }`,
    );
    const body: RefreshResponse = {
      entityRef,
      retrievers: triggered,
      triggeredAt,
    };
    res.status(202).json(body);
  });

  return router;
}
