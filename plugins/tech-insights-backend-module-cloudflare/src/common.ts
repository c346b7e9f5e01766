import {
  FactRetrieverContext,
  TechInsightFact,
} from '@backstage-community/plugin-tech-insights-node';
import {
  CatalogApi,
  CatalogClient,
  EntityFilterQuery,
} from '@backstage/catalog-client';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { DateTime } from 'luxon';
import {
  CloudflareAreaId,
  getCloudflareArea,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { CloudflareClientsService } from '@cloudflare-backstage/plugin-cloudflare-node';

/**
 * Options shared by every Cloudflare fact retriever factory.
 *
 * @public
 */
export interface CloudflareFactRetrieverOptions {
  /**
   * Builds the catalog client for a run. Defaults to a `CatalogClient` found through the discovery
   * service, called with the retriever's own service credentials.
   */
  catalog?: (ctx: FactRetrieverContext) => CatalogApi;
  /** The clock; tests pin it. */
  now?: () => DateTime;
  /**
   * The backend's Cloudflare clients (`cloudflareClientsServiceRef`), shared with the catalog
   * module and the `/api/cloudflare` plugin: one call budget per API token, one breaker per
   * account. The module passes its service. Default: a service built once from the run's config
   * (per root config object), for retrievers registered without the module.
   */
  clients?: CloudflareClientsService;
  /**
   * How long a read waits for call budget, in seconds; default 300 (one Cloudflare rate limit
   * window). Every read runs at background priority (`client.inBackground`): it never takes the
   * share of the budget kept for the routes, and past this wait fails, leaving the entities it
   * would have served without a fact this run.
   */
  budgetWaitSeconds?: number;
}

/** Entity filter type of a fact retriever. */
export type EntityFilter = NonNullable<FactRetrieverContext['entityFilter']>;

/** The filter of an area's own `Resource` entities (`spec.type` from the registry row). */
export function areaResourceFilter(area: CloudflareAreaId) {
  return {
    kind: 'resource',
    'spec.type': getCloudflareArea(area).resourceType,
  };
}

/**
 * Reads the entities matching a filter, with the retriever's own service credentials (as the
 * Tech Insights backend's own retrievers do).
 */
export async function loadEntities(
  ctx: FactRetrieverContext,
  filter: EntityFilter,
  catalogFactory?: (ctx: FactRetrieverContext) => CatalogApi,
): Promise<Entity[]> {
  const catalog = catalogFactory
    ? catalogFactory(ctx)
    : new CatalogClient({ discoveryApi: ctx.discovery });
  const { token } = await ctx.auth.getPluginRequestToken({
    onBehalfOf: await ctx.auth.getOwnServiceCredentials(),
    targetPluginId: 'catalog',
  });
  const response = await catalog.getEntities(
    { filter: filter as EntityFilterQuery },
    { token },
  );
  return response.items;
}

/** Names listed in an annotation: comma-separated, trimmed, without empties or duplicates. */
export function annotationNames(entity: Entity, annotation: string): string[] {
  const raw = entity.metadata.annotations?.[annotation];
  if (!raw) return [];
  return [
    ...new Set(
      raw
        .split(',')
        .map(s => s.trim())
        .filter(Boolean),
    ),
  ];
}

/** The entity part of a {@link TechInsightFact}. */
export function factEntity(entity: Entity): TechInsightFact['entity'] {
  return {
    namespace: entity.metadata.namespace ?? 'default',
    kind: entity.kind,
    name: entity.metadata.name,
  };
}

/** `component:default/acme-api`, for logs. */
export function refOf(entity: Entity): string {
  return stringifyEntityRef(entity);
}

const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const BEARER_RE = /\b(bearer\s+|(?:token|key|secret|password)\s*[:=]\s*)\S+/gi;
const LONG_TOKEN_RE = /[A-Za-z0-9_-]{32,}/g;

/**
 * A log-safe description of an error: its class name and a message with e-mails, bearer values
 * and anything shaped like a credential removed. Never the stack, the request or the response.
 */
export function describeError(error: unknown): string {
  let name = 'Error';
  if (error instanceof Error) name = error.name;
  else if (typeof error !== 'object') name = typeof error;
  const message = error instanceof Error ? error.message : '';
  const safe = message
    .replace(EMAIL_RE, '<email>')
    .replace(BEARER_RE, '$1<redacted>')
    .replace(LONG_TOKEN_RE, '<redacted>')
    .slice(0, 300);
  return safe ? `${name}: ${safe}` : name;
}

/**
 * Runs `compute` for each entity; an entity whose facts cannot be computed is logged (safely) and
 * left without a fact row, so a check on it reports missing facts instead of a false pass.
 */
export async function factsPerEntity(
  ctx: FactRetrieverContext,
  retrieverId: string,
  entities: Entity[],
  now: DateTime,
  compute: (entity: Entity) => Promise<TechInsightFact['facts'] | undefined>,
): Promise<TechInsightFact[]> {
  const out: TechInsightFact[] = [];
  let skipped = 0;
  for (const entity of entities) {
    try {
      const facts = await compute(entity);
      if (facts)
        out.push({ entity: factEntity(entity), facts, timestamp: now });
      else skipped += 1;
    } catch (error) {
      skipped += 1;
      ctx.logger.warn(
        `${retrieverId}: no facts for ${refOf(entity)} (${describeError(
          error,
        )})`,
      );
    }
  }
  ctx.logger.info(
    `${retrieverId}: facts for ${out.length} of ${entities.length} entities${
      skipped ? `, ${skipped} skipped` : ''
    }`,
  );
  return out;
}

/**
 * Lists the entities of a run (the filter in the context, the registered one, wins over the
 * retriever's own), or logs and returns undefined when the catalog cannot be read.
 */
export async function openEntities(
  ctx: FactRetrieverContext,
  retrieverId: string,
  filter: EntityFilter,
  catalog?: (ctx: FactRetrieverContext) => CatalogApi,
): Promise<Entity[] | undefined> {
  try {
    return await loadEntities(ctx, ctx.entityFilter ?? filter, catalog);
  } catch (error) {
    ctx.logger.error(
      `${retrieverId}: catalog unavailable, no facts this run (${describeError(
        error,
      )})`,
    );
    return undefined;
  }
}
