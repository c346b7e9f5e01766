import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { Entity, RELATION_DEPENDS_ON } from '@backstage/catalog-model';
import {
  cloudflareEntityName,
  computeCoverageFigures,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { component, resourceEntity } from '../__fixtures__/catalog';
import {
  demoCatalog,
  factsOf,
  loggedText,
  retrieverContext,
  useDemoAccount,
} from '../__testUtils__/demo';
import {
  cloudflareCoverageFactRetriever,
  createCloudflareCoverageFactRetriever,
} from './cloudflareCoverageFactRetriever';

const OTHER_ACCOUNT = 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1';

describe('cloudflareCoverageFactRetriever', () => {
  useDemoAccount();
  let catalog: InMemoryCatalogClient;
  const retriever = createCloudflareCoverageFactRetriever({
    catalog: () => catalog,
  });

  /** The example catalog, plus the given entities. */
  const withEntities = async (...extra: Entity[]) => {
    let all: Entity[] = [];
    catalog = await demoCatalog(entities => {
      all = [...entities, ...extra];
      return all;
    });
    return all;
  };

  it('is a documented, versioned retriever on production Components', () => {
    expect(cloudflareCoverageFactRetriever.id).toBe(
      'cloudflareCoverageFactRetriever',
    );
    expect(retriever.version).toBe('1.0.0');
    expect(retriever.entityFilter).toEqual({
      kind: 'component',
      'spec.lifecycle': 'production',
    });
    expect(Object.keys(retriever.schema)).toEqual([
      'cloudflareResourceCount',
      'cloudflareResources',
      'danglingAnnotations',
      'covered',
    ]);
  });

  it('covers the Components related to existing Resources, and not legacy-billing', async () => {
    const entities = await withEntities();
    const { ctx } = retrieverContext();
    const facts = await retriever.handler(ctx);

    expect(factsOf(facts, 'acme-api')).toEqual({
      cloudflareResourceCount: 1,
      cloudflareResources: ['resource:default/cf-worker-acme-api'],
      danglingAnnotations: [],
      covered: true,
    });
    expect(factsOf(facts, 'acme-platform')).toMatchObject({
      cloudflareResourceCount: 2,
      cloudflareResources: [
        'resource:default/cf-worker-acme-api',
        'resource:default/cf-worker-acme-worker-consumer',
      ],
      covered: true,
    });
    expect(factsOf(facts, 'legacy-billing')).toEqual({
      cloudflareResourceCount: 0,
      cloudflareResources: [],
      danglingAnnotations: [],
      covered: false,
    });
    // the same rule as the posture page's figures
    const figures = computeCoverageFigures(entities);
    expect(facts.filter(f => f.facts.covered).length).toBe(figures.covered);
    expect(facts.length).toBe(figures.production);
  });

  it('does not count an annotation naming a resource that does not exist, and lists its name', async () => {
    await withEntities(
      component('acme-ghost', {
        'cloudflare.com/worker': 'acme-ghost-worker',
        'cloudflare.com/kv': 'acme-gone',
      }),
      component('acme-half', {
        'cloudflare.com/worker': 'acme-api, acme-retired',
      }),
    );
    const { ctx } = retrieverContext();
    const facts = await retriever.handler(ctx);

    expect(factsOf(facts, 'acme-ghost')).toEqual({
      cloudflareResourceCount: 0,
      cloudflareResources: [],
      danglingAnnotations: [
        'cloudflare.com/worker:acme-ghost-worker',
        'cloudflare.com/kv:acme-gone',
      ],
      covered: false,
    });
    expect(factsOf(facts, 'acme-half')).toEqual({
      cloudflareResourceCount: 1,
      cloudflareResources: ['resource:default/cf-worker-acme-api'],
      danglingAnnotations: ['cloudflare.com/worker:acme-retired'],
      covered: true,
    });
  });

  it('matches annotated names to Resources named with an account hash (several accounts)', async () => {
    const hashed = cloudflareEntityName('kv', 'acme-eu-cache', OTHER_ACCOUNT);
    const resource = resourceEntity(OTHER_ACCOUNT, 'kv', 'acme-eu-cache', {});
    resource.metadata.name = hashed;
    const eu = component('acme-eu', { 'cloudflare.com/kv': 'acme-eu-cache' });
    eu.relations = [
      { type: RELATION_DEPENDS_ON, targetRef: `resource:default/${hashed}` },
    ];
    await withEntities(resource, eu);
    const { ctx } = retrieverContext();
    expect(factsOf(await retriever.handler(ctx), 'acme-eu')).toEqual({
      cloudflareResourceCount: 1,
      cloudflareResources: [`resource:default/${hashed}`],
      danglingAnnotations: [],
      covered: true,
    });
  });

  it('gives no fact to Components outside production', async () => {
    const experiment = component('acme-lab', {
      'cloudflare.com/worker': 'acme-api',
    });
    experiment.spec!.lifecycle = 'experimental';
    await withEntities(experiment);
    const { ctx } = retrieverContext();
    const facts = await retriever.handler(ctx);
    expect(factsOf(facts, 'acme-lab')).toBeUndefined();
    expect(factsOf(facts, 'acme-api')).toBeDefined();
  });

  it('gives no fact when the catalog cannot be read', async () => {
    await withEntities();
    jest
      .spyOn(catalog, 'getEntities')
      .mockRejectedValue(new Error('catalog down for ops@acme-org.org'));
    const { ctx, logger } = retrieverContext();
    expect(await retriever.handler(ctx)).toEqual([]);
    expect(loggedText(logger)).toContain('catalog unavailable');
    expect(loggedText(logger)).not.toContain('ops@acme-org.org');
  });
});
