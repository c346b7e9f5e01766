import { Config } from '@backstage/config';

/** Config key of the embedding model -> dimensions map (merged over {@link DEFAULT_EMBEDDING_MODEL_DIMENSIONS}). */
export const VECTORIZE_MODELS_CONFIG =
  'techInsights.cloudflare.vectorize.models';

/** Config key of the Cloudflare tag that names an index's embedding model. */
export const VECTORIZE_MODEL_TAG_CONFIG =
  'techInsights.cloudflare.vectorize.modelTag';

/** Config key of the largest age, in days, of an index's last write. */
export const VECTORIZE_MAX_WRITE_AGE_CONFIG =
  'techInsights.cloudflare.vectorize.maxWriteAgeDays';

/** The Cloudflare tag that names an index's embedding model unless configured. */
export const DEFAULT_VECTORIZE_MODEL_TAG = 'embedding-model';

/** The largest age of an index's last write unless configured (spec section 6: "last write < 7d"). */
export const DEFAULT_VECTORIZE_MAX_WRITE_AGE_DAYS = 7;

/**
 * The Component annotation that names the embedding model of the Vectorize indexes the Component
 * depends on (`cloudflare.com/embedding-model: '@cf/baai/bge-base-en-v1.5'`).
 */
export const ANNOTATION_EMBEDDING_MODEL = 'cloudflare.com/embedding-model';

/**
 * Output dimensions of the embedding models Vectorize indexes are usually built for: Cloudflare's
 * index presets (`@cf/baai/bge-{small,base,large}-en-v1.5`, `openai/text-embedding-ada-002`,
 * `cohere/embed-multilingual-v2.0`) and Workers AI's and OpenAI's current embedding models.
 * `techInsights.cloudflare.vectorize.models` adds models or overrides these.
 */
export const DEFAULT_EMBEDDING_MODEL_DIMENSIONS: Readonly<
  Record<string, number>
> = {
  '@cf/baai/bge-small-en-v1.5': 384,
  '@cf/baai/bge-base-en-v1.5': 768,
  '@cf/baai/bge-large-en-v1.5': 1024,
  '@cf/baai/bge-m3': 1024,
  '@cf/google/embeddinggemma-300m': 768,
  '@cf/qwen/qwen3-embedding-0.6b': 1024,
  'openai/text-embedding-ada-002': 1536,
  'openai/text-embedding-3-small': 1536,
  'openai/text-embedding-3-large': 3072,
  'cohere/embed-multilingual-v2.0': 768,
};

/** What the Vectorize facts read from config. */
export interface VectorizeFactsConfig {
  /** Embedding model -> its output dimensions. */
  models: Record<string, number>;
  /** The Cloudflare tag key that names an index's model. */
  modelTag: string;
  /** The largest age, in days, of an index's last write that passes. */
  maxWriteAgeDays: number;
}

/**
 * Reads the Vectorize facts' config. Model names hold `@` and `/`, which Backstage config keys may
 * not, so the map is read whole (`getOptional`) and each entry checked: a value that is not a
 * positive integer is an error naming the model.
 */
export function readVectorizeFactsConfig(config: Config): VectorizeFactsConfig {
  const raw = config.getOptional(VECTORIZE_MODELS_CONFIG) ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw))
    throw new Error(
      `${VECTORIZE_MODELS_CONFIG} must map embedding model names to dimensions`,
    );
  const models: Record<string, number> = {
    ...DEFAULT_EMBEDDING_MODEL_DIMENSIONS,
  };
  for (const [model, dimensions] of Object.entries(raw)) {
    if (!Number.isInteger(dimensions) || (dimensions as number) < 1)
      throw new Error(
        `${VECTORIZE_MODELS_CONFIG}['${model}'] must be a positive integer (the model's dimensions)`,
      );
    models[model] = dimensions as number;
  }
  const maxWriteAgeDays =
    config.getOptionalNumber(VECTORIZE_MAX_WRITE_AGE_CONFIG) ??
    DEFAULT_VECTORIZE_MAX_WRITE_AGE_DAYS;
  if (!(maxWriteAgeDays > 0))
    throw new Error(`${VECTORIZE_MAX_WRITE_AGE_CONFIG} must be above 0`);
  return {
    models,
    modelTag:
      config.getOptionalString(VECTORIZE_MODEL_TAG_CONFIG)?.trim() ||
      DEFAULT_VECTORIZE_MODEL_TAG,
    maxWriteAgeDays,
  };
}
