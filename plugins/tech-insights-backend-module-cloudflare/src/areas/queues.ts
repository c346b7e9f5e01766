import {
  FactRetriever,
  FactRetrieverContext,
  TechInsightFact,
} from '@backstage-community/plugin-tech-insights-node';
import { Config } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { ANNOTATION_CLOUDFLARE_ACCOUNT_ID } from '@cloudflare-backstage/plugin-cloudflare-common';
import { DateTime } from 'luxon';
import {
  CloudflareFactRetrieverOptions,
  factsPerEntity,
  openEntities,
  areaResourceFilter,
} from '../common';
import { CloudflareAreaFacts } from './types';

/** Id of the queue backlog retriever: its key under `techInsights.factRetrievers` and its `factIds`. */
export const QUEUE_BACKLOG_RETRIEVER_ID = 'cloudflareQueueBacklogFactRetriever';
/** Id of the dead-letter queue retriever. */
export const QUEUE_DEAD_LETTER_RETRIEVER_ID =
  'cloudflareQueueDeadLetterFactRetriever';

/** Config key of the largest backlog (messages) a queue may hold. */
export const QUEUE_MAX_BACKLOG_CONFIG =
  'techInsights.cloudflare.queues.maxBacklogMessages';
/** Config key of the oldest a queue's oldest message may be (seconds). */
export const QUEUE_MAX_AGE_CONFIG =
  'techInsights.cloudflare.queues.maxOldestMessageAgeSeconds';
/** The largest backlog unless configured. */
export const DEFAULT_QUEUE_MAX_BACKLOG = 10_000;
/** The oldest message's largest age unless configured: 15 minutes. */
export const DEFAULT_QUEUE_MAX_AGE_SECONDS = 900;

/** A backlog observation as the catalog module keeps it in `spec.parameters`. */
interface Observation {
  count: number;
  bytes: number;
  oldestMessageAt?: string;
  observedAt: string;
}

/** What the catalog module puts in a queue `Resource`'s `spec.parameters`. */
interface QueueParameters {
  queueName?: string;
  deliveryPaused?: boolean;
  consumerCount?: number;
  consumersWithoutDeadLetterQueue?: number;
  deadLetterQueues?: string[];
  backlog?: Observation;
  previousBacklog?: Observation;
}

const paramsOf = (e: Entity) => (e.spec?.parameters ?? {}) as QueueParameters;

const entityFilter = () => areaResourceFilter('queues');

/** Seconds between the oldest message and the observation; 0 for an empty backlog. */
function ageAtObservation(o: Observation): number {
  if (!o.oldestMessageAt || o.count === 0) return 0;
  return Math.max(
    0,
    Math.round(
      (Date.parse(o.observedAt) - Date.parse(o.oldestMessageAt)) / 1000,
    ),
  );
}

function thresholds(config: Config) {
  return {
    maxBacklog:
      config.getOptionalNumber(QUEUE_MAX_BACKLOG_CONFIG) ??
      DEFAULT_QUEUE_MAX_BACKLOG,
    maxAge:
      config.getOptionalNumber(QUEUE_MAX_AGE_CONFIG) ??
      DEFAULT_QUEUE_MAX_AGE_SECONDS,
  };
}

/**
 * The facts of each queue `Resource` the catalog holds: `prepare` sees them all once and returns
 * what computes one entity's facts (undefined: no fact). No entities when the catalog is unavailable.
 */
async function perQueue(
  ctx: FactRetrieverContext,
  id: string,
  options: CloudflareFactRetrieverOptions,
  prepare: (
    entities: Entity[],
  ) => (entity: Entity) => TechInsightFact['facts'] | undefined,
): Promise<TechInsightFact[]> {
  const now = (options.now ?? DateTime.now)();
  const entities = await openEntities(ctx, id, entityFilter(), options.catalog);
  if (!entities) return [];
  const compute = prepare(entities);
  return factsPerEntity(ctx, id, entities, now, async e => compute(e));
}

