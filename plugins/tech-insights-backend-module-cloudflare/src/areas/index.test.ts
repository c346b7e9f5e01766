import { CLOUDFLARE_CONTRACTS } from '@cloudflare-backstage/plugin-cloudflare-common';
import { resourceEntity } from '../__fixtures__/catalog';
import { CLOUDFLARE_AREA_FACTS, DEPLOYING_AREAS } from '.';

describe('CLOUDFLARE_AREA_FACTS', () => {
  it('has one descriptor per contracted area; Workers and Pages deploy', () => {
    expect(Object.keys(CLOUDFLARE_AREA_FACTS)).toEqual(
      Object.keys(CLOUDFLARE_CONTRACTS),
    );
    expect(DEPLOYING_AREAS.map(a => a.area.id)).toEqual(['workers', 'pages']);
  });

  it("reads a Resource's last deployment from spec.parameters, as the catalog module writes it", () => {
    const lastDeployment = CLOUDFLARE_AREA_FACTS.pages.lastDeployment!;
    const entity = (d: object | undefined) =>
      resourceEntity('a', 'pages', 'acme-web', {
        projectName: 'acme-web',
        lastDeployment: d,
      });
    expect(
      lastDeployment(
        entity({
          version: 'd1',
          createdOn: '2026-01-01T00:00:00Z',
          commitSha: 'abc',
        }),
      ),
    ).toEqual({
      resource: 'acme-web',
      version: 'd1',
      createdOn: '2026-01-01T00:00:00Z',
      commitSha: 'abc',
    });
    expect(lastDeployment(entity(undefined))).toBeUndefined();
    expect(lastDeployment(entity({ version: 'd1' }))).toBeUndefined();
  });
});
