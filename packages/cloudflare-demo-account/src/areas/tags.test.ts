import { sdk, useDemoAccount } from '../__testUtils__/sdk';
import { ACME_EU_PROFILES_NAMESPACE_ID } from '../fixtures/kv';
import { createTagsData, generateTagsData } from '../fixtures/tags';
import { generateKvData } from '../fixtures/kv';
import { generateD1Data } from '../fixtures/d1';
import { generateR2Data } from '../fixtures/r2';
import { createRng } from '../rng';

describe('Resource Tagging', () => {
  const demo = useDemoAccount();
  const account_id = demo.account_id;

  const list = async (
    params: Omit<
      Parameters<ReturnType<typeof sdk>['resourceTagging']['list']>[0],
      'account_id'
    > = {},
  ) => {
    const out = [];
    for await (const r of sdk().resourceTagging.list({ account_id, ...params }))
      out.push(r);
    return out;
  };

  it('lists every tagged resource with the SDK iterator', async () => {
    const all = await list();
    expect(all).toHaveLength(createTagsData().resources.length);
    expect(all.find(r => r.name === 'acme-regulated-exports')).toMatchObject({
      type: 'r2_bucket',
      id: 'acme-regulated-exports',
      tags: { 'data-class': 'regulated' },
      etag: expect.stringMatching(/^v1:/),
    });
  });

  it('filters by type (OR), tag (AND), negation, values, id and name', async () => {
    const names = async (params: Parameters<typeof list>[0]) =>
      (await list(params)).map(r => r.name).sort();
    expect(await names({ type: ['r2_bucket', 'd1_database'] })).toEqual([
      'acme-core',
      'acme-eu-customer-data',
      'acme-prod-artifacts',
      'acme-regulated-exports',
    ]);
    expect(await names({ tag: ['data-class=regulated', 'pii'] })).toEqual([
      'acme-eu-customer-data',
    ]);
    expect(
      await names({
        type: ['kv_namespace'],
        tag: ['pii=true', '!backstage-owner'],
      }),
    ).toEqual(['acme-eu-profiles']);
    expect(
      await names({ tag: ['backstage-owner=engineering,security'] }),
    ).toEqual(['acme-regulated-exports', 'acme-sessions']);
    expect(
      await names({ type: ['r2_bucket'], tag: ['backstage-owner!=platform'] }),
    ).toEqual(['acme-eu-customer-data', 'acme-regulated-exports']);
    expect(await names({ id: [ACME_EU_PROFILES_NAMESPACE_ID] })).toEqual([
      'acme-eu-profiles',
    ]);
    expect(await names({ name: 'CACHE' })).toEqual(['acme-cache']);
    expect(
      await names({ tag: ['DATA-CLASS=REGULATED'], case_insensitive: true }),
    ).toHaveLength(3);
  });

  it('pages by cursor, 100 at a time', async () => {
    demo.state.data.tags = generateTagsData(createRng(3), {
      kv: generateKvData(createRng(3), 0),
      d1: generateD1Data(createRng(3), 250),
      r2: generateR2Data(createRng(3), 0),
    });
    expect(await list()).toHaveLength(250);
    expect(
      demo.state.callCounts()['GET /accounts/:account_id/tags/resources'],
    ).toBe(3);
  });

  it('refuses a malformed tag filter', async () => {
    await expect(list({ tag: ['!'] })).rejects.toMatchObject({ status: 400 });
  });
});
