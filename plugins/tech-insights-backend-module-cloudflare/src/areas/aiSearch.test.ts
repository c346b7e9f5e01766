import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import { ALL_SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import { demoAiSearchResources } from '../__fixtures__/aiSearch';
import {
  demoCloudflareConfig,
  loggedText,
  retrieverContext,
  useDemoAccount,
} from '../__testUtils__/demo';
import {
  aiSearchFacts,
  crawlFacts,
  createCloudflareAiSearchCrawlFactRetriever,
} from './aiSearch';
import { CLOUDFLARE_TECH_INSIGHTS_CHECKS } from '../checks';

const DAY_MS = 86_400_000;
const instanceOf = (e: Entity) => (e.spec!.parameters as any).instanceId;

/** The retriever's facts over the demo account's AI Search Resources (after `edit`), by instance id. */
async function factsByInstance(
  config = demoCloudflareConfig(),
  edit: (e: Entity[]) => Entity[] = e => e,
) {
  const client = CloudflareClient.fromConfig(new ConfigReader(config));
  const entities = edit(await demoAiSearchResources(client));
  const ids = new Map(entities.map(e => [e.metadata.name, instanceOf(e)]));
  const catalog = new InMemoryCatalogClient({ entities });
  const retriever = createCloudflareAiSearchCrawlFactRetriever({
    catalog: () => catalog,
  });
  const { ctx, logger } = retrieverContext(config);
  const facts = await retriever.handler(ctx);
  return {
    facts: Object.fromEntries(
      facts.map(f => [ids.get(f.entity.name), f.facts]),
    ),
    logged: loggedText(logger),
  };
}

describe('AI Search crawl facts', () => {
  useDemoAccount();

  it('passes acme-site-index and acme-support-kb and fails acme-docs-search (last success 12 days ago)', async () => {
    const { facts, logged } = await factsByInstance();
    expect(facts['acme-site-index']).toEqual({
      daysSinceSuccessfulCrawl: 0,
      successfulCrawlWithinWindow: true,
    });
    expect(facts['acme-support-kb']).toEqual({
      daysSinceSuccessfulCrawl: 0,
      successfulCrawlWithinWindow: true,
    });
    expect(facts['acme-docs-search']).toEqual({
      daysSinceSuccessfulCrawl: 12,
      successfulCrawlWithinWindow: false,
    });
    for (const canary of ALL_SECRET_CANARIES)
      expect(JSON.stringify(facts) + logged).not.toContain(canary);
  });

  it('takes the window from techInsights.cloudflare.aiSearch.maxCrawlAgeDays', async () => {
    const { facts } = await factsByInstance({
      ...demoCloudflareConfig(),
      techInsights: { cloudflare: { aiSearch: { maxCrawlAgeDays: 14 } } },
    });
    expect(facts['acme-docs-search'].successfulCrawlWithinWindow).toBe(true);
  });

  it('gives no fact while the catalog has not read an instance’s sync jobs', async () => {
    const { facts, logged } = await factsByInstance(
      demoCloudflareConfig(),
      entities =>
        entities.map(e =>
          instanceOf(e) === 'acme-site-index'
            ? {
                ...e,
                spec: {
                  ...e.spec,
                  parameters: { instanceId: 'acme-site-index' },
                },
              }
            : e,
        ),
    );
    expect(facts).not.toHaveProperty('acme-site-index');
    expect(Object.keys(facts)).toHaveLength(2);
    expect(logged).toContain('facts for 2 of 3 entities, 1 skipped');
  });

  it('fails without a success only when the jobs read reach back the window', () => {
    const now = Date.now();
    const ago = (days: number) => new Date(now - days * DAY_MS).toISOString();
    // every job read, none succeeded (or the instance never synced)
    expect(crawlFacts({ allCrawlsRead: true }, now, 7)).toEqual({
      successfulCrawlWithinWindow: false,
    });
    // 100 failed jobs over the last 8 days: no success within 7 days, whatever came before
    expect(
      crawlFacts({ allCrawlsRead: false, crawlsReadSince: ago(8) }, now, 7),
    ).toEqual({ successfulCrawlWithinWindow: false });
    // 100 failed jobs over the last 3 days: a success 4 days ago may lie beyond them
    expect(
      crawlFacts({ allCrawlsRead: false, crawlsReadSince: ago(3) }, now, 7),
    ).toBeUndefined();
    expect(crawlFacts({}, now, 7)).toBeUndefined();
    expect(crawlFacts({ lastSuccessfulCrawlAt: ago(7.5) }, now, 7)).toEqual({
      daysSinceSuccessfulCrawl: 7,
      successfulCrawlWithinWindow: false,
    });
  });

  it('names its SOC 2 criterion', () => {
    expect(
      aiSearchFacts.checks.map(
        c => CLOUDFLARE_TECH_INSIGHTS_CHECKS[c.id].metadata.soc2,
      ),
    ).toEqual([
      {
        control: 'PI1.2',
        title: 'Completeness and accuracy of system inputs',
      },
    ]);
  });
});
