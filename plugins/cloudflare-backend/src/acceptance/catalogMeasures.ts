import {
  AiGateway,
  AiSearchIndex,
  ANNOTATION_CLOUDFLARE_ACCOUNT_ID,
  ANNOTATION_CLOUDFLARE_RESOURCE_ID,
  CLOUDFLARE_AREAS,
  CLOUDFLARE_CONTRACTS,
  CLOUDFLARE_COVERAGE_TARGET,
  CloudflareRouteContract,
  cloudflareReadPermissions,
  computeCoverageFigures,
  CoverageEntity,
  getCloudflareArea,
  VectorizeIndex,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { ROUTE_DESCRIPTORS } from '../areas';
import { RouteDescriptor } from '../areas/types';
import { loadValues } from './load';
import { AcceptanceMeasure, MeasureInput } from './types';
import { shareMeasured } from './words';

/** The catalog fields the measures read. */
const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.annotations',
  'spec.type',
  'spec.lifecycle',
  'relations',
];

/** Every suite `Resource` type, and production Components: the population of the coverage rule. */
const COVERAGE_FILTER: Array<Record<string, string | string[]>> = [
  {
    kind: 'Resource',
    'spec.type': CLOUDFLARE_AREAS.map(a => a.resourceType),
  },
  { kind: 'Component', 'spec.lifecycle': 'production' },
];

/**
 * Criterion 5: the coverage rule of `computeCoverageFigures` over the catalog as the caller may
 * read it; passes at `CLOUDFLARE_COVERAGE_TARGET`.
 */
export const coverageMeasure: AcceptanceMeasure = {
  permissions: [],
  what: 'the catalog',
  cached: false,
  async measure({ ctx, credentials }) {
    const { items } = await ctx.catalog.getEntities(
      { filter: COVERAGE_FILTER, fields: FIELDS },
      { credentials },
    );
    const figures = computeCoverageFigures(items as CoverageEntity[]);
    return shareMeasured(
      figures.production,
      figures.uncovered,
      'production Components without a Cloudflare Resource',
      CLOUDFLARE_COVERAGE_TARGET,
    );
  },
};

/** An AI area of criterion 4: its list route and the Cloudflare id of a listed item. */
interface AiArea {
  route: CloudflareRouteContract;
  descriptor: RouteDescriptor;
  /** What the catalog module puts in the entity's `cloudflare.com/resource-id`. */
  idOf: (item: unknown) => string;
}

const AI_AREAS: AiArea[] = [
  {
    route: CLOUDFLARE_CONTRACTS.aiGateway.gateways,
    descriptor: ROUTE_DESCRIPTORS.aiGateway.gateways as RouteDescriptor,
    idOf: item => (item as AiGateway).id,
  },
  {
    route: CLOUDFLARE_CONTRACTS.vectorize.indexes,
    descriptor: ROUTE_DESCRIPTORS.vectorize.indexes as RouteDescriptor,
    idOf: item => (item as VectorizeIndex).name,
  },
  {
    route: CLOUDFLARE_CONTRACTS.aiSearch.indexes,
    descriptor: ROUTE_DESCRIPTORS.aiSearch.indexes as RouteDescriptor,
    idOf: item => (item as AiSearchIndex).id,
  },
];

/** The ids of every resource of the AI areas in the account, by area (cached like a route). */
async function accountAiResources({ ctx, account }: MeasureInput) {
  const key = `cloudflare:v3:${account.accountId}:acceptance.aiResources`;
  const { value } = await ctx.cachedRead(key, async () => {
    const out: Record<string, string[]> = {};
    for (const { route, descriptor, idOf } of AI_AREAS) {
      out[route.area] = (await loadValues(account, route, descriptor)).map(
        idOf,
      );
    }
    return out;
  });
  return value;
}

/**
 * Criterion 4: the AI Gateway, Vectorize and AI Search resources of the account (read through
 * each area's list route descriptor: the caller must hold each area's read permission) that are
 * `Resource` entities of the account in the catalog as the caller may read it (matched by type and
 * `cloudflare.com/resource-id`), over all of them.
 */
export const aiDiscoveredMeasure: AcceptanceMeasure = {
  permissions: AI_AREAS.map(a => cloudflareReadPermissions[a.route.area]),
  what: 'AI Gateway, Vectorize and AI Search resources',
  cached: false,
  async measure(input) {
    const { ctx, credentials, account } = input;
    const inAccount = await accountAiResources(input);
    const types = AI_AREAS.map(
      a => getCloudflareArea(a.route.area).resourceType,
    );
    const { items } = await ctx.catalog.getEntities(
      {
        filter: {
          kind: 'Resource',
          'spec.type': types,
          [`metadata.annotations.${ANNOTATION_CLOUDFLARE_ACCOUNT_ID}`]:
            account.accountId,
        },
        fields: FIELDS,
      },
      { credentials },
    );
    const inCatalog = new Set(
      items.map(
        e =>
          `${e.spec?.type}\u0000${e.metadata.annotations?.[ANNOTATION_CLOUDFLARE_RESOURCE_ID]}`,
      ),
    );
    const missing: string[] = [];
    let total = 0;
    for (const { route } of AI_AREAS) {
      const area = getCloudflareArea(route.area);
      for (const id of inAccount[route.area] ?? []) {
        total += 1;
        if (!inCatalog.has(`${area.resourceType}\u0000${id}`)) {
          missing.push(`${id} (${area.title})`);
        }
      }
    }
    return shareMeasured(total, missing, 'not in the catalog');
  },
};
