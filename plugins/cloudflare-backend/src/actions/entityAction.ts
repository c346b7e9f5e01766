import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { JsonObject, JsonValue } from '@backstage/types';
import { viewParam } from '@cloudflare-backstage/plugin-cloudflare-common';
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

/** What Tech Insights answered for one entity: each check's id, name and whether it passed. */
interface ChecksOf {
  checks?: Array<{ id: string; name: string; passed: boolean }>;
  /** Why there are no check results, in the suite's words. */
  unavailable?: string;
}

/** Services for the Tech Insights call, made on behalf of the caller. */
export interface TechInsightsAccess {
  discovery: DiscoveryService;
  auth: AuthService;
}

/**
 * Runs the Tech Insights checks of one entity (`POST /checks/run/:namespace/:kind/:name`, which
 * evaluates the latest facts and stores nothing) with a token on behalf of the caller, so Tech
 * Insights' own permission applies. A missing or failing Tech Insights is a reason, not an error.
 */
async function checksOf(
  access: TechInsightsAccess,
  credentials: BackstageCredentials,
  ref: string,
): Promise<ChecksOf> {
  const [kind, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  try {
    const base = await access.discovery.getBaseUrl('tech-insights');
    const { token } = await access.auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'tech-insights',
    });
    const res = await fetch(
      `${base}/checks/run/${[namespace, kind, name]
        .map(encodeURIComponent)
        .join('/')}`,
      {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
        },
        body: '{}',
      },
    );
    if (!res.ok) {
      return { unavailable: `Tech Insights answered HTTP ${res.status}` };
    }
    const results = (await res.json()) as Array<{
      check: { id: string; name: string };
      result: unknown;
    }>;
    return {
      checks: results.map(r => ({
        id: r.check.id,
        name: r.check.name,
        passed: r.result === true,
      })),
    };
  } catch {
    return { unavailable: 'Tech Insights could not be reached' };
  }
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
  access: TechInsightsAccess,
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
          checks: (await checksOf(
            access,
            credentials,
            refOf(resource),
          )) as JsonObject,
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
          checks: (await checksOf(
            access,
            credentials,
            refOf(entity),
          )) as JsonObject,
        },
      };
    },
  });
}
