import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { BasicPermission } from '@backstage/plugin-permission-common';
import { CloudflareAcceptanceCriterionId } from '@cloudflare-backstage/plugin-cloudflare-common';
import { CloudflareAccountClient } from '@cloudflare-backstage/plugin-cloudflare-node';
import { RouteContext } from '../service/context';

/** One criterion as measured: the figures of `CloudflareAcceptanceCriterion` without its definition. */
export type Measured = {
  /** In words, e.g. `18 of 20 (90%)`. */
  measured: string;
  /** A ratio 0..1 or a count, by the criterion's unit. */
  value: number;
  pass: boolean;
  /** What fails, by resource name. */
  detail?: string;
};

/** What a measure reads with: the routes' context, the caller (for the catalog) and the account. */
export interface MeasureInput {
  ctx: RouteContext;
  credentials: BackstageCredentials;
  /** The account measured (`?account=`, or the only one configured). */
  account: CloudflareAccountClient;
}

/**
 * How the backend measures one acceptance criterion: the permissions the caller needs (else the
 * criterion shows `not permitted`), what a failure names, whether the figures may come from the
 * route cache (reads of Cloudflare) or must be read now (the evidence chain, the caller's catalog),
 * and the measure.
 */
export interface AcceptanceMeasure {
  permissions: BasicPermission[];
  /** Names what is read, for error messages. */
  what: string;
  cached: boolean;
  measure(input: MeasureInput): Promise<Measured>;
}

/** One measure per criterion. */
export type AcceptanceMeasures = Record<
  CloudflareAcceptanceCriterionId,
  AcceptanceMeasure
>;
