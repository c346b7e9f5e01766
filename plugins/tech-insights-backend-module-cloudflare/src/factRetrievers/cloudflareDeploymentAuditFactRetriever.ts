import { FactRetriever } from '@backstage-community/plugin-tech-insights-node';
import { Entity } from '@backstage/catalog-model';
import { DateTime } from 'luxon';
import { CloudflareFactRetrieverOptions, factsPerEntity } from '../common';
import {
  CLOUDFLARE_FACT_RETRIEVER_IDS,
  COMPONENTS_WITH_DEPLOYMENTS_FILTER,
  MAX_LISTED,
} from '../constants';
import { LabelledDeployment, openDeploymentRun } from '../deployments';
import { openClients } from '../clients';
import { AuditEvent, AuditEventsOf, readAuditEvents } from '../auditEvents';

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
  /** Deployments younger than this many days are checked; default 30. */
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
function concerns(event: AuditEvent, d: LabelledDeployment): boolean {
  const id = event.resourceId;
  if (!id) return false;
  if (id === d.resource || id === d.version) return true;
  // `<project>/<deployment id>` names one deployment: it evidences that one only
  if (id.startsWith(`${d.resource}/`))
    return id.slice(d.resource.length + 1) === d.version;
  return false;
}

/**
 * Builds the deployment audit fact retriever (SOC 2 CC8.1, change management): for each Component
 * naming Workers or Pages projects, whether the deployment each one serves, when made in the last
 * `lookbackDays` days, has an account audit log event within ±`windowHours` hours.
 *
 * The deployments are the catalog's (`spec.parameters.lastDeployment` of the Component's
 * `Resource` entities); the audit log of each account (the one a deployment's `Resource` entity
 * names in `cloudflare.com/account-id`) is read through the backend's shared client of that
 * account, once per run and at background priority, for the window spanning that account's
 * deployments checked. A Component naming a resource that is not in the catalog gets no fact;
 * when an account's audit log cannot be read, no Component with a recent deployment there gets one.
 * Version 1 checked every deployment Cloudflare listed.
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
    version: '2.0.0',
    title: 'Cloudflare production deployments audited',
    description:
      'Whether the recent deployment serving each Worker and Pages project a Component names has an account audit log event within ±24 hours (SOC 2 CC8.1).',
    entityFilter: COMPONENTS_WITH_DEPLOYMENTS_FILTER,
    schema: {
      productionDeployments: {
        type: 'integer',
        description: `Deployments serving the Workers and Pages projects the Component names (their last deployment in the catalog), made in the last ${lookbackDays} days`,
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
        description: `Deployments without such an audit event, as "worker:<script>@<version id>" or "pages:<project>@<deployment id>" (at most ${MAX_LISTED})`,
      },
    },
    handler: async ctx => {
      const now = (options.now ?? DateTime.now)();
      const run = await openDeploymentRun(ctx, ID, options);
      if (!run) return [];
      const { entities, read } = run;

      // Phase 1: the deployments of every entity (a failure only costs that entity its fact).
      const since = now.toMillis() - lookbackDays * DAY_MS;
      const byEntity = new Map<Entity, LabelledDeployment[] | Error>();
      for (const entity of entities) {
        try {
          byEntity.set(
            entity,
            read(entity).filter(d => Date.parse(d.createdOn) >= since),
          );
        } catch (error) {
          byEntity.set(entity, error as Error);
        }
      }
      const recent = [...byEntity.values()].flatMap(list =>
        list instanceof Error ? [] : list,
      );

      // Phase 2: per account, one read of its audit log for the window spanning its deployments.
      let eventsOf: AuditEventsOf = () => [];
      if (recent.length > 0) {
        const clients = openClients(ctx, ID, options);
        if (!clients) return [];
        eventsOf = await readAuditEvents(ctx, ID, clients, recent, {
          windowMs,
          nowMs: now.toMillis(),
          budgetWaitSeconds: options.budgetWaitSeconds,
        });
      }

      return factsPerEntity(ctx, ID, entities, now, async entity => {
        const deployments = byEntity.get(entity)!;
        if (deployments instanceof Error) throw deployments;
        const seen = deployments.map(d => {
          const events = eventsOf(d);
          if (events instanceof Error) throw events;
          return events;
        });
        const unaudited = deployments.filter((d, i) => {
          const t = Date.parse(d.createdOn);
          return !seen[i].some(
            e =>
              Math.abs(e.at - t) <= windowMs &&
              (match === 'any' || concerns(e, d)),
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
 * The deployment audit fact retriever over the catalog and the backend's `cloudflare` config.
 *
 * @public
 */
export const cloudflareDeploymentAuditFactRetriever: FactRetriever =
  createCloudflareDeploymentAuditFactRetriever();
