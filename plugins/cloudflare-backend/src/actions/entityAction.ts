import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { JsonObject, JsonValue } from '@backstage/types';
import {
  cloudflareRemediationPath,
  getCloudflareScorecardOfCheck,
  viewParam,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { z } from 'zod';
import { z as z3, AnyZodObject } from 'zod/v3';
import { RouteContext } from '../service/context';
import { parseInput } from '../service/validation';
import { AreaAction, READ_ONLY } from './areaActions';
import { inputJsonSchema, zodV3FromJsonSchema } from './actionSchema';
import {
  cloudflareResourcesOf,
  listedValues,
  listingOf,
  readableAreas,
  refOf,
  resolveEntity,
} from './entityResources';

/** Input of `get-entity-cloudflare-posture`. */
export const entityPostureInput = z.object({
  entity: z
    .string()
    .min(1)
    .max(300)
    .describe(
      'An entity ref (component:default/acme-api), a Component name (acme-api) or an entity title',
    ),
  view: viewParam,
});

/** One check's result for one entity; for a check of the SOC 2 pack, its scorecard and criterion. */
interface CheckOutcome {
  id: string;
  name: string;
  passed: boolean;
  scorecard?: string;
  criterion?: string;
  remediation?: string;
}

/** What Tech Insights answered for one entity, or why there is nothing. */
interface ChecksOf {
  checks?: CheckOutcome[];
  /** Why there are no check results, in the suite's words. */
  unavailable?: string;
}

type BulkAnswer = Array<{
  entity?: unknown;
  results?: Array<{
    check?: { id?: unknown; name?: unknown };
    result?: unknown;
  }>;
}>;

function outcome(check: { id?: unknown; name?: unknown }, passed: boolean) {
  const id = String(check.id);
  const pack = getCloudflareScorecardOfCheck(id);
  return {
    id,
    name: typeof check.name === 'string' ? check.name : id,
    passed,
    ...(pack
      ? {
          scorecard: pack.scorecard.title,
          criterion: pack.check.criterion,
          remediation: cloudflareRemediationPath(id),
        }
      : {}),
  };
}

/**
 * Runs the Tech Insights checks of the entities once (`POST /checks/run`, which evaluates the
 * latest facts and stores nothing) with a token on behalf of the caller, so Tech Insights' own
 * permission applies; boolean results only. A Tech Insights that cannot be reached or refuses is
 * a reason for each entity, not an error (its text never passes).
 */
async function checksOf(
  ctx: Pick<RouteContext, 'discovery' | 'auth'>,
  credentials: BackstageCredentials,
  refs: string[],
): Promise<Map<string, ChecksOf>> {
  const each = (value: ChecksOf) => new Map(refs.map(r => [r, value]));
  let answer: BulkAnswer;
  try {
    const base = await ctx.discovery.getBaseUrl('tech-insights');
    const { token } = await ctx.auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'tech-insights',
    });
    const res = await fetch(`${base}/checks/run`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ entities: refs }),
    });
    if (!res.ok) {
      return each({ unavailable: `Tech Insights answered HTTP ${res.status}` });
    }
    answer = (await res.json()) as BulkAnswer;
  } catch {
    return each({ unavailable: 'Tech Insights could not be reached' });
  }
  const out = each({ checks: [] });
  for (const run of Array.isArray(answer) ? answer : []) {
    const checks = out.get(
      String(run.entity).toLocaleLowerCase('en-US'),
    )?.checks;
    for (const r of run.results ?? []) {
      if (checks && r.check && typeof r.result === 'boolean') {
        checks.push(outcome(r.check, r.result));
      }
    }
  }
  return out;
}

/**
 * Registers `get-entity-cloudflare-posture`: the Cloudflare resources of an entity (by ref, name or
 * title; itself when it is a suite Resource, else the Resources it depends on), for each whether
 * the caller may read its area and, where the caller may, what the area's listing says of it
 * (through the read pipeline, masked for the view), with the Tech Insights check results of the
 * entity and of each resource. Visible to every caller: what it answers is what the caller may
 * see.
 */
export function registerEntityPostureAction(
  registry: ActionsRegistryService,
  ctx: RouteContext,
  areaActions: AreaAction[],
) {
  registry.register({
    name: 'get-entity-cloudflare-posture',
    title: 'Cloudflare resources and posture of an entity',
    description:
      "The Cloudflare resources of a catalog entity (a Component's dependencies, or a Cloudflare Resource itself), what the caller may read of each (masked unless the caller may and asks for the unmasked view), and the SOC 2 checks of Tech Insights for the entity and each resource.",
    attributes: READ_ONLY,
    schema: {
      input: () =>
        zodV3FromJsonSchema(
          inputJsonSchema(entityPostureInput),
        ) as AnyZodObject,
      output: () =>
        z3
          .object({
            entity: z3.object({ ref: z3.string(), title: z3.string() }),
            resources: z3.array(z3.object({}).passthrough()),
            checks: z3.object({}).passthrough(),
          })
          .passthrough(),
    },
    action: async ({ input, credentials }) => {
      const { entity: text, view } = parseInput(
        entityPostureInput,
        input,
        'body',
      );
      const entity = await resolveEntity(ctx, credentials, text);
      const resources = await cloudflareResourcesOf(ctx, credentials, entity);
      const readable = await readableAreas(
        ctx,
        credentials,
        resources.map(r => r.area),
      );
      const checks = await checksOf(ctx, credentials, [
        refOf(entity),
        ...resources.map(r => refOf(r.entity)),
      ]);
      const out: JsonObject[] = [];
      for (const { entity: resource, area } of resources) {
        const listing = readable.has(area.id)
          ? listingOf(areaActions, area)
          : undefined;
        const values: JsonValue[] | undefined = listing
          ? await listedValues(ctx, credentials, listing, resource, view)
          : undefined;
        out.push({
          ref: refOf(resource),
          title: resource.metadata.title ?? resource.metadata.name,
          area: area.id,
          readable: readable.has(area.id),
          ...(readable.has(area.id)
            ? {}
            : { reason: `needs ${area.readPermission}` }),
          ...(listing
            ? { read: `cloudflare.${listing.name}`, values: values! }
            : {}),
          checks: checks.get(refOf(resource)) as JsonObject,
        });
      }
      return {
        output: {
          entity: {
            ref: refOf(entity),
            title: entity.metadata.title ?? entity.metadata.name,
          },
          view,
          resources: out,
          checks: checks.get(refOf(entity)) as JsonObject,
        },
      };
    },
  });
}
