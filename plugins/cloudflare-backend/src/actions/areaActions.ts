import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  CLOUDFLARE_CONTRACTS,
  cloudflareAccountParam,
  CloudflareRouteContract,
  cloudflareReadPermissions,
  viewParam,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { AnyZodObject, z as z3 } from 'zod/v3';
import { ROUTE_DESCRIPTORS } from '../areas';
import { RouteDescriptor, RouteInput } from '../areas/types';
import { RouteContext } from '../service/context';
import { readCloudflare } from '../service/readRoutes';
import { envelopeOutput } from './envelope';
import {
  inputJsonSchema,
  JsonSchema,
  zodV3FromJsonSchema,
} from './actionSchema';

/** Every action of this plugin only reads, and reading twice changes nothing. */
export const READ_ONLY = {
  readOnly: true,
  idempotent: true,
  destructive: false,
} as const;

/** One read route as an action: its contract, its descriptor and its input's JSON Schema. */
export interface AreaAction {
  /** `read-<area>-<operation>` in kebab case; the registry's id is `cloudflare:<name>`. */
  name: string;
  title: string;
  description: string;
  contract: CloudflareRouteContract;
  descriptor: RouteDescriptor;
  /**
   * The action's input: the route's path parameters and query side by side (the contract forbids
   * a name in both), `view`, and for a `POST` route its JSON body as `body`.
   */
  input: JsonSchema;
  /** Which input members are path parameters (the others are the query). */
  paramKeys: string[];
}

const kebab = (s: string) => s.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`);

/** The action name of a route contract: `kv.namespaces` -> `read-kv-namespaces`. */
export function areaActionName(contract: CloudflareRouteContract): string {
  return `read-${kebab(contract.id.replace('.', '-'))}`;
}

const propertiesOf = (s: JsonSchema) =>
  (s.properties ?? {}) as Record<string, JsonSchema>;
const requiredOf = (s: JsonSchema) => (s.required ?? []) as string[];

/** What the descriptor's `what` says of a read of `<param>` placeholders, for the title. */
function whatOf(descriptor: RouteDescriptor, params: string[]): string {
  const placeholders = Object.fromEntries(params.map(p => [p, `<${p}>`]));
  return descriptor.what({
    params: placeholders,
    query: {},
    body: {},
  } as RouteInput<CloudflareRouteContract>);
}

function areaAction(
  contract: CloudflareRouteContract,
  descriptor: RouteDescriptor,
): AreaAction {
  const params = inputJsonSchema(contract.params);
  const query = inputJsonSchema(contract.query);
  const paramKeys = Object.keys(propertiesOf(params));
  const clash = paramKeys.find(
    k => k in propertiesOf(query) || k === 'view' || k === 'account',
  );
  if (clash) {
    throw new Error(
      `Route ${contract.id}: '${clash}' is both a path parameter and a query parameter`,
    );
  }
  const input: JsonSchema = {
    type: 'object',
    properties: {
      ...propertiesOf(params),
      ...propertiesOf(query),
      view: {
        ...inputJsonSchema(viewParam),
        description:
          '`unmasked` shows sensitive fields to a caller holding cloudflare.read.unmasked (audited)',
      },
      account: {
        ...inputJsonSchema(cloudflareAccountParam),
        description:
          'The Cloudflare account to read: its config id or account id (needed when several are configured)',
      },
      ...(contract.body ? { body: inputJsonSchema(contract.body) } : {}),
    },
    required: [
      ...requiredOf(params),
      ...requiredOf(query),
      ...(contract.body ? ['body'] : []),
    ],
  };
  const what = whatOf(descriptor, paramKeys);
  return {
    name: areaActionName(contract),
    title: `Read ${what}`,
    description: `${contract.description} (${
      contract.method ?? 'GET'
    } /api/cloudflare${contract.path}: the same read, permission ${
      cloudflareReadPermissions[contract.area].name
    }, masking and cache). Answers the route's envelope: ${
      contract.shape === 'list' ? '`items` (and `cursor`)' : '`item`'
    } of ${
      contract.wire.name
    }, \`masked\` counts per sensitive path, \`fetchedAt\`.`,
    contract,
    descriptor,
    input,
    paramKeys,
  };
}

/** One action per route descriptor of `ROUTE_DESCRIPTORS`, in the contracts' order. */
export function cloudflareAreaActions(): AreaAction[] {
  return Object.entries(CLOUDFLARE_CONTRACTS).flatMap(([area, contracts]) => {
    const descriptors = ROUTE_DESCRIPTORS[
      area as keyof typeof ROUTE_DESCRIPTORS
    ] as unknown as Record<string, RouteDescriptor>;
    return Object.entries(
      contracts as Record<string, CloudflareRouteContract>,
    ).map(([op, contract]) => areaAction(contract, descriptors[op]));
  });
}

/**
 * Registers every area read as an action. Each is visible only to callers holding its area's read
 * permission (`visibilityPermission`: the registry hides it from the listing and answers 404 to
 * an invoke), and runs the routes' own pipeline (`readCloudflare`) with the caller's credentials:
 * the same validation, permission checks, masking, cache and audit events.
 */
export function registerAreaActions(
  registry: ActionsRegistryService,
  ctx: RouteContext,
) {
  for (const action of cloudflareAreaActions()) {
    const { contract, descriptor, paramKeys } = action;
    registry.register({
      name: action.name,
      title: action.title,
      description: action.description,
      attributes: READ_ONLY,
      visibilityPermission: cloudflareReadPermissions[contract.area],
      schema: {
        input: () => zodV3FromJsonSchema(action.input) as AnyZodObject,
        output: () => envelopeOutput(contract),
      },
      action: async ({ input, credentials }) => {
        const { body, ...rest } = input as Record<string, unknown>;
        const split = (isParam: boolean) =>
          Object.fromEntries(
            Object.entries(rest).filter(
              ([k]) => paramKeys.includes(k) === isParam,
            ),
          );
        const envelope = await readCloudflare(ctx, contract, descriptor, {
          credentials,
          params: split(true),
          query: split(false),
          body,
        });
        return {
          output: envelope as z3.infer<ReturnType<typeof envelopeOutput>>,
        };
      },
    });
  }
}