/**
 * Builds the queue backlog fact retriever (SOC 2 A1.1, capacity management): for each queue
 * `Resource`, its backlog at the catalog's last observation (messages, bytes, the oldest message's
 * age then) and whether it stays within `techInsights.cloudflare.queues.maxBacklogMessages`
 * (default 10,000) and `maxOldestMessageAgeSeconds` (default 900). Reads only the catalog; a queue
 * the catalog has not observed yet gets no fact, never a false pass.
 */
export function createCloudflareQueueBacklogFactRetriever(
  options: CloudflareFactRetrieverOptions = {},
): FactRetriever {
  const id = QUEUE_BACKLOG_RETRIEVER_ID;
  return {
    id,
    version: '1.0.0',
    title: 'Cloudflare queue backlog',
    description:
      "Each queue's backlog (messages, bytes, oldest message age) at the catalog's last observation, against configurable thresholds (SOC 2 A1.1).",
    entityFilter: entityFilter(),
    schema: {
      backlogCount: { type: 'integer', description: 'Messages in the backlog' },
      backlogBytes: { type: 'integer', description: 'Size of the backlog' },
      oldestMessageAgeSeconds: {
        type: 'integer',
        description: 'Age of the oldest message when observed (0 when empty)',
      },
      deliveryPaused: {
        type: 'boolean',
        description: 'True when delivery to consumers is paused',
      },
      backlogWithinThreshold: {
        type: 'boolean',
        description:
          'True when the backlog and its oldest message are within the configured thresholds',
      },
    },
    handler: ctx => {
      const { maxBacklog, maxAge } = thresholds(ctx.config);
      return perQueue(ctx, id, options, () => entity => {
        const { backlog, deliveryPaused } = paramsOf(entity);
        if (!backlog) return undefined;
        const age = ageAtObservation(backlog);
        return {
          backlogCount: backlog.count,
          backlogBytes: backlog.bytes,
          oldestMessageAgeSeconds: age,
          deliveryPaused: deliveryPaused === true,
          backlogWithinThreshold: backlog.count <= maxBacklog && age <= maxAge,
        };
      });
    },
  };
}

/** The dead-letter facts of one queue, or undefined when they cannot be known. */
function deadLetterFacts(entity: Entity, byName: Map<string, Entity>) {
  const p = paramsOf(entity);
  if (!p.consumerCount) return undefined;
  if ((p.consumersWithoutDeadLetterQueue ?? 0) > 0)
    return { deadLetterQueueConfigured: false, deadLetterQueueHealthy: false };
  const dlqs = (p.deadLetterQueues ?? []).map(n => byName.get(n));
  const seen = dlqs.map(d => (d ? paramsOf(d) : undefined));
  if (seen.length === 0 || seen.some(d => !d?.backlog)) return undefined;
  // Each DLQ's rise at its last change; an empty one never seen changing has not grown (0).
  const rises = seen.map(d => {
    if (d!.previousBacklog) return d!.backlog!.count - d!.previousBacklog.count;
    return d!.backlog!.count === 0 ? 0 : undefined;
  });
  const grew = rises.some(r => r !== undefined && r > 0);
  if (!grew && rises.some(r => r === undefined)) return undefined;
  const measured = seen.every(d => d!.previousBacklog);
  return {
    deadLetterQueueConfigured: true,
    deadLetterBacklog: seen.reduce((sum, d) => sum + d!.backlog!.count, 0),
    ...(measured
      ? { deadLetterGrowth: rises.reduce((sum, r) => sum! + r!, 0) }
      : {}),
    deadLetterQueueHealthy: !grew,
  };
}

/**
 * Builds the dead-letter queue fact retriever (SOC 2 A1.2, recovery infrastructure): for each
 * queue `Resource` with a consumer, whether every consumer sends failed messages to a dead-letter
 * queue, and whether those dead-letter queues are not growing. What is measured: a dead-letter
 * queue's backlog as the catalog last saw it against the backlog it kept from before the last
 * change it saw (each provider run reads the backlog; an unchanged one leaves the entity as it
 * was). An empty dead-letter queue has not grown; a non-empty one the catalog never saw change gets
 * no fact (never a false pass), nor does a queue whose dead-letter queue the catalog does not hold.
 * Queues without a consumer (dead-letter queues themselves, among them) get no fact: Cloudflare
 * dead-letters only what a consumer failed.
 */
