import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { DEMO_ACCOUNT_ID } from '@cloudflare-backstage/cloudflare-demo-account';
import { component, resourceEntity } from '../__fixtures__/catalog';
import { cloudflareFactRetrievers } from '../module';
import { matchesEntityFilter } from './matchesEntityFilter';

const api = component('acme-api', { 'cloudflare.com/worker': 'acme-api' });
const bucket = resourceEntity(DEMO_ACCOUNT_ID, 'r2', 'acme-exports', {});

describe('matchesEntityFilter', () => {
  it('matches kind and dotted spec paths without case, any of a list of values', () => {
    expect(matchesEntityFilter(bucket, { kind: 'resource' })).toBe(true);
    expect(
      matchesEntityFilter(bucket, {
        kind: 'Resource',
        'spec.type': ['cloudflare-kv', 'cloudflare-r2'],
      }),
    ).toBe(true);
    expect(
      matchesEntityFilter(bucket, { 'spec.type': ['cloudflare-kv'] }),
    ).toBe(false);
    expect(
      matchesEntityFilter(api, {
        kind: 'component',
        'spec.lifecycle': 'experimental',
      }),
    ).toBe(false);
  });

  it('reads annotation keys whole (they hold dots) and honours CATALOG_FILTER_EXISTS', () => {
    const filter = {
      kind: 'component',
      'metadata.annotations.cloudflare.com/worker': CATALOG_FILTER_EXISTS,
    };
    expect(matchesEntityFilter(api, filter)).toBe(true);
    expect(matchesEntityFilter(component('legacy-billing', {}), filter)).toBe(
      false,
    );
    expect(
      matchesEntityFilter(api, {
        'metadata.annotations.cloudflare.com/worker': 'ACME-API',
      }),
    ).toBe(true);
  });

  it('matches an array of filters when any matches', () => {
    expect(
      matchesEntityFilter(api, [{ kind: 'resource' }, { kind: 'component' }]),
    ).toBe(true);
    expect(matchesEntityFilter(api, [{ kind: 'resource' }])).toBe(false);
  });

  it("agrees with every suite retriever's filter on the R2 bucket: only the R2 retriever", () => {
    expect(
      Object.values(cloudflareFactRetrievers)
        .filter(r => matchesEntityFilter(bucket, r.entityFilter!))
        .map(r => r.id),
    ).toEqual(['cloudflareR2LifecycleFactRetriever']);
  });
});
