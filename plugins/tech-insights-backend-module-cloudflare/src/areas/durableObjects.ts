import { FactRetriever } from '@backstage-community/plugin-tech-insights-node';
import { Entity } from '@backstage/catalog-model';
import { DateTime } from 'luxon';
import {
  CloudflareFactRetrieverOptions,
  factsPerEntity,
  openEntities,
  refOf,
  areaResourceFilter,
} from '../common';
import { techDocsDocumentedRefs, techDocsLinked } from '../techDocs';
import { CloudflareAreaFacts } from './types';

/** Id of the Durable Objects retriever: its key under `techInsights.factRetrievers` and its `factIds`. */
export const DURABLE_OBJECTS_RETRIEVER_ID =
  'cloudflareDurableObjectsFactRetriever';

/** Config key of the highest error rate (0 to 1) a class may have over the last 24 hours. */
export const DURABLE_OBJECTS_MAX_ERROR_RATE_CONFIG =
  'techInsights.cloudflare.durableObjects.maxErrorRate';

/** The highest error rate unless configured: 1% of requests. */
export const DEFAULT_DURABLE_OBJECTS_MAX_ERROR_RATE = 0.01;

/**
 * Options of {@link createCloudflareDurableObjectsFactRetriever}.
 */
export interface CloudflareDurableObjectsOptions
  extends CloudflareFactRetrieverOptions {
  /** The highest error rate (0 to 1); overrides `techInsights.cloudflare.durableObjects.maxErrorRate`. */
  maxErrorRate?: number;
}

/** What the catalog module puts in a Durable Object `Resource`'s `spec.parameters`. */
interface DurableObjectParameters {
  metricsExposed?: boolean;
  metricsNotExposedReason?: string;
  requests?: number;
  errors?: number;
  webSocketMessagesIn?: number;
  webSocketMessagesOut?: number;
  webSocketConnectionsMax?: number;
}

const isCount = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0;

/**
 * Builds the Durable Objects fact retriever: for each Durable Object class `Resource`, its error
 * rate over the last 24 hours against the configured threshold (SOC 2 CC7.2, system monitoring),
 * whether it serves WebSockets and whether a TechDocs page documents it (on the class's `Resource`
 * or a Component depending on it; SOC 2 CC2.2, internal communication). Reads only the catalog
 * (`spec.parameters` the catalog module fills from GraphQL Analytics). A class whose analytics the
 * API token may not read (`metricsExposed: false`) gets no fact, never a false pass; the reason is
 * logged.
 */
export function createCloudflareDurableObjectsFactRetriever(
  options: CloudflareDurableObjectsOptions = {},
): FactRetriever {
  const id = DURABLE_OBJECTS_RETRIEVER_ID;
  const entityFilter = areaResourceFilter('durableObjects');
  return {
    id,
    version: '1.0.0',
    title: 'Cloudflare Durable Objects runtime',
    description:
      'Error rate of each Durable Object class over the last 24 hours against a threshold (SOC 2 CC7.2), and whether a class serving WebSockets is documented in TechDocs (SOC 2 CC2.2).',
    entityFilter,
    schema: {
      errorRate: {
        type: 'float',
        description:
          'Failed requests over requests in the last 24 hours (0 when there was no request)',
      },
      maxErrorRate: {
        type: 'float',
        description: 'The threshold the error rate is held to',
      },
      errorRateBelowThreshold: {
        type: 'boolean',
        description: 'True when the error rate is at most the threshold',
      },
      usesWebSockets: {
        type: 'boolean',
        description:
          'True when the class had WebSocket messages or connections in the last 24 hours',
      },
      techDocsLinked: {
        type: 'boolean',
        description:
          'True when the class, or a Component depending on it, has a TechDocs page',
      },
      webSocketsDocumented: {
        type: 'boolean',
        description:
          'True unless the class serves WebSockets without a TechDocs page',
      },
    },
    handler: async ctx => {
      const now = (options.now ?? DateTime.now)();
      const maxErrorRate =
        options.maxErrorRate ??
        ctx.config.getOptionalNumber(DURABLE_OBJECTS_MAX_ERROR_RATE_CONFIG) ??
        DEFAULT_DURABLE_OBJECTS_MAX_ERROR_RATE;
      const entities = await openEntities(
        ctx,
        id,
        entityFilter,
        options.catalog,
      );
      if (!entities) return [];
      const documented = await techDocsDocumentedRefs(ctx, id, options.catalog);
      if (!documented) return [];
      return factsPerEntity(ctx, id, entities, now, async (entity: Entity) => {
        const p = (entity.spec?.parameters ?? {}) as DurableObjectParameters;
        if (p.metricsExposed !== true) {
          if (p.metricsExposed === false)
            ctx.logger.info(
              `${id}: no facts for ${refOf(entity)}: ${
                p.metricsNotExposedReason ?? 'analytics not exposed'
              }`,
            );
          return undefined;
        }
        if (!isCount(p.requests) || !isCount(p.errors)) return undefined;
        const errorRate = p.requests > 0 ? p.errors / p.requests : 0;
        const usesWebSockets =
          (p.webSocketMessagesIn ?? 0) +
            (p.webSocketMessagesOut ?? 0) +
            (p.webSocketConnectionsMax ?? 0) >
          0;
        const linked = techDocsLinked(entity, documented);
        return {
          errorRate,
          maxErrorRate,
          errorRateBelowThreshold: errorRate <= maxErrorRate,
          usesWebSockets,
          techDocsLinked: linked,
          webSocketsDocumented: !usesWebSockets || linked,
        };
      });
    },
  };
}

/**
 * Durable Objects: each class `Resource` gets the runtime facts, and two checks run on it: "error
 * rate below the threshold" (SOC 2 CC7.2) and "WebSocket use documented" (SOC 2 CC2.2).
 */
export const durableObjectsFacts: CloudflareAreaFacts = {
  retrievers: [createCloudflareDurableObjectsFactRetriever()],
  checks: [
    {
      id: 'cloudflareDurableObjectErrorRate',
      type: 'json-rules-engine',
      name: 'Durable Object error rate below threshold',
      description:
        'SOC 2 CC7.2 (system monitoring): over the last 24 hours of Cloudflare GraphQL Analytics, at most techInsights.cloudflare.durableObjects.maxErrorRate (default 0.01, 1%) of the requests to each Durable Object class failed. Classes whose analytics the API token may not read have no fact.',
      factIds: [DURABLE_OBJECTS_RETRIEVER_ID],
      rule: {
        conditions: {
          all: [
            {
              fact: 'errorRateBelowThreshold',
              operator: 'equal',
              value: true,
            },
          ],
        },
      },
    },
    {
      id: 'cloudflareDurableObjectWebSocketsDocumented',
      type: 'json-rules-engine',
      name: 'Durable Object WebSocket use documented',
      description:
        'SOC 2 CC2.2 (internal communication): every Durable Object class that served WebSockets in the last 24 hours has a TechDocs page linked to it (backstage.io/techdocs-ref on its Resource or on a Component depending on it) describing its connections.',
      factIds: [DURABLE_OBJECTS_RETRIEVER_ID],
      rule: {
        conditions: {
          all: [
            { fact: 'webSocketsDocumented', operator: 'equal', value: true },
          ],
        },
      },
    },
  ],
};
