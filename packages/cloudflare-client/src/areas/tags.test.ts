import { ALL_SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import { useDemoAccount } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';
import { demoContext } from '../__testUtils__/areaContext';
import { ResourceTagsApi } from './tags';

describe('ResourceTagsApi', () => {
  const demo = useDemoAccount();

  it('reads every tagged resource once, as tags by type and id', async () => {
    const ctx = demoContext();
    const index = await new ResourceTagsApi(ctx).list();
    expect(Object.keys(index).sort()).toEqual([
      'ai_gateway',
      'd1_database',
      'kv_namespace',
      'r2_bucket',
      'vectorize_index',
      'worker',
    ]);
    expect(index.r2_bucket['acme-regulated-exports']).toEqual({
      'data-class': 'regulated',
      'backstage-owner': 'security',
    });
    expect(index.worker['acme-api']).toEqual({
      'backstage-owner': 'platform',
      'backstage-system': 'acme-org',
    });
    expect(ctx.stats().callsByArea.tags).toBe(1);
  });

  it('filters by type and follows the cursor past 100 resources', async () => {
    const base = demo.state.data.tags.resources[0];
    demo.state.data.tags.resources = Array.from({ length: 230 }, (_, i) => ({
      ...base,
      type: 'kv_namespace',
      id: `ns-${i}`,
    }));
    const ctx = demoContext();
    const index = await new ResourceTagsApi(ctx).list({
      types: ['kv_namespace'],
    });
    expect(Object.keys(index.kv_namespace)).toHaveLength(230);
    expect(ctx.stats().callsByArea.tags).toBe(3);
  });

  it('drops tags that look like credentials and counts them', async () => {
    const [canary] = ALL_SECRET_CANARIES;
    demo.state.data.tags.resources.push({
      id: 'acme-leaky',
      etag: 'v1:leaky',
      name: 'acme-leaky',
      type: 'worker',
      tags: {
        api_token: canary,
        deploy: 'eyJhbGciOi.eyJzdWIiOi.c2ln',
        team: 'a',
      },
    });
    const ctx = demoContext();
    const index = await new ResourceTagsApi(ctx).list();
    expect(index.worker['acme-leaky']).toEqual({ team: 'a' });
    expect(JSON.stringify(index)).not.toContain(canary);
    expect(ctx.stats().redactionsByArea.tags).toBe(2);
  });

  it('fails as a CloudflareApiError when Cloudflare fails', async () => {
    demo.state.addFault({
      route: '/tags/resources',
      fault: { kind: 'server-error' },
    });
    await expect(
      new ResourceTagsApi(demoContext()).list(),
    ).rejects.toMatchObject({ kind: 'unavailable', operation: 'tags.list' });
  });
});
