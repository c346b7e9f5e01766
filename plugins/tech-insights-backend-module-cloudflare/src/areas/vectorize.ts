import { FactRetriever } from '@backstage-community/plugin-tech-insights-node';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import {
  Entity,
  RELATION_DEPENDS_ON,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  cloudflareTagLabel,
  ResourceTags,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { DateTime } from 'luxon';
import {
  CloudflareFactRetrieverOptions,
  annotationNames,
  describeError,
  factsPerEntity,
  loadEntities,
  openEntities,
  areaResourceFilter,
} from '../common';
import { CloudflareAreaFacts } from './types';
import {
  ANNOTATION_EMBEDDING_MODEL,
  VectorizeFactsConfig,
  readVectorizeFactsConfig,
} from './vectorizeModels';

/** Id of the Vectorize index retriever: its key under `techInsights.factRetrievers` and its `factIds`. */
export const VECTORIZE_INDEX_RETRIEVER_ID =
  'cloudflareVectorizeIndexFactRetriever';

const DAY_MS = 86_400_000;

/** What the catalog module puts in a Vectorize `Resource`'s `spec.parameters`. */
interface VectorizeParameters {
  dimensions?: number;
  preset?: string;
  tags?: ResourceTags;
  processedUpToDatetime?: string;
  /** True once the index's stats (vector count, last write) were read. */
  statsRead?: boolean;
}

/** The embedding model(s) an index is said to use, and who said it. */
interface NamedModel {
  models: string[];
  source: 'tag' | 'annotation' | 'preset';
}

/**
 * Who names an index's embedding model, first found wins: its Cloudflare tag (`spec.parameters.tags`,
 * or the label when the value is a valid one), the `cloudflare.com/embedding-model` annotation of
 * the Components depending on it, or the preset it was created from.
 */
function namedModel(
  entity: Entity,
  p: VectorizeParameters,
  modelTag: string,
  byComponents: ReadonlyMap<string, string[]>,
): NamedModel | undefined {
  const tag =
    p.tags?.[modelTag] ??
    entity.metadata.labels?.[cloudflareTagLabel(modelTag)];
  if (tag) return { models: [tag], source: 'tag' };
  const annotated = byComponents.get(stringifyEntityRef(entity));
  if (annotated?.length) return { models: annotated, source: 'annotation' };
  return p.preset ? { models: [p.preset], source: 'preset' } : undefined;
}

/** Index entity ref -> the distinct models the Components depending on it annotate. */
function modelsOfComponents(components: Entity[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of components) {
    const models = annotationNames(c, ANNOTATION_EMBEDDING_MODEL);
    for (const r of c.relations ?? []) {
      if (r.type !== RELATION_DEPENDS_ON) continue;
      const known = out.get(r.targetRef) ?? [];
      out.set(r.targetRef, [...new Set([...known, ...models])].sort());
    }
  }
  return out;
}

/** Why an index gets no dimensions fact, for the retriever's log. */
type Unexplained = { ref: string; why: string };

/** The dimensions facts of an index, or why there are none. */
function dimensionFacts(
  dimensions: number,
  named: NamedModel | undefined,
  cfg: VectorizeFactsConfig,
): Record<string, string | number | boolean> | string {
  if (!named)
    return `no embedding model named (Cloudflare tag ${cfg.modelTag}, annotation ${ANNOTATION_EMBEDDING_MODEL} on a Component depending on it, or an index preset)`;
  const unknown = named.models.filter(m => !(m in cfg.models));
  if (unknown.length > 0)
    return `no dimensions configured for ${unknown.join(
      ', ',
    )} (techInsights.cloudflare.vectorize.models)`;
  const expected = named.models.map(m => cfg.models[m]);
  return {
    embeddingModel: named.models.join(', '),
    embeddingModelSource: named.source,
    modelDimensions: expected[0],
    dimensionsMatchModel: expected.every(d => d === dimensions),
  };
}

/** The last-write facts of an index whose stats the catalog holds. */
function writeFacts(p: VectorizeParameters, now: DateTime, maxDays: number) {
  const at = p.processedUpToDatetime
    ? Date.parse(p.processedUpToDatetime)
    : NaN;
  if (Number.isNaN(at)) return { lastWriteRecent: false };
  const age = Math.max(0, now.toMillis() - at) / DAY_MS;
  return {
    lastWriteAgeDays: Math.round(age * 10) / 10,
    lastWriteRecent: age <= maxDays,
  };
}

/**
 * Builds the Vectorize index fact retriever: for each Vectorize index `Resource`, whether its
 * dimensions equal its embedding model's (SOC 2 PI1.2) and whether it was written recently (SOC 2
 * CC7.2). The model is named by the index's Cloudflare tag (`techInsights.cloudflare.vectorize.modelTag`,
 * default `embedding-model`), else by the `cloudflare.com/embedding-model` annotation of the
 * Components depending on it, else by the preset it was created from; its dimensions come from
 * `techInsights.cloudflare.vectorize.models` over the built-in map. The last write is
 * `processedUpToDatetime` (within `techInsights.cloudflare.vectorize.maxWriteAgeDays`, default 7);
 * an index never written fails. Reads only the catalog. An index without a known model gets no
 * dimensions fact, and one whose stats the catalog does not hold yet no write fact, never a false
 * pass; the log says why.
 */
export function createCloudflareVectorizeIndexFactRetriever(
  options: CloudflareFactRetrieverOptions = {},
): FactRetriever {
  const id = VECTORIZE_INDEX_RETRIEVER_ID;
  const entityFilter = areaResourceFilter('vectorize');
  return {
    id,
    version: '1.0.0',
    title: 'Cloudflare Vectorize indexes',
    description:
      "Whether each Vectorize index's dimensions match its embedding model's (SOC 2 PI1.2) and its last write is recent (SOC 2 CC7.2).",
    entityFilter,
    schema: {
      dimensions: { type: 'integer', description: 'Dimensions of the index' },
      embeddingModel: {
        type: 'string',
        description: 'The embedding model the index is named for',
      },
      embeddingModelSource: {
        type: 'string',
        description:
          'Who named the model: tag (Cloudflare tag), annotation (a Component) or preset',
      },
      modelDimensions: {
        type: 'integer',
        description: "The embedding model's dimensions",
      },
      dimensionsMatchModel: {
        type: 'boolean',
        description:
          "True when the index's dimensions equal its embedding model's",
      },
      lastWriteAgeDays: {
        type: 'float',
        description: 'Days since the last mutation was processed',
      },
      lastWriteRecent: {
        type: 'boolean',
        description:
          'True when the last write is within the configured days (default 7); false for an index never written',
      },
    },
    handler: async ctx => {
      const now = (options.now ?? DateTime.now)();
      let cfg: VectorizeFactsConfig;
      try {
        cfg = readVectorizeFactsConfig(ctx.config);
      } catch (error) {
        ctx.logger.error(
          `${id}: invalid config, no facts this run (${describeError(error)})`,
        );
        return [];
      }
      const entities = await openEntities(
        ctx,
        id,
        entityFilter,
        options.catalog,
      );
      if (!entities) return [];
      let byComponents: Map<string, string[]>;
      try {
        byComponents = modelsOfComponents(
          await loadEntities(
            ctx,
            {
              kind: 'component',
              [`metadata.annotations.${ANNOTATION_EMBEDDING_MODEL}`]:
                CATALOG_FILTER_EXISTS,
            },
            options.catalog,
          ),
        );
      } catch (error) {
        ctx.logger.error(
          `${id}: catalog unavailable, no facts this run (${describeError(
            error,
          )})`,
        );
        return [];
      }
      const unexplained: Unexplained[] = [];
      const facts = await factsPerEntity(ctx, id, entities, now, async e => {
        const p = (e.spec?.parameters ?? {}) as VectorizeParameters;
        const out: Record<string, string | number | boolean> = {};
        if (typeof p.dimensions === 'number') {
          out.dimensions = p.dimensions;
          const dims = dimensionFacts(
            p.dimensions,
            namedModel(e, p, cfg.modelTag, byComponents),
            cfg,
          );
          if (typeof dims === 'string')
            unexplained.push({ ref: stringifyEntityRef(e), why: dims });
          else Object.assign(out, dims);
        }
        if (p.statsRead)
          Object.assign(out, writeFacts(p, now, cfg.maxWriteAgeDays));
        return Object.keys(out).length > 0 ? out : undefined;
      });
      for (const { ref, why } of unexplained.slice(0, 20))
        ctx.logger.info(`${id}: no dimensions fact for ${ref}: ${why}`);
      if (unexplained.length > 20)
        ctx.logger.info(
          `${id}: no dimensions fact for ${
            unexplained.length - 20
          } more indexes`,
        );
      return facts;
    },
  };
}

/**
 * Vectorize: each index `Resource` gets the dimensions and last-write facts, and two checks run on
 * it: its dimensions equal its embedding model's (SOC 2 PI1.2), and its last write is within 7 days
 * (SOC 2 CC7.2).
 */
export const vectorizeFacts: CloudflareAreaFacts = {
  retrievers: [createCloudflareVectorizeIndexFactRetriever()],
  checks: [
    {
      id: 'cloudflareVectorizeDimensionsMatchModel',
      type: 'json-rules-engine',
      name: 'Vectorize index dimensions match the embedding model',
      description:
        "SOC 2 PI1.2 (completeness and accuracy of system inputs): every Vectorize index's dimensions equal those of the embedding model it is named for (its Cloudflare tag embedding-model unless techInsights.cloudflare.vectorize.modelTag says otherwise, else the cloudflare.com/embedding-model annotation of the Components depending on it, else its preset; dimensions from techInsights.cloudflare.vectorize.models). An index without a known model is not scored.",
      factIds: [VECTORIZE_INDEX_RETRIEVER_ID],
      rule: {
        conditions: {
          all: [
            { fact: 'dimensionsMatchModel', operator: 'equal', value: true },
          ],
        },
      },
    },
    {
      id: 'cloudflareVectorizeRecentWrite',
      type: 'json-rules-engine',
      name: 'Vectorize indexes have a recent write',
      description:
        'SOC 2 CC7.2 (monitoring): every Vectorize index processed a write (processedUpToDatetime) within the last 7 days unless techInsights.cloudflare.vectorize.maxWriteAgeDays says otherwise, so a stalled embedding pipeline shows; an index never written fails.',
      factIds: [VECTORIZE_INDEX_RETRIEVER_ID],
      rule: {
        conditions: {
          all: [{ fact: 'lastWriteRecent', operator: 'equal', value: true }],
        },
      },
    },
  ],
};