export function createCloudflareQueueDeadLetterFactRetriever(
  options: CloudflareFactRetrieverOptions = {},
): FactRetriever {
  const id = QUEUE_DEAD_LETTER_RETRIEVER_ID;
  return {
    id,
    version: '1.0.0',
    title: 'Cloudflare queue dead-letter queues',
    description:
      "Whether each consumed queue has a dead-letter queue and whether that queue's backlog rose at its last change the catalog saw (SOC 2 A1.2).",
    entityFilter: entityFilter(),
    schema: {
      deadLetterQueueConfigured: {
        type: 'boolean',
        description:
          'True when every consumer of the queue has a dead-letter queue',
      },
      deadLetterBacklog: {
        type: 'integer',
        description:
          'Messages in its dead-letter queues at the last observation',
      },
      deadLetterGrowth: {
        type: 'integer',
        description:
          'Change of that backlog at its last change the catalog saw (absent when never seen changing)',
      },
      deadLetterQueueHealthy: {
        type: 'boolean',
        description:
          'True when a dead-letter queue is configured and is empty or did not rise at its last change',
      },
    },
    handler: ctx =>
      perQueue(ctx, id, options, entities => {
        const key = (e: Entity, name: string | undefined) =>
          `${e.metadata.annotations?.[ANNOTATION_CLOUDFLARE_ACCOUNT_ID]}/${name}`;
        const byKey = new Map(
          entities.map(e => [key(e, paramsOf(e).queueName), e]),
        );
        return entity =>
          deadLetterFacts(
            entity,
            new Map(
              (paramsOf(entity).deadLetterQueues ?? []).flatMap(n => {
                const dlq = byKey.get(key(entity, n));
                return dlq ? [[n, dlq] as const] : [];
              }),
            ),
          );
      }),
  };
}

/**
 * Queues: each queue `Resource` gets the backlog facts and, when it has a consumer, the
 * dead-letter facts; the checks "backlog within thresholds" (SOC 2 A1.1) and "dead-letter queue
 * configured and not growing" (SOC 2 A1.2) run on them.
 */
export const queuesFacts: CloudflareAreaFacts = {
  retrievers: [
    createCloudflareQueueBacklogFactRetriever(),
    createCloudflareQueueDeadLetterFactRetriever(),
  ],
  checks: [
    {
      id: 'cloudflareQueueBacklog',
      type: 'json-rules-engine',
      name: 'Queue backlogs stay within their thresholds',
      description:
        "SOC 2 A1.1 (capacity management): each Cloudflare queue's backlog, as the catalog last observed it, holds at most techInsights.cloudflare.queues.maxBacklogMessages messages (default 10,000) and its oldest message is at most maxOldestMessageAgeSeconds old (default 900), so consumers keep up with producers.",
      factIds: [QUEUE_BACKLOG_RETRIEVER_ID],
      rule: {
        conditions: {
          all: [
            { fact: 'backlogWithinThreshold', operator: 'equal', value: true },
          ],
        },
      },
    },
    {
      id: 'cloudflareQueueDeadLetter',
      type: 'json-rules-engine',
      name: 'Queues have a dead-letter queue that is not growing',
      description:
        'SOC 2 A1.2 (recovery infrastructure): every consumer of a Cloudflare queue sends the messages it fails to a dead-letter queue, so none is lost, and those dead-letter queues are not growing: empty, or their backlog did not rise at its last change the catalog saw (the catalog keeps the backlog from before that change, one provider run apart at least). Queues without a consumer are not checked.',
      factIds: [QUEUE_DEAD_LETTER_RETRIEVER_ID],
      rule: {
        conditions: {
          all: [
            { fact: 'deadLetterQueueHealthy', operator: 'equal', value: true },
          ],
        },
      },
    },
  ],
};
