import {
  demoClient,
  expectNoCanary,
  useDemoAccount,
} from '../__testUtils__/demo';
import { countRedactions } from '../redaction';

describe('PagesApi', () => {
  const demo = useDemoAccount();

  it('lists projects past page 1, without secrets', async () => {
    const client = demoClient();
    const projects = await client.pages.listProjects();
    expect(projects.map(p => p.name)).toEqual([
      'acme-web',
      'acme-docs',
      'acme-status',
    ]);
    expectNoCanary(projects);
    const web = projects[0];
    expect(web.deployment_configs.production?.env_vars).toEqual([
      { name: 'API_BASE', type: 'plain_text' },
      { name: 'SESSION_SECRET', type: 'secret_text', credentialLike: true },
    ]);
    expect(web.build_config).not.toHaveProperty('web_analytics_token');
    expect(web.redactions).toEqual(
      expect.arrayContaining([
        { path: 'build_config.web_analytics_token', reason: 'secret-field' },
        {
          path: 'deployment_configs.production.env_vars.[credential-name].value',
          reason: 'secret-field',
        },
      ]),
    );
    expect(web.latest_deployment?.id).toBeDefined();
    expect(countRedactions(projects)).toBeGreaterThan(0);
    // The projects' own notes, plus those of their latest and canonical deployments.
    expect(client.stats().redactionsByArea.pages).toBeGreaterThan(
      countRedactions(projects),
    );
    expect(
      web.deployment_configs.production?.env_vars.find(v => v.credentialLike),
    ).toBeDefined();
  });

  it('pages through every project with many projects', async () => {
    const base = demo.state.data.pages.projects[0];
    demo.state.data.pages.projects = Array.from({ length: 23 }, (_, i) => ({
      ...base,
      id: `p${i}`,
      name: `site-${i}`,
    }));
    const client = demoClient();
    const projects = await client.pages.listProjects();
    expect(projects).toHaveLength(23);
  });

  it('gets one project', async () => {
    const p = await demoClient().pages.getProject('acme-docs');
    expect(p.name).toBe('acme-docs');
    expect(p.source?.config?.repo_name).toBe('acme-docs');
  });

  it('lists deployments with commit, status and URLs, past page 1', async () => {
    const client = demoClient();
    const deployments = await client.pages.listDeployments('acme-web');
    expect(deployments).toHaveLength(32);
    expectNoCanary(deployments);
    const git = deployments.find(
      d => d.triggerType === 'github:push' && d.environment === 'production',
    )!;
    expect(git).toMatchObject({
      environment: 'production',
      branch: 'main',
      status: 'success',
      stage: 'deploy',
    });
    expect(git.commitSha).toMatch(/^[0-9a-f]{40}$/);
    expect(git.commitUrl).toBe(
      `https://github.com/acme-org/acme-web/commit/${git.commitSha}`,
    );
    expect(git.ciRunUrl).toContain(`/pages/view/acme-web/${git.id}`);
    expect(git.url).toMatch(/\.acme-web\.pages\.dev$/);
    expect(client.stats().callsByArea.pages).toBe(3); // 25 + 7 + empty page
  });

  it('shows the ad-hoc production deployment without commit (deliberate failure)', async () => {
    const [latest] = await demoClient().pages.listDeployments('acme-web', {
      env: 'production',
      limit: 1,
    });
    expect(latest.triggerType).toBe('ad_hoc');
    expect(latest.commitSha).toBeUndefined();
    expect(latest.ciRunUrl).toBeUndefined();
  });

  it('reads the provenance convention from a direct upload commit message', async () => {
    const d = demo.state.data.pages.deployments['acme-status'][0];
    d.deployment_trigger = {
      type: 'ad_hoc',
      metadata: {
        branch: 'main',
        commit_hash: '',
        commit_message: `sha=${'a'.repeat(
          40,
        )} run=https://github.com/acme-org/acme-status/actions/runs/9`,
        commit_dirty: false,
      },
    };
    const got = await demoClient().pages.getDeployment('acme-status', d.id);
    expect(got.commitSha).toBe('a'.repeat(40));
    expect(got.ciRunUrl).toBe(
      'https://github.com/acme-org/acme-status/actions/runs/9',
    );
  });

  it('filters by environment and maps unknown projects to not-found', async () => {
    const client = demoClient();
    const preview = await client.pages.listDeployments('acme-docs', {
      env: 'preview',
    });
    expect(preview.every(d => d.environment === 'preview')).toBe(true);
    await expect(client.pages.listDeployments('nope')).rejects.toMatchObject({
      kind: 'not-found',
    });
    await expect(
      client.pages.getDeployment('acme-docs', 'nope'),
    ).rejects.toMatchObject({ kind: 'not-found' });
  });
});
