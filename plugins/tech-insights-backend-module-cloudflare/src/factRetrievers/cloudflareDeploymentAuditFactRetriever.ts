import {
  FactRetriever,
  TechInsightFact,
} from '@backstage-community/plugin-tech-insights-node';
import { Entity } from '@backstage/catalog-model';
import { DateTime } from 'luxon';
import {
  CloudflareFactRetrieverOptions,
  describeError,
  factsPerEntity,
} from '../common';
import {
  CLOUDFLARE_FACT_RETRIEVER_IDS,
  COMPONENTS_WITH_DEPLOYMENTS_FILTER,
  MAX_LISTED,
} from '../constants';
import { LabelledDeployment, openDeploymentRun } from '../deployments';
import { FactSourceAuditEvent } from '../source';

const ID = CLOUDFLARE_FACT_RETRIEVER_IDS.deploymentAudit;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Options of {@link createCloudflareDeploymentAuditFactRetriever}.
 *
 * @public
 */
export interface CloudflareDeploymentAuditFactRetrieverOptions
  extends CloudflareFactRetrieverOptions {
  /** Production deployments younger than this many days are checked; default 30. */
  lookbackDays?: number;
  /** Half-width of the window around a deployment in which an audit event must exist, in hours; default 24. */
  windowHours?: number;
  /**
   * Which audit events count. `resource` (default): only events whose resource id names the
   * deployed script or project (or the deployment id). `any`: any account audit event in the window.
   */
  match?: 'resource' | 'any';
}

/** True when the event concerns the deployment's script or project. */
function concerns(event: FactSourceAuditEvent, d: LabelledDeployment): boolean {
  const id = event.resourceId;
  if (!id) return false;
  if (id === d.resource || id === d.id) return true;
  // `<project>/<deployment id>` names one deployment: it evidences that one only
  if (id.startsWith(`${d.resource}/`))
    return id.slice(d.resource.length + 1) === d.id;
  return false;
}

/**
 * Builds the deployment audit fact retriever (SOC 2 CC8.1, change management): for each Component
 * naming Workers or Pages projects, whether each production deployment of the last `lookbackDays`
 * days has an account audit log event within ±`windowHours` hours.
 *
 * The audit log is read once per run, for the window spanning every deployment checked. A Component
 * whose deployments cannot be read gets no fact; when the audit log cannot be read, no Component
 * gets one.
 *
 * @public
 */
export function createCloudflareDeploymentAuditFactRetriever(
  options: CloudflareDeploymentAuditFactRetrieverOptions = {},
): FactRetriever {
  const lookbackDays = options.lookbackDays ?? 30;
  const windowMs = (options.windowHours ?? 24) * HOUR_MS;
  const match = options.match ?? 'resource';
  return {
    id: ID,
    version: '1.0.0',
    title: 'Cloudflare production deployments audited',
    description:
      'Whether each recent production deployment of the Workers and Pages projects a Component names has an account audit log event within ±24 hours (SOC 2 CC8.1).',
    entityFilter: COMPONENTS_WITH_DEPLOYMENTS_FILTER,
    schema: {
      productionDeployments: {
        type: 'integer',
        description: `Production deployments of the last ${lookbackDays} days of the Workers and Pages projects the Component names`,
      },
      productionDeploymentsWithAuditEvent: {
        type: 'integer',
        description: `Of those, the deployments with an account audit log event about the same script or project within ±${
          windowMs / HOUR_MS
        } hours`,
      },
      allProductionDeploymentsAudited: {
        type: 'boolean',
        description:
          'True when every production deployment checked has such an audit event (also true when there was no deployment to check)',
      },
      productionDeploymentsWithoutAuditEvent: {
        type: 'set',
        description: `Deployments without such an audit event, as "worker:<script>@<deployment id>" or "pages:<project>@<deployment id>" (at most ${MAX_LISTED})`,
      },
    },
    handler: async ctx => {
      const now = (options.now ?? DateTime.now)();
      const run = await openDeploymentRun(ctx, ID, options);
      if (!run) return [];
      const { entities, source, read } = run;

      // Phase 1: the deployments of every entity (a failure only costs that entity its fact).
      const since = now.toMillis() - lookbackDays * DAY_MS;
      const byEntity = new Map<Entity, Promise<LabelledDeployment[]>>();
      for (const entity of entities) {
        const p = read(entity).then(list =>
          list.filter(d => Date.parse(d.createdOn) >= since),
        );
        p.catch(() => undefined); // handled when the entity's facts are computed
        byEntity.set(entity, p);
      }
      const settled = await Promise.allSettled(byEntity.values());
      const times = settled
        .flatMap(s => (s.status === 'fulfilled' ? s.value : []))
        .map(d => Date.parse(d.createdOn));

      // Phase 2: one read of the audit log for the window spanning every deployment.
      let events: Array<{ at: number; event: FactSourceAuditEvent }> = [];
      if (times.length > 0) {
        const from = new Date(Math.min(...times) - windowMs);
        const to = new Date(
          Math.min(Math.max(...times) + windowMs, now.toMillis() + 1),
        );
        try {
          events = (await source.auditEvents({ since: from, before: to })).map(
            event => ({
              at: Date.parse(event.at),
              event,
            }),
          );
        } catch (error) {
          ctx.logger.error(
            `${ID}: account audit log unavailable, no facts this run (${describeError(
              error,
            )})`,
          );
          return [] as TechInsightFact[];
        }
      }

      return factsPerEntity(ctx, ID, entities, now, async entity => {
        const deployments = await byEntity.get(entity)!;
        const unaudited = deployments.filter(d => {
          const t = Date.parse(d.createdOn);
          return !events.some(
            e =>
              Math.abs(e.at - t) <= windowMs &&
              (match === 'any' || concerns(e.event, d)),
          );
        });
        return {
          productionDeployments: deployments.length,
          productionDeploymentsWithAuditEvent:
            deployments.length - unaudited.length,
          allProductionDeploymentsAudited: unaudited.length === 0,
          productionDeploymentsWithoutAuditEvent: unaudited
            .slice(0, MAX_LISTED)
            .map(d => d.label),
        };
      });
    },
  };
}

/**
 * The deployment audit fact retriever over the backend's `cloudflare` config.
 *
 * @public
 */
export const cloudflareDeploymentAuditFactRetriever: FactRetriever =
  createCloudflareDeploymentAuditFactRetriever();
