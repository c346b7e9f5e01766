import Cloudflare from 'cloudflare';
import { sdk, useDemoAccount } from '../__testUtils__/sdk';
import { SECRET_CANARIES } from '../canaries';
import { createRng } from '../rng';
import { generateAiSearchData } from '../fixtures/aiSearch';

const DAY_MS = 86_400_000;

describe('AI Search area', () => {
  const demo = useDemoAccount();
  const account_id = demo.account_id;

  it('lists instances across pages with created_by/modified_by', async () => {
    const instances = [];
    for await (const i of sdk().aiSearch.instances.list({
      account_id,
      per_page: 2,
    }))
      instances.push(i);
    expect(instances.map(i => i.id)).toEqual([
      'acme-site-index',
      'acme-docs-search',
      'acme-support-kb',
    ]);
    expect(instances[0]).toMatchObject({
      type: 'web-crawler',
      source: 'https://acme-org.org',
      created_by: 'ana.lopez@acme-org.org',
      modified_by: 'sam.chen@acme-org.org',
    });
  });

  it('lists namespaces and the instances of each, with the crawler header canary', async () => {
    const namespaces = [];
    for await (const n of sdk().aiSearch.namespaces.list({
      account_id,
      per_page: 1,
    }))
      namespaces.push(n.name);
    expect(namespaces).toEqual(['default', 'support']);
    const byNamespace = async (name: string) => {
      const out = [];
      for await (const i of sdk().aiSearch.namespaces.instances.list(name, {
        account_id,
        per_page: 1,
      }))
        out.push(i);
      return out;
    };
    const defaults = await byNamespace('default');
    expect(defaults.map(i => i.id)).toEqual([
      'acme-site-index',
      'acme-docs-search',
    ]);
    expect(
      defaults[0].source_params?.web_crawler?.parse_options?.include_headers,
    ).toEqual({
      'X-Acme-Crawler-Token': SECRET_CANARIES.aiSearchCrawlerHeader,
    });
    expect(defaults[1]).toMatchObject({
      source: 'acme-static-assets',
      source_params: { prefix: 'docs/' },
      ai_gateway_id: null,
    });
    const [kb] = await byNamespace('support');
    expect(kb).toMatchObject({
      id: 'acme-support-kb',
      namespace: 'support',
      paused: true,
      ai_gateway_id: 'acme-support-bot',
    });
    await expect(byNamespace('nope')).rejects.toBeInstanceOf(
      Cloudflare.NotFoundError,
    );
  });

  it('reads an instance, its stats and jobs only in its own namespace', async () => {
    const read = (name: string) =>
      sdk().aiSearch.namespaces.instances.read('acme-support-kb', {
        account_id,
        name,
      });
    expect(await read('support')).toMatchObject({ status: 'paused' });
    await expect(read('default')).rejects.toBeInstanceOf(
      Cloudflare.NotFoundError,
    );
    const stats = await sdk().aiSearch.namespaces.instances.stats(
      'acme-docs-search',
      { account_id, name: 'default' },
    );
    expect(stats).toMatchObject({ degraded: true, error: 12 });
    const [latest] = (
      await sdk().aiSearch.namespaces.instances.jobs.list('acme-docs-search', {
        account_id,
        name: 'default',
      })
    ).result;
    expect(latest.end_reason).toMatch(/^error: R2 bucket access denied/);
  });

  it('reads an instance and its stats', async () => {
    const instance = await sdk().aiSearch.instances.read('acme-docs-search', {
      account_id,
    });
    expect(instance).toMatchObject({
      type: 'r2',
      source: 'acme-static-assets',
      status: 'error',
    });
    const stats = await sdk().aiSearch.instances.stats('acme-docs-search', {
      account_id,
    });
    expect(stats).toMatchObject({
      degraded: true,
      error: 12,
      engine: { vectorize: { vectorsCount: 18_400 } },
    });
  });

  it('pages jobs; acme-docs-search last succeeded more than 7 days ago', async () => {
    const jobs = [];
    for await (const j of sdk().aiSearch.instances.jobs.list(
      'acme-docs-search',
      { account_id, per_page: 10 },
    ))
      jobs.push(j);
    expect(jobs).toHaveLength(19);
    const lastSuccess = jobs.find(j => j.end_reason === 'completed');
    expect(
      Date.now() - Date.parse(lastSuccess?.ended_at ?? ''),
    ).toBeGreaterThan(7 * DAY_MS);
    const [fresh] = (
      await sdk().aiSearch.instances.jobs.list('acme-site-index', {
        account_id,
      })
    ).result;
    expect(fresh.end_reason).toBe('completed');
    expect(Date.now() - Date.parse(fresh.ended_at ?? '')).toBeLessThan(DAY_MS);
  });

  it('answers an unknown instance with NotFoundError', async () => {
    await expect(
      sdk().aiSearch.instances.read('nope', { account_id }),
    ).rejects.toBeInstanceOf(Cloudflare.NotFoundError);
  });

  it('generates scale-mode data deterministically from the seed', () => {
    const first = generateAiSearchData(createRng(7), 40);
    const second = generateAiSearchData(createRng(7), 40);
    expect(first.instances).toHaveLength(40);
    expect(first.instances.map(i => i.instance.created_by)).toEqual(
      second.instances.map(i => i.instance.created_by),
    );
    expect(generateAiSearchData(createRng(7), 0).instances).toHaveLength(0);
  });
});
