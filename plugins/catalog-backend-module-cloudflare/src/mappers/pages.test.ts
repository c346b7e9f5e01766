import { mapPagesProject } from './pages';
import { mapZeroTrust } from './zeroTrust';
import { CloudflareMapperContext } from './types';

const ACCOUNT = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const ctx: CloudflareMapperContext = {
  accountId: ACCOUNT,
  multiAccount: false,
  ownership: [
    {
      area: 'pages',
      namePattern: /^acme-docs$/,
      owner: 'group:default/docs',
      system: 'system:default/acme-org',
    },
    { owner: 'group:default/platform' },
  ],
};

describe('mapPagesProject', () => {
  it('maps a project with its production deployment and bindings', () => {
    const { entity } = mapPagesProject(
      {
        projectName: 'acme-docs',
        projectId: 'p-1',
        productionBranch: 'main',
        framework: 'astro',
        createdOn: '2025-01-01T00:00:00Z',
        bindings: [
          { type: 'r2_bucket', name: 'ASSETS', bucketName: 'acme-docs-assets' },
        ],
        lastDeployment: {
          version: 'd-1',
          commitSha: 'a'.repeat(40),
          ciRunUrl: 'https://dash.cloudflare.com/x',
          createdOn: '2025-02-01T00:00:00Z',
        },
      },
      ctx,
    );
    expect(entity).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'cf-pages-acme-docs',
        namespace: 'default',
        description: 'Cloudflare Pages project acme-docs',
        tags: ['cloudflare', 'pages', 'astro'],
        annotations: {
          'cloudflare.com/account-id': ACCOUNT,
          'cloudflare.com/resource-id': 'p-1',
          'backstage.io/managed-by-location': `cloudflare:${ACCOUNT}`,
          'backstage.io/managed-by-origin-location': `cloudflare:${ACCOUNT}`,
        },
      },
      spec: {
        type: 'cloudflare-pages',
        owner: 'group:default/docs',
        system: 'system:default/acme-org',
        dependsOn: ['resource:default/cf-r2-acme-docs-assets'],
        parameters: {
          accountId: ACCOUNT,
          projectName: 'acme-docs',
          productionBranch: 'main',
          framework: 'astro',
          createdOn: '2025-01-01T00:00:00Z',
          lastDeployment: {
            version: 'd-1',
            commitSha: 'a'.repeat(40),
            ciRunUrl: 'https://dash.cloudflare.com/x',
            createdOn: '2025-02-01T00:00:00Z',
          },
        },
      },
    });
  });

  it('maps a project never deployed', () => {
    const { entity } = mapPagesProject({ projectName: 'empty' }, ctx);
    expect(entity.spec).toEqual({
      type: 'cloudflare-pages',
      owner: 'group:default/platform',
      parameters: { accountId: ACCOUNT, projectName: 'empty' },
    });
  });
});

describe('mapZeroTrust', () => {
  it('maps an account to one cf-zt-access entity carrying no Zero Trust posture', () => {
    const [{ entity }, ...rest] = mapZeroTrust(
      {
        authProviders: ['okta', 'github', 'okta'],
        policyCount: 12,
        applicationCount: 8,
      },
      { ...ctx, ownership: [] },
    );
    expect(rest).toEqual([]);
    expect(entity.metadata.name).toBe('cf-zt-access');
    expect(entity.metadata.tags).toEqual([
      'cloudflare',
      'zero-trust',
      'access',
    ]);
    expect(entity.spec).toEqual({
      type: 'cloudflare-zero-trust',
      owner: 'group:default/platform',
      parameters: { accountId: ACCOUNT },
    });
    const text = JSON.stringify(entity);
    for (const posture of ['okta', 'github', '12', 'applicationCount']) {
      expect(text).not.toContain(posture);
    }
  });
});
