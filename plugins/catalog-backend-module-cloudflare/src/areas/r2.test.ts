import { DEMO_MAP_CONTEXT, demoClient, demoState } from '../__testUtils__/demo';
import { r2Area } from './r2';

const BUCKET = '/r2/buckets/:bucket_name';

describe('r2Area', () => {
  it('maps every bucket of every jurisdiction with its tags, lifecycle and lock rules in 16 calls', async () => {
    const state = demoState();
    const read = await r2Area.read(demoClient(state), undefined);
    expect(state.callCounts()).toEqual({
      'GET /accounts/:account_id/tags/resources': 1,
      'GET /accounts/:account_id/r2/buckets': 3,
      [`GET /accounts/:account_id${BUCKET}/lifecycle`]: 6,
      [`GET /accounts/:account_id${BUCKET}/lock`]: 6,
    });
    const entities = r2Area.map(read, DEMO_MAP_CONTEXT).map(e => e.entity);
    const artifacts = entities.find(
      e => e.metadata.name === 'cf-r2-acme-prod-artifacts',
    )!;
    expect(artifacts.metadata.tags).toEqual(['cloudflare', 'r2']);
    // the rules as the client reads them (its tests pin their fields)
    const lifecycle = await demoClient(state).r2.getLifecycle(
      'acme-prod-artifacts',
    );
    expect(lifecycle.rules).toHaveLength(1);
    expect(artifacts.spec).toEqual({
      type: 'cloudflare-r2',
      owner: 'group:default/platform',
      parameters: {
        accountId: DEMO_MAP_CONTEXT.accountId,
        bucketName: 'acme-prod-artifacts',
        jurisdiction: 'default',
        location: 'enam',
        storageClass: 'Standard',
        createdAt: expect.any(String),
        tags: expect.objectContaining({ 'data-class': 'regulated' }),
        lifecycle: { rules: lifecycle.rules, lockRules: lifecycle.lockRules },
      },
    });
    const exports = entities.find(
      e => e.metadata.name === 'cf-r2-acme-regulated-exports',
    )!;
    expect(exports.spec!.parameters).toMatchObject({
      tags: { 'data-class': 'regulated' },
      lifecycle: { rules: [], lockRules: [] },
    });
    const eu = entities.find(
      e => (e.spec!.parameters as any).bucketName === 'acme-eu-customer-data',
    )!;
    expect(eu.metadata).toMatchObject({
      name: expect.stringMatching(
        /^cf-r2-eu-acme-eu-customer-data-[0-9a-f]{8}$/,
      ),
      title: 'eu/acme-eu-customer-data',
      tags: ['cloudflare', 'r2', 'eu'],
      annotations: {
        'cloudflare.com/resource-id': 'acme-eu-customer-data',
      },
    });
    expect(eu.spec!.parameters).toMatchObject({
      jurisdiction: 'eu',
      lifecycle: { rules: [{ id: 'retain-365-days', enabled: true }] },
    });
  });

  it('gives a bucket named alike in two jurisdictions two entities', async () => {
    const state = demoState();
    const [artifacts] = state.data.r2.buckets;
    state.data.r2.buckets.push({
      ...artifacts,
      bucket: { ...artifacts.bucket, jurisdiction: 'eu', location: 'weur' },
    });
    const read = await r2Area.read(demoClient(state), undefined);
    const twins = r2Area
      .map(read, DEMO_MAP_CONTEXT)
      .filter(
        e =>
          (e.entity.spec!.parameters as any).bucketName ===
          'acme-prod-artifacts',
      )
      .map(e => [
        e.entity.metadata.name,
        (e.entity.spec!.parameters as any).location,
      ]);
    expect(twins).toHaveLength(2);
    expect(new Set(twins.map(([name]) => name)).size).toBe(2);
    expect(twins).toContainEqual(['cf-r2-acme-prod-artifacts', 'enam']);
  });

  it('leaves out the rules of a bucket deleted between the list and their read', async () => {
    const state = demoState();
    state.addFault({
      route: '/r2/buckets/acme-static-assets/lifecycle',
      fault: { kind: 'server-error', status: 404 },
    });
    const read = await r2Area.read(demoClient(state), undefined);
    expect(read.buckets).toHaveLength(state.data.r2.buckets.length);
    expect(Object.keys(read.lifecycles)).not.toContain('acme-static-assets');
    expect(Object.keys(read.lifecycles)).toHaveLength(
      state.data.r2.buckets.length - 1,
    );
  });
});
