import { SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import { useDemoAccount } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';
import { demoContext } from '../__testUtils__/areaContext';
import { expectNoCanary } from '../__testUtils__/demo';
import { AiSearchApi } from './aiSearch';

const DAY_MS = 86_400_000;
const NAMESPACES = 'GET /accounts/:account_id/ai-search/namespaces';
const INSTANCES = `${NAMESPACES}/:name/instances`;

describe('AiSearchApi', () => {
  const demo = useDemoAccount();

  it('lists the instances of every namespace with their connectors, header names only', async () => {
    const ctx = demoContext();
    const indexes = await new AiSearchApi(ctx).listIndexes();
    expect(indexes.map(i => `${i.namespace}/${i.id}`)).toEqual([
      'default/acme-site-index',
      'default/acme-docs-search',
      'support/acme-support-kb',
    ]);
    expect(indexes[0]).toEqual({
      id: 'acme-site-index',
      namespace: 'default',
      status: 'ready',
      enabled: true,
      paused: false,
      source: {
        type: 'web-crawler',
        name: 'https://acme-org.org',
        parseType: 'sitemap',
        sitemaps: ['https://acme-org.org/sitemap.xml'],
        includeHeaders: ['X-Acme-Crawler-Token'],
      },
      syncIntervalSeconds: 21600,
      lastActivityAt: expect.any(String),
      embeddingModel: '@cf/baai/bge-m3',
      aiSearchModel: '@cf/meta/llama-3.3-70b-instruct-fp8-fast',
      aiGatewayId: 'acme-ai-gateway',
      createdAt: expect.any(String),
      createdBy: 'ana.lopez@acme-org.org',
      modifiedAt: expect.any(String),
      modifiedBy: 'sam.chen@acme-org.org',
    });
    expect(indexes[1]).toMatchObject({
      status: 'error',
      source: {
        type: 'r2',
        name: 'acme-static-assets',
        prefix: 'docs/',
        jurisdiction: 'default',
      },
    });
    expect(indexes[1]).not.toHaveProperty('aiGatewayId');
    expect(indexes[2]).toMatchObject({
      paused: true,
      aiGatewayId: 'acme-support-bot',
    });
    expectNoCanary(indexes, [SECRET_CANARIES.aiSearchCrawlerHeader]);
    // one page of namespaces, one page of instances per namespace; the header value dropped
    expect(ctx.stats().callsByArea).toEqual({ aiSearch: 3 });
    expect(ctx.stats().redactionsByArea).toEqual({ aiSearch: 1 });
    expect(demo.state.callCounts()).toEqual({
      [NAMESPACES]: 1,
      [INSTANCES]: 2,
    });
  });

  it('pages the namespace and instance lists as Cloudflare pages them', async () => {
    const { namespaces, instances } = demo.state.data.aiSearch;
    const [site] = instances;
    for (let n = 0; n < 120; n++)
      instances.push({
        ...site,
        instance: { ...site.instance, id: `bulk-${n}` },
      });
    for (let n = 0; n < 101; n++)
      namespaces.push({ ...namespaces[0], name: `empty-${n}` });
    const ctx = demoContext();
    const indexes = await new AiSearchApi(ctx).listIndexes();
    expect(indexes).toHaveLength(123);
    // 2 namespace pages; default: 2 pages (122 instances), support and 101 empty: 1 each
    expect(demo.state.callCounts()).toEqual({
      [NAMESPACES]: 2,
      [INSTANCES]: 2 + 1 + 101,
    });
  });

  it('reads the sync history newest first, up to the last success', async () => {
    const api = new AiSearchApi(demoContext());
    const site = await api.getSyncHistory('acme-site-index');
    expect(site).toMatchObject({
      lastJob: { outcome: 'succeeded', endReason: 'completed' },
      lastSuccess: { id: site.lastJob!.id },
      jobsRead: 8,
      complete: true,
    });
    expect(Date.now() - Date.parse(site.lastSuccess!.endedAt!)).toBeLessThan(
      DAY_MS,
    );

    const docs = await api.getSyncHistory('acme-docs-search', 'default');
    expect(docs.lastJob).toMatchObject({
      outcome: 'failed',
      trigger: expect.stringMatching(/^(schedule|user)$/),
      endReason: expect.stringMatching(/^error: R2 bucket access denied/),
    });
    expect(docs.jobsRead).toBe(19);
    expect(Date.now() - Date.parse(docs.lastSuccess!.endedAt!)).toBeGreaterThan(
      7 * DAY_MS,
    );
  });

  it('reads jobs in pages of 50 and stops at maxJobs: a history without a success says how far back it read', async () => {
    const ctx = demoContext();
    const api = new AiSearchApi(ctx);
    // one page of 50 holds all 19 jobs: the page is read whole, whatever the budget
    const small = await api.getSyncHistory('acme-docs-search', 'default', {
      maxJobs: 1,
    });
    expect(small).toMatchObject({ jobsRead: 19, complete: true });
    const record = demo.state.data.aiSearch.instances[1];
    const [failed] = record.jobs;
    const HOUR_MS = 3_600_000;
    record.jobs = Array.from({ length: 120 }, (_, n) => ({
      ...failed,
      id: `failed-${n}`,
      started_at: new Date(Date.now() - (n + 1) * HOUR_MS).toISOString(),
      ended_at: new Date(Date.now() - n * HOUR_MS).toISOString(),
    }));
    const calls = ctx.stats().calls;
    const capped = await api.getSyncHistory('acme-docs-search');
    expect(ctx.stats().calls - calls).toBe(2);
    expect(capped).toMatchObject({
      lastJob: { id: 'failed-0' },
      jobsRead: 100,
      complete: false,
    });
    expect(capped.lastSuccess).toBeUndefined();
    expect(Date.parse(capped.readSince!)).toBeLessThanOrEqual(
      Date.now() - 100 * HOUR_MS,
    );
  });

  it('classifies outcomes from the end reason: only a known success counts', async () => {
    const record = demo.state.data.aiSearch.instances[0];
    const at = (hoursAgo: number) =>
      new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
    const api = new AiSearchApi(demoContext());
    const outcomes = async (jobs: typeof record.jobs) => {
      record.jobs = jobs;
      return (await api.getSyncHistory('acme-site-index')).lastJob?.outcome;
    };
    expect(
      await outcomes([{ id: 'a', source: 'user', started_at: at(0) }]),
    ).toBe('running');
    const ended = (end_reason: string) => [
      { id: 'b', source: 'schedule' as const, ended_at: at(1), end_reason },
    ];
    expect(await outcomes(ended('cancelled'))).toBe('failed');
    expect(await outcomes(ended('error: timeout'))).toBe('failed');
    expect(await outcomes(ended('superseded'))).toBe('unknown');
    expect(await outcomes(ended('completed'))).toBe('succeeded');
    const history = await api.getSyncHistory('acme-site-index');
    expect(history.lastSuccess?.id).toBe('b');
    record.jobs = ended('superseded');
    expect(
      (await api.getSyncHistory('acme-site-index')).lastSuccess,
    ).toBeUndefined();
  });

  it('reads the health: counts, errors counted (never their messages), sync history', async () => {
    const ctx = demoContext();
    const health = await new AiSearchApi(ctx).getHealth('acme-docs-search');
    expect(health).toMatchObject({
      id: 'acme-docs-search',
      namespace: 'default',
      status: 'error',
      documents: {
        completed: 1840,
        queued: 0,
        running: 0,
        error: 12,
        skipped: 3,
        outdated: 240,
      },
      countsUnavailable: true,
      vectors: 18_400,
      sourceErrors: 1,
      fileErrors: 0,
      sync: { lastJob: { outcome: 'failed' }, jobsRead: 19 },
    });
    // the demo's source error says AccessDenied: only its count leaves the client
    expect(JSON.stringify(health)).not.toContain('AccessDenied');
    expect(ctx.stats().callsByArea).toEqual({ aiSearch: 3 });
  });

  it('reads an instance outside the default namespace only there', async () => {
    const api = new AiSearchApi(demoContext());
    const kb = await api.getHealth('acme-support-kb', 'support');
    expect(kb).toMatchObject({ namespace: 'support', paused: true });
    await expect(api.getIndex('acme-support-kb')).rejects.toMatchObject({
      kind: 'not-found',
      operation: 'aiSearch.getIndex',
    });
    expect(await api.getIndex('acme-support-kb', 'support')).toMatchObject({
      source: { type: 'r2', name: 'acme-prod-artifacts' },
    });
  });

  it('never calls items, chunks, search or chat/completions', async () => {
    const api = new AiSearchApi(demoContext());
    await api.listIndexes();
    await api.getHealth('acme-site-index');
    const paths = Object.keys(demo.state.callCounts());
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths)
      expect(path).not.toMatch(
        /\/items|\/chunks|\/search$|chat\/completions|download/,
      );
  });
});
