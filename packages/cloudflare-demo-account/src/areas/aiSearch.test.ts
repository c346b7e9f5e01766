import Cloudflare from 'cloudflare';
import { sdk, useDemoAccount } from '../__testUtils__/sdk';
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

  it('reads an instance and its stats', async () => {
    const instance = await sdk().aiSearch.instances.read('acme-docs-search', {
      account_id,
    });
    expect(instance).toMatchObject({
      type: 'r2',
      source: 'acme-docs',
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
