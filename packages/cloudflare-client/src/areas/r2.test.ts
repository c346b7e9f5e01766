import { useDemoAccount } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';
import { demoContext } from '../__testUtils__/areaContext';
import { expectNoCanary } from '../__testUtils__/demo';
import { R2Api } from './r2';

describe('R2Api', () => {
  const demo = useDemoAccount();

  it('lists the buckets of every jurisdiction with their tags', async () => {
    const ctx = demoContext();
    const buckets = await new R2Api(ctx).listBuckets();
    expect(buckets.map(b => [b.name, b.jurisdiction])).toEqual([
      ['acme-logs-archive', 'default'],
      ['acme-prod-artifacts', 'default'],
      ['acme-regulated-exports', 'default'],
      ['acme-static-assets', 'default'],
      ['acme-eu-customer-data', 'eu'],
      ['acme-fedramp-ledger', 'fedramp'],
    ]);
    expect(buckets[2]).toEqual({
      name: 'acme-regulated-exports',
      jurisdiction: 'default',
      location: 'wnam',
      storageClass: 'Standard',
      createdAt: expect.any(String),
      tags: { 'data-class': 'regulated', 'backstage-owner': 'security' },
    });
    expect(buckets[3].tags).toEqual({});
    expectNoCanary(buckets);
    expect(ctx.stats().callsByArea).toEqual({ r2: 3, tags: 1 });
  });

  it("follows the bucket listing's cursor", async () => {
    const base = demo.state.data.r2.buckets[0];
    demo.state.data.r2.buckets = Array.from({ length: 1005 }, (_, i) => ({
      ...base,
      bucket: { ...base.bucket, name: `bucket-${String(i).padStart(4, '0')}` },
    }));
    const ctx = demoContext();
    const buckets = await new R2Api(ctx).listBuckets({ tags: {} });
    expect(new Set(buckets.map(b => b.name)).size).toBe(1005);
    expect(ctx.stats().callsByArea).toEqual({ r2: 4 });
  });

  it('reads lifecycle and lock rules in days', async () => {
    const got = await new R2Api(demoContext()).getLifecycle(
      'acme-prod-artifacts',
    );
    expect(got).toEqual({
      bucket: 'acme-prod-artifacts',
      jurisdiction: 'default',
      rules: [
        {
          id: 'retain-180-days',
          enabled: true,
          prefix: '',
          expiration: { afterDays: 180 },
          transitions: [{ afterDays: 30, storageClass: 'InfrequentAccess' }],
          abortMultipartAfterDays: 7,
        },
      ],
      lockRules: [
        {
          id: 'evidence-lock',
          enabled: true,
          prefix: 'evidence/',
          mode: 'age',
          days: 365,
        },
      ],
    });
  });

  it('shows the regulated bucket without lifecycle rules (deliberate failure)', async () => {
    const got = await new R2Api(demoContext()).getLifecycle(
      'acme-regulated-exports',
    );
    expect(got.rules).toEqual([]);
    expect(got.lockRules).toEqual([]);
  });

  it('reads buckets outside the default jurisdiction by their jurisdiction', async () => {
    const r2 = new R2Api(demoContext());
    const ledger = await r2.getLifecycle('acme-fedramp-ledger', 'fedramp');
    expect(ledger.rules[0]).toEqual({
      id: 'expire-on-contract-end',
      enabled: true,
      prefix: 'ledger/',
      expiration: { onDate: '2030-01-01T00:00:00Z' },
      transitions: [],
    });
    expect(ledger.lockRules[0]).toMatchObject({
      mode: 'date',
      date: '2030-01-01T00:00:00Z',
    });
    const logs = await r2.getLifecycle('acme-logs-archive');
    expect(logs.lockRules[0]).toEqual({
      id: 'audit-hold',
      enabled: true,
      prefix: '',
      mode: 'indefinite',
    });
    await expect(
      r2.getLifecycle('acme-eu-customer-data'),
    ).rejects.toMatchObject({
      kind: 'not-found',
      operation: 'r2.getLifecycle',
    });
    const eu = await r2.getLifecycle('acme-eu-customer-data', 'eu');
    expect(eu.rules[0].expiration).toEqual({ afterDays: 365 });
  });
});
