import { computeCoverageFigures, CoverageEntity } from './coverage';

const component = (
  name: string,
  lifecycle: string,
  targets: string[] = [],
): CoverageEntity => ({
  kind: 'Component',
  metadata: { name },
  spec: { lifecycle },
  relations: targets.map(targetRef => ({ type: 'dependsOn', targetRef })),
});

const resource = (name: string, type: string): CoverageEntity => ({
  kind: 'Resource',
  metadata: { name, namespace: 'default' },
  spec: { type },
});

describe('computeCoverageFigures', () => {
  const entities = [
    resource('cf-kv-acme-cache', 'cloudflare-kv'),
    resource('acme-postgres', 'database'),
    component('api', 'production', ['resource:default/CF-KV-ACME-CACHE']),
    // the annotation names a namespace the account does not have: no Resource, no coverage
    component('legacy', 'production', ['resource:default/cf-kv-gone']),
    // a relation to a Resource that is not Cloudflare's does not count either
    component('billing', 'production', ['resource:default/acme-postgres']),
    component('sandbox', 'experimental'),
  ];

  it('counts production Components related to an existing Cloudflare Resource', () => {
    expect(computeCoverageFigures(entities)).toEqual({
      production: 3,
      covered: 1,
      ratio: 1 / 3,
      uncovered: ['component:default/legacy', 'component:default/billing'],
    });
  });

  it('is fully covered when there is no production Component', () => {
    expect(
      computeCoverageFigures([component('sandbox', 'experimental')]),
    ).toMatchObject({ production: 0, covered: 0, ratio: 1 });
  });
});
