import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import { demoR2Resources } from '../__fixtures__/r2';
import {
  demoCloudflareConfig,
  retrieverContext,
  useDemoAccount,
} from '../__testUtils__/demo';
import { createCloudflareR2LifecycleFactRetriever, r2Facts } from './r2';
import { CLOUDFLARE_TECH_INSIGHTS_CHECKS } from '../checks';

const bucketOf = (e: Entity) => (e.spec!.parameters as any).bucketName;

/** The retriever's facts over the demo account's bucket Resources (after `edit`), by bucket name. */
async function factsByBucket(
  config = demoCloudflareConfig(),
  edit: (e: Entity[]) => Entity[] = e => e,
) {
  const client = CloudflareClient.fromConfig(new ConfigReader(config));
  const entities = edit(await demoR2Resources(client));
  const buckets = new Map(entities.map(e => [e.metadata.name, bucketOf(e)]));
  const catalog = new InMemoryCatalogClient({ entities });
  const retriever = createCloudflareR2LifecycleFactRetriever({
    catalog: () => catalog,
  });
  const facts = await retriever.handler(retrieverContext(config).ctx);
  return Object.fromEntries(
    facts.map(f => [buckets.get(f.entity.name), f.facts]),
  );
}

describe('R2 lifecycle facts', () => {
  useDemoAccount();

  it('passes acme-prod-artifacts and acme-eu-customer-data and fails acme-regulated-exports', async () => {
    const facts = await factsByBucket();
    expect(facts['acme-prod-artifacts']).toEqual({
      regulated: true,
      enabledLifecycleRules: 1,
      regulatedDataHasLifecycle: true,
    });
    expect(facts['acme-eu-customer-data']).toEqual({
      regulated: true,
      enabledLifecycleRules: 1,
      regulatedDataHasLifecycle: true,
    });
    expect(facts['acme-regulated-exports']).toEqual({
      regulated: true,
      enabledLifecycleRules: 0,
      regulatedDataHasLifecycle: false,
    });
    expect(facts['acme-static-assets']).toMatchObject({
      regulated: false,
      regulatedDataHasLifecycle: true,
    });
  });

  it('reads the regulated tag from techInsights.cloudflare.r2.regulatedTag (a key alone matches any value)', async () => {
    const facts = await factsByBucket({
      ...demoCloudflareConfig(),
      techInsights: { cloudflare: { r2: { regulatedTag: 'backstage-owner' } } },
    });
    expect(facts['acme-prod-artifacts'].regulated).toBe(true);
    expect(facts['acme-regulated-exports']).toMatchObject({
      regulated: true,
      regulatedDataHasLifecycle: false,
    });
    expect(facts['acme-eu-customer-data'].regulated).toBe(false);
  });

  it('reads the tag from the label cloudflare.com/tag-<key> the catalog puts on entities', async () => {
    const facts = await factsByBucket(demoCloudflareConfig(), entities =>
      entities.map(e => {
        const { tags: _tags, ...rest } = e.spec!.parameters as any;
        return {
          ...e,
          metadata: {
            ...e.metadata,
            labels: (bucketOf(e) === 'acme-static-assets'
              ? { 'cloudflare.com/tag-data-class': 'regulated' }
              : {}) as Record<string, string>,
          },
          spec: { ...e.spec, parameters: rest },
        };
      }),
    );
    expect(facts['acme-static-assets'].regulated).toBe(true);
    expect(facts['acme-prod-artifacts']).toBeUndefined();
  });

  it('gives no fact to a bucket whose rules the catalog does not hold yet', async () => {
    const facts = await factsByBucket(demoCloudflareConfig(), entities =>
      entities.map(e => {
        const { lifecycle: _rules, ...rest } = e.spec!.parameters as any;
        return { ...e, spec: { ...e.spec, parameters: rest } };
      }),
    );
    expect(facts).toEqual({});
  });

  it('names its SOC 2 criterion', () => {
    expect(
      r2Facts.checks.map(
        c => CLOUDFLARE_TECH_INSIGHTS_CHECKS[c.id].metadata.soc2,
      ),
    ).toEqual([
      { control: 'C1.2', title: 'Disposal of confidential information' },
    ]);
  });
});
