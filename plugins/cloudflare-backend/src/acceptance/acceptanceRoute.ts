import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  cloudflareAccountParam,
  CLOUDFLARE_ACCEPTANCE_CRITERIA,
  CLOUDFLARE_ACCEPTANCE_PATH,
  CloudflareAcceptance,
  CloudflareAcceptanceCriterion,
  CloudflareAcceptanceCriterionDefinition,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { Router } from 'express';
import { z } from 'zod';
import { CloudflareAccountClient } from '@cloudflare-backstage/plugin-cloudflare-node';
import { pickAccount } from '../service/accounts';
import { RouteContext } from '../service/context';
import { toHttpError } from '../service/errors';
import { parseInput } from '../service/validation';
import { ACCEPTANCE_MEASURES } from './measures';
import { Measured } from './types';

/** The route takes only `account`: a typo'd parameter is a 400, not silently ignored. */
export const acceptanceQuery = z
  .object({ account: cloudflareAccountParam.optional() })
  .strict();

/** Names of the permissions the caller holds, of those the measures need (one authorize call). */
async function heldPermissions(
  ctx: RouteContext,
  credentials: BackstageCredentials,
): Promise<Set<string>> {
  const needed = [
    ...new Map(
      Object.values(ACCEPTANCE_MEASURES)
        .flatMap(m => m.permissions)
        .map(p => [p.name, p]),
    ).values(),
  ];
  const decisions = needed.length
    ? await ctx.permissions.authorize(
        needed.map(permission => ({ permission })),
        { credentials },
      )
    : [];
  return new Set(
    needed
      .filter((_, i) => decisions[i].result === AuthorizeResult.ALLOW)
      .map(p => p.name),
  );
}

/**
 * Measures one criterion: `not permitted` when the caller lacks one of its permissions; the
 * figures from the cache for reads of Cloudflare; a failure to measure is a failed criterion
 * whose detail says why in the suite's own words (upstream text never passes).
 */
async function measureCriterion(
  ctx: RouteContext,
  credentials: BackstageCredentials,
  held: Set<string>,
  definition: CloudflareAcceptanceCriterionDefinition,
  account: CloudflareAccountClient,
): Promise<CloudflareAcceptanceCriterion> {
  const { id, title, target } = definition;
  const measure = ACCEPTANCE_MEASURES[id];
  const head = { id, title, target };
  const denied = measure.permissions.filter(p => !held.has(p.name));
  if (denied.length) {
    return {
      ...head,
      measured: 'not permitted',
      value: 0,
      pass: false,
      denied: true,
      detail: `needs ${denied.map(p => p.name).join(', ')}`,
    };
  }
  const run = () => measure.measure({ ctx, credentials, account });
  try {
    const figures: Measured = measure.cached
      ? (
          await ctx.cachedRead(
            `cloudflare:v3:${account.accountId}:acceptance.${id}`,
            run,
          )
        ).value
      : await run();
    return { ...head, ...figures };
  } catch (e) {
    const error = toHttpError(e, measure.what);
    ctx.logger.warn(
      `Acceptance criterion ${id} could not be measured: ${error.name}: ${error.message}`,
    );
    return {
      ...head,
      measured: 'not measured',
      value: 0,
      pass: false,
      detail: error.message,
    };
  }
}

/**
 * `GET /v1/acceptance`: every acceptance criterion of spec section 11, measured now for the
 * caller (see {@link CloudflareAcceptance}). A criterion needs the permissions of what it reads
 * (the areas' read permissions, `cloudflare.export.evidence` for the evidence chain; the catalog
 * with the caller's credentials); one the caller may not read shows `not permitted` instead of
 * failing the whole answer.
 */
export function registerAcceptanceRoutes(router: Router, ctx: RouteContext) {
  router.get(CLOUDFLARE_ACCEPTANCE_PATH, async (req, res) => {
    const query = parseInput(acceptanceQuery, req.query, 'query');
    const credentials = await ctx.httpAuth.credentials(req);
    const account = pickAccount(ctx.clients, query.account);
    const held = await heldPermissions(ctx, credentials);
    const criteria: CloudflareAcceptanceCriterion[] = [];
    for (const definition of CLOUDFLARE_ACCEPTANCE_CRITERIA) {
      criteria.push(
        await measureCriterion(ctx, credentials, held, definition, account),
      );
    }
    const answer: CloudflareAcceptance = {
      measuredAt: ctx.now().toISOString(),
      criteria,
    };
    res.json(answer);
  });
}
