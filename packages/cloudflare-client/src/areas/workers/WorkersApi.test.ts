import { SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import {
  demoClient,
  expectNoCanary,
  jestLogger,
  useDemoAccount,
} from '../../__testUtils__/demo';
import { countRedactions } from '../../redaction';

describe('WorkersApi', () => {
  const demo = useDemoAccount();

  it('lists scripts', async () => {
    const client = demoClient();
    const scripts = await client.workers.listScripts();
    expect(scripts.map(s => s.id)).toEqual(
      expect.arrayContaining([
        'acme-api',
        'acme-edge-router',
        'acme-worker-consumer',
      ]),
    );
    expect(scripts[0]).not.toHaveProperty('exports');
    expect(client.stats().callsByArea.workers).toBe(1);
  });

  it('filters scripts by tag', async () => {
    const scripts = await demoClient().workers.listScripts({
      tags: ['tier:1'],
    });
    expect(scripts.map(s => s.id)).toEqual(['acme-api']);
  });

  it('reads settings, redacts credential-like binding values and counts them', async () => {
    const client = demoClient();
    const settings = await client.workers.getSettings('acme-api');
    expectNoCanary(settings);
    const byName = Object.fromEntries(settings.bindings.map(b => [b.name, b]));
    expect(byName.CACHE).toMatchObject({
      type: 'kv_namespace',
      namespace_id: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(byName.LOG_LEVEL).toMatchObject({
      type: 'plain_text',
      text: 'info',
    });
    expect(byName.STRIPE_API_KEY).toMatchObject({
      type: 'plain_text',
      valueWithheld: true,
      credentialLike: true,
    });
    expect(byName.STRIPE_API_KEY).not.toHaveProperty('text');
    expect(byName.PAYMENT_CONFIG).toMatchObject({
      type: 'json',
      valueWithheld: true,
      json: { provider: 'stripe', retries: 3 },
    });
    expect(byName.SESSION_SIGNING_KEY).toEqual({
      name: 'SESSION_SIGNING_KEY',
      type: 'secret_text',
      credentialLike: true,
    });
    expect(settings.redactions).toEqual(
      expect.arrayContaining([
        // Credential-like names never appear in a note's path.
        {
          path: 'bindings.[credential-name].text',
          reason: 'credential-key-name',
        },
        {
          path: 'bindings.PAYMENT_CONFIG.json.[credential-name]',
          reason: 'credential-key-name',
        },
      ]),
    );
    expect(JSON.stringify(settings.redactions)).not.toMatch(
      /STRIPE_API_KEY|webhook_secret/,
    );
    expect(countRedactions(settings)).toBe(settings.redactions.length);
    expect(client.stats().redactionsByArea.workers).toBe(
      settings.redactions.length,
    );
    // Credential-like names are marked.
    expect(
      settings.bindings.find(b => b.type === 'secret_text')?.credentialLike,
    ).toBe(true);
  });

  it('lists secret names only', async () => {
    const secrets = await demoClient().workers.listSecretNames('acme-api');
    expect(secrets).toEqual([
      {
        name: 'SESSION_SIGNING_KEY',
        type: 'secret_text',
        credentialLike: true,
      },
      {
        name: 'GITHUB_WEBHOOK_SECRET',
        type: 'secret_text',
        credentialLike: true,
      },
    ]);
  });

  it('pages through every version (past page 1)', async () => {
    const client = demoClient();
    const versions = await client.workers.listVersions('acme-api');
    expect(versions).toHaveLength(24);
    expect(versions[0].number).toBe(24);
    const v = await client.workers.getVersion('acme-api', versions[3].id);
    expect(v.id).toBe(versions[3].id);
    expect(v).not.toHaveProperty('resources');
  });

  it('reads deployments from result.deployments', async () => {
    const deployments = await demoClient().workers.listDeployments(
      'acme-worker-consumer',
    );
    expect(deployments).toHaveLength(12);
    expect(deployments[0].versions[0].percentage).toBe(100);
  });

  it('maps a missing script to not-found', async () => {
    await expect(
      demoClient().workers.listDeployments('nope'),
    ).rejects.toMatchObject({
      name: 'CloudflareApiError',
      kind: 'not-found',
      status: 404,
    });
  });

  describe('provenance', () => {
    it('comes from Workers Builds (commit, build URL, pull request)', async () => {
      const client = demoClient();
      const deployments = await client.workers.listDeploymentsWithProvenance(
        'acme-api',
      );
      expectNoCanary(deployments);
      expect(deployments).toHaveLength(24);
      const first = deployments[0];
      expect(first).toMatchObject({
        active: true,
        provenance: 'workers-builds',
        source: 'workersci',
        versionNumber: 24,
      });
      expect(first.commitSha).toMatch(/^[0-9a-f]{40}$/);
      expect(first.ciRunUrl).toMatch(
        /^https:\/\/dash\.cloudflare\.com\/.+\/builds\//,
      );
      expect(first.commitUrl).toBe(
        `https://github.com/acme-org/acme-api/commit/${first.commitSha}`,
      );
      expect(
        deployments.some(d =>
          d.pullRequestUrl?.startsWith(
            'https://github.com/acme-org/acme-api/pull/',
          ),
        ),
      ).toBe(true);
      expect(deployments.every(d => d.provenance === 'workers-builds')).toBe(
        true,
      );
      // deployments 1 + versions 1 page of 100 + builds 2 chunks of 20
      expect(client.stats().callsByArea.workers).toBe(4);
      expect(client.stats().redactionsByArea.workers).toBeGreaterThan(0);
    });

    it('reads several scripts at once, asking Workers Builds once per 20 versions across them', async () => {
      const names = ['acme-api', 'acme-worker-consumer', 'acme-edge-router'];
      const single = new Map<string, unknown>();
      for (const name of names)
        single.set(
          name,
          await demoClient().workers.listDeploymentsWithProvenance(name),
        );

      const client = demoClient();
      const batch = await client.workers.listDeploymentsWithProvenanceOf(names);
      expect(new Map(batch)).toEqual(single);
      // 3 x (deployments + versions) + builds for every deployed version, in chunks of 20
      const versionCount = new Set(
        [...batch.values()]
          .flat()
          .flatMap(d => d.versions.map(v => v.versionId)),
      ).size;
      expect(client.stats().callsByArea.workers).toBe(
        6 + Math.ceil(versionCount / 20),
      );

      const active = demoClient();
      const served = await active.workers.listDeploymentsWithProvenanceOf(
        names,
        { activeOnly: true },
      );
      for (const name of names) {
        expect(served.get(name)).toEqual(
          (single.get(name) as unknown[]).slice(0, 1),
        );
      }
      expect(active.stats().callsByArea.workers).toBe(6 + 1);
    });

    it('comes from the version annotations (GitHub Actions convention)', async () => {
      const deployments =
        await demoClient().workers.listDeploymentsWithProvenance(
          'acme-worker-consumer',
        );
      expect(deployments).toHaveLength(12);
      for (const d of deployments) {
        expect(d.provenance).toBe('annotation');
        expect(d.commitSha).toMatch(/^[0-9a-f]{40}$/);
        expect(d.ciRunUrl).toMatch(
          /^https:\/\/github\.com\/acme-org\/acme-worker-consumer\/actions\/runs\/\d+$/,
        );
        expect(d.commitUrl).toBe(
          `https://github.com/acme-org/acme-worker-consumer/commit/${d.commitSha}`,
        );
      }
    });

    it('is missing for acme-edge-router (deployed from the dashboard)', async () => {
      const deployments =
        await demoClient().workers.listDeploymentsWithProvenance(
          'acme-edge-router',
        );
      expect(deployments.length).toBeGreaterThan(0);
      for (const d of deployments) {
        expect(d.provenance).toBe('none');
        expect(d.commitSha).toBeUndefined();
        expect(d.ciRunUrl).toBeUndefined();
        expect(d.source).toBe('dash');
      }
    });

    it('falls back to annotations when Workers Builds refuses the token', async () => {
      demo.state.addFault({
        route: '/builds/builds',
        fault: { kind: 'server-error', status: 500 },
      });
      await expect(
        demoClient().workers.listDeploymentsWithProvenance('acme-api'),
      ).rejects.toMatchObject({ kind: 'unavailable' });
      demo.state.clearFaults();
      const logger = jestLogger();
      // A token Workers Builds refuses: answer 401 on the builds route only.
      const client = demoClient({
        logger,
        fetch: async (url, init) =>
          String(url).includes('/builds/builds')
            ? new Response(
                JSON.stringify({
                  success: false,
                  errors: [{ code: 1000, message: 'Invalid token' }],
                  messages: [],
                  result: null,
                }),
                {
                  status: 401,
                  headers: { 'content-type': 'application/json' },
                },
              )
            : fetch(url, init),
      });
      const deployments = await client.workers.listDeploymentsWithProvenance(
        'acme-api',
      );
      expect(logger.warn).toHaveBeenCalled();
      expect(deployments.every(d => d.provenance !== 'workers-builds')).toBe(
        true,
      );
    });

    it('can skip Workers Builds', async () => {
      const client = demoClient();
      await client.workers.listDeploymentsWithProvenance('acme-api', {
        useBuilds: false,
      });
      expect(client.stats().callsByArea.workers).toBe(2);
    });

    it('uses version detail for versions not in the list', async () => {
      const versions = demo.state.data.workers.versions['acme-reports'];
      demo.state.data.workers.versions['acme-reports'] = versions.slice(0, 1);
      const all = await demoClient().workers.listDeploymentsWithProvenance(
        'acme-reports',
      );
      // Versions removed from the list are also gone from the detail route: no number, no failure.
      expect(all[0].versionNumber).toBe(versions[0].number);
      expect(all[1].versionNumber).toBeUndefined();
    });
  });

  it('lists builds of a script and builds by version, without secret fields', async () => {
    const client = demoClient();
    const [api] = await client.workers.listScripts({ tags: ['tier:1'] });
    const builds = await client.workers.listBuilds(api.tag!);
    expect(builds).toHaveLength(24);
    expectNoCanary(builds);
    expect(JSON.stringify(builds)).not.toContain('build_token');
    expect(JSON.stringify(builds)).not.toContain('environment_variables');
    const versions = await client.workers.listVersions('acme-api');
    const byVersion = await client.workers.getBuildsForVersions(
      versions.slice(0, 3).map(v => v.id),
    );
    expect(Object.keys(byVersion)).toHaveLength(3);
    expect(SECRET_CANARIES.buildsEnvValue).toBeDefined();
  });
});
