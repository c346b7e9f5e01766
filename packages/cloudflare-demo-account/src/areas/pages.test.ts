import { sdk, useDemoAccount } from '../__testUtils__/sdk';
import { SECRET_CANARIES } from '../canaries';

describe('Pages area', () => {
  const demo = useDemoAccount();
  const account_id = demo.account_id;

  it('lists projects across pages', async () => {
    const names: string[] = [];
    for await (const p of sdk().pages.projects.list({
      account_id,
      per_page: 2,
    }))
      names.push(p.name);
    expect(names).toEqual(['acme-web', 'acme-docs', 'acme-status']);
  });

  it('reads a project with its github source and canaries', async () => {
    const project = await sdk().pages.projects.get('acme-web', { account_id });
    expect(project.source?.config).toMatchObject({
      owner: 'acme-org',
      repo_name: 'acme-web',
    });
    expect(project.build_config?.web_analytics_token).toBe(
      SECRET_CANARIES.pagesAnalyticsToken,
    );
    expect(
      project.deployment_configs.production.env_vars?.SESSION_SECRET,
    ).toEqual({
      type: 'secret_text',
      value: SECRET_CANARIES.pagesSecretEnv,
    });
    expect(project.canonical_deployment?.deployment_trigger.type).toBe(
      'ad_hoc',
    );
  });

  it('pages deployments past page 1 at the default page size, filtered by env', async () => {
    const all = [];
    for await (const d of sdk().pages.projects.deployments.list('acme-web', {
      account_id,
    }))
      all.push(d);
    expect(all).toHaveLength(32);
    expect(
      demo.state.callCounts()[
        'GET /accounts/:account_id/pages/projects/:project_name/deployments'
      ],
    ).toBe(3);

    const production = [];
    for await (const d of sdk().pages.projects.deployments.list('acme-web', {
      account_id,
      env: 'production',
      per_page: 5,
    }))
      production.push(d);
    expect(production).toHaveLength(18);
    expect(production.every(d => d.environment === 'production')).toBe(true);
    // DELIBERATE FAILURE: the latest production deployment has no commit.
    expect(production[0].deployment_trigger).toEqual({
      type: 'ad_hoc',
      metadata: {
        branch: 'main',
        commit_hash: '',
        commit_message: '',
        commit_dirty: true,
      },
    });
    expect(production[1].deployment_trigger.type).toBe('github:push');
    expect(production[1].deployment_trigger.metadata.commit_hash).toMatch(
      /^[0-9a-f]{40}$/,
    );
    expect(production[1].source.config.repo_name).toBe('acme-web');

    const one = await sdk().pages.projects.deployments.get(production[1].id, {
      account_id,
      project_name: 'acme-web',
    });
    expect(one.short_id).toBe(production[1].short_id);
  });

  it('answers an unknown project with 404', async () => {
    await expect(
      sdk().pages.projects.get('nope', { account_id }),
    ).rejects.toMatchObject({ status: 404 });
  });
});
