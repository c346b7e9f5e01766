import { z } from 'zod';
import { CLOUDFLARE_COVERAGE_TARGET } from '../scorecards';
import { defineWireType } from './contract';

/**
 * Id of one acceptance criterion of spec section 11.
 *
 * @public
 */
export const cloudflareAcceptanceCriterionIdSchema = z.enum([
  'provenance',
  'accessAuditExport',
  'regulatedR2Lifecycle',
  'aiDiscovered',
  'coverage',
  'secretsMetadataOnly',
]);

/**
 * Id of one acceptance criterion of spec section 11 (see {@link cloudflareAcceptanceCriterionIdSchema}).
 *
 * @public
 */
export type CloudflareAcceptanceCriterionId = z.output<
  typeof cloudflareAcceptanceCriterionIdSchema
>;

/**
 * What an acceptance criterion's `value` counts: a share (`ratio`, 0..1) or a number of things
 * (`count`).
 *
 * @public
 */
export type CloudflareAcceptanceUnit = 'ratio' | 'count';

/**
 * One acceptance criterion of spec section 11, as the suite measures it.
 *
 * @public
 */
export interface CloudflareAcceptanceCriterionDefinition {
  id: CloudflareAcceptanceCriterionId;
  /** The spec's words. */
  title: string;
  /** The target, in words. */
  target: string;
  /** What `value` is. */
  unit: CloudflareAcceptanceUnit;
  /** How `value` is measured, in one sentence. */
  measures: string;
}

/**
 * The six acceptance criteria of spec section 11, in the spec's order: the backend measures them
 * and the posture page and `yarn acceptance` show them in this order.
 *
 * @public
 */
export const CLOUDFLARE_ACCEPTANCE_CRITERIA: readonly CloudflareAcceptanceCriterionDefinition[] =
  [
    {
      id: 'provenance',
      title: '100% prod deployments show commit SHA + CI URL.',
      target: '100%',
      unit: 'ratio',
      measures:
        'Production deployments of every Worker and Pages project with both a commit SHA and a CI run URL, over all of them.',
    },
    {
      id: 'accessAuditExport',
      title: 'Zero Trust audit snapshots exportable (JSON).',
      target: 'a verified snapshot',
      unit: 'count',
      measures:
        'The last Zero Trust audit evidence snapshot: 1 when it exists and its hash verifies, 0 otherwise.',
    },
    {
      id: 'regulatedR2Lifecycle',
      title: 'All regulated R2 buckets show lifecycle configuration.',
      target: '100%',
      unit: 'ratio',
      measures:
        'Regulated R2 buckets with lifecycle rules, over all regulated buckets.',
    },
    {
      id: 'aiDiscovered',
      title:
        'AI Gateway + Vectorize + AI Search resources discovered and visible.',
      target: '100%',
      unit: 'ratio',
      measures:
        "AI Gateway, Vectorize and AI Search resources of the account that are Resource entities in the catalog, over all of them; each area's list route must answer for the caller.",
    },
    {
      id: 'coverage',
      title:
        '>= 95% prod Components linked to at least one Cloudflare Resource.',
      target: `>= ${CLOUDFLARE_COVERAGE_TARGET * 100}%`,
      unit: 'ratio',
      measures:
        'Production Components related to at least one existing Cloudflare Resource, over all production Components.',
    },
    {
      id: 'secretsMetadataOnly',
      title: 'Secrets: only metadata shown; no values in logs/UI.',
      target: '0 values',
      unit: 'count',
      measures:
        'Value fields in the Secrets Store answers the suite returns (pass at 0).',
    },
  ];

/**
 * One measured acceptance criterion.
 *
 * @public
 */
export const cloudflareAcceptanceCriterionSchema = z.object({
  /** Which criterion. */
  id: cloudflareAcceptanceCriterionIdSchema,
  /** The spec's words. */
  title: z.string(),
  /** The target, in words (`100%`, `>= 95%`). */
  target: z.string(),
  /** The measured value, in words (`18 of 20 (90%)`), or `not permitted`. */
  measured: z.string(),
  /**
   * The measured value as a number: a ratio 0..1 for `provenance`, `regulatedR2Lifecycle`,
   * `aiDiscovered` and `coverage`; a count for `accessAuditExport` (verified last snapshots, 0 or 1)
   * and `secretsMetadataOnly` (value fields found). 0 when not permitted.
   */
  value: z.number(),
  /** True when the criterion is met. */
  pass: z.boolean(),
  /** True when the caller may not read what the criterion measures (then `pass` is false). */
  denied: z.boolean().optional(),
  /** What fails, by resource name; never a secret or an email. */
  detail: z.string().optional(),
});

/**
 * One measured acceptance criterion (see {@link cloudflareAcceptanceCriterionSchema}).
 *
 * @public
 */
export type CloudflareAcceptanceCriterion = z.output<
  typeof cloudflareAcceptanceCriterionSchema
>;

/**
 * The answer of `GET /api/cloudflare/v1/acceptance`: every acceptance criterion of spec section 11,
 * measured now, in the order of {@link CLOUDFLARE_ACCEPTANCE_CRITERIA}.
 *
 * @public
 */
export const cloudflareAcceptanceSchema = z.object({
  /** When the figures were measured (ISO 8601). */
  measuredAt: z.string(),
  /** The criteria, in the spec's order. */
  criteria: z.array(cloudflareAcceptanceCriterionSchema),
});

/**
 * The answer of `GET /api/cloudflare/v1/acceptance` (see {@link cloudflareAcceptanceSchema}).
 *
 * @public
 */
export type CloudflareAcceptance = z.output<typeof cloudflareAcceptanceSchema>;

/**
 * The wire type of the acceptance answer: no sensitive field (details name resources only).
 *
 * @public
 */
export const cloudflareAcceptanceWire = defineWireType({
  name: 'CloudflareAcceptance',
  schema: cloudflareAcceptanceSchema,
  sensitive: [],
});

/**
 * Path of the acceptance route under `/api/cloudflare`.
 *
 * @public
 */
export const CLOUDFLARE_ACCEPTANCE_PATH = '/v1/acceptance';
