import { sdk, useDemoAccount } from '../__testUtils__/sdk';
import { SECRET_CANARIES } from '../canaries';
import { ACME_IDS, WorkersBuild, WorkerVersion } from '../fixtures/workers';

describe('Workers area', () => {
  const demo = useDemoAccount();
  const account_id = demo.account_id;

  it('lists scripts with the SDK', async () => {
    const names: string[] = [];
    for await (const s of sdk().workers.scripts.list({ account_id }))
      names.push(s.id ?? '');
    expect(names).toEqual(
      expect.arrayContaining([
        'acme-api',
        'acme-worker-consumer',
        'acme-edge-router',
        'acme-session',
      ]),
    );
    const session = demo.state.data.workers.scripts.find(
      s => s.id === 'acme-session',
    );
    expect(session?.named_handlers).toEqual([
      { name: 'SessionCoordinator', handlers: ['class'] },
    ]);
  });

  it('filters scripts by tags as Cloudflare does: tag:yes keeps, tag:no drops', async () => {
    const list = async (tags: string) => {
      const names: string[] = [];
      for await (const s of sdk().workers.scripts.list({ account_id, tags }))
        names.push(s.id ?? '');
      return names.sort();
    };
    const carrying = (tag: string) =>
      demo.state.data.workers.scripts
        .filter(s => s.tags?.includes(tag))
        .map(s => s.id ?? '');
    const all = demo.state.data.workers.scripts.map(s => s.id ?? '');
    const platform = carrying('team:platform');
    expect(platform.length).toBeGreaterThan(0);
    expect(platform.length).toBeLessThan(all.length);
    expect(await list('team:platform:yes')).toEqual([...platform].sort());
    expect(await list('team:platform:no')).toEqual(
      all.filter(n => !platform.includes(n)).sort(),
    );
    expect(await list('team:platform:yes,tier:1:no')).toEqual(
      platform.filter(n => !carrying('tier:1').includes(n)).sort(),
    );
    expect(await list('team:nobody:yes')).toEqual([]);
  });

  it('reads acme-api bindings of every related kind', async () => {
    const settings = await sdk().workers.scripts.scriptAndVersionSettings.get(
      'acme-api',
      { account_id },
    );
    const byName = Object.fromEntries(
      (settings.bindings ?? []).map(b => [b.name, b]),
    );
    expect(byName.CACHE).toEqual({
      type: 'kv_namespace',
      name: 'CACHE',
      namespace_id: ACME_IDS.kvNamespaceId,
    });
    expect(byName.DB).toMatchObject({
      type: 'd1',
      database_id: ACME_IDS.d1Uuid,
    });
    expect(byName.ARTIFACTS).toMatchObject({
      type: 'r2_bucket',
      bucket_name: 'acme-prod-artifacts',
    });
    expect(byName.EVENTS).toMatchObject({
      type: 'queue',
      queue_name: 'acme-events',
    });
    expect(byName.SESSIONS).toMatchObject({
      type: 'durable_object_namespace',
      class_name: 'SessionCoordinator',
      namespace_id: ACME_IDS.durableObjectNamespaceId,
    });
    expect(byName.HYPERDRIVE).toMatchObject({
      type: 'hyperdrive',
      id: ACME_IDS.hyperdriveId,
    });
    expect(byName.VECTORS).toMatchObject({
      type: 'vectorize',
      index_name: 'acme-idx-main',
    });
    expect(byName.ANALYTICS).toMatchObject({
      type: 'analytics_engine',
      dataset: 'acme_analytics',
    });
    expect(byName.STRIPE_SECRET).toMatchObject({
      type: 'secrets_store_secret',
      store_id: ACME_IDS.secretsStoreId,
    });
    expect(byName.SESSION_SIGNING_KEY).toEqual({
      type: 'secret_text',
      name: 'SESSION_SIGNING_KEY',
    });
    expect(byName.STRIPE_API_KEY).toMatchObject({
      type: 'plain_text',
      text: SECRET_CANARIES.workerPlainTextKey,
    });
    expect(JSON.stringify(byName.PAYMENT_CONFIG)).toContain(
      SECRET_CANARIES.workerJsonSecret,
    );
  });

  it('lists secret names only', async () => {
    const secrets = [];
    for await (const s of sdk().workers.scripts.secrets.list('acme-api', {
      account_id,
    }))
      secrets.push(s);
    expect(secrets).toEqual([
      { name: 'SESSION_SIGNING_KEY', type: 'secret_text' },
      { name: 'GITHUB_WEBHOOK_SECRET', type: 'secret_text' },
    ]);
  });

  it('pages versions past page 1 and carries annotations', async () => {
    const versions: WorkerVersion[] = [];
    for await (const v of sdk().workers.scripts.versions.list(
      'acme-worker-consumer',
      { account_id, per_page: 5 },
    ))
      versions.push(v);
    expect(versions).toHaveLength(12);
    expect(versions[0].number).toBe(12);
    expect(versions[0].annotations?.['workers/message']).toMatch(
      /^sha=[0-9a-f]{40} run=https:\/\/github\.com\/acme-org\/acme-worker-consumer\/actions\/runs\/\d+$/,
    );
    expect(versions[0].annotations?.['workers/tag']).toBe('v1.12.0');
    expect(versions[0].annotations?.['workers/triggered_by']).toBe('upload');
    const all: unknown[] = [];
    for await (const v of sdk().workers.scripts.versions.list('acme-api', {
      account_id,
    }))
      all.push(v);
    expect(all).toHaveLength(24);
    expect(
      demo.state.callCounts()[
        'GET /accounts/:account_id/workers/scripts/:script_name/versions'
      ],
    ).toBe(4 + 4);

    const detail = await sdk().workers.scripts.versions.get(
      versions[0].id ?? '',
      {
        account_id,
        script_name: 'acme-worker-consumer',
      },
    );
    expect(detail.metadata?.source).toBe('wrangler');
    expect(detail.resources.script_runtime?.compatibility_date).toBe(
      '2025-09-01',
    );
  });

  it('returns deployments as result.deployments; acme-edge-router has no commit or CI link', async () => {
    const page = await sdk().workers.scripts.deployments.list(
      'acme-edge-router',
      { account_id },
    );
    const { deployments } = page.result as unknown as {
      deployments: Array<{ annotations?: object; source: string }>;
    };
    expect(deployments).toHaveLength(6);
    expect(deployments[0].annotations).toEqual({});
    expect(deployments[0].source).toBe('dash');
    const api = await sdk().workers.scripts.deployments.list('acme-api', {
      account_id,
    });
    const apiDeployments = (
      api.result as unknown as {
        deployments: Array<{ versions: Array<{ version_id: string }> }>;
      }
    ).deployments;
    expect(apiDeployments[0].versions[0].version_id).toBe(
      demo.state.data.workers.versions['acme-api'][0].id,
    );
  });

  it('joins acme-api versions to Workers Builds commits and pull requests', async () => {
    const client = sdk();
    const latest = demo.state.data.workers.versions['acme-api'][0].id ?? '';
    const res = await client.get<{
      result: { builds: Record<string, WorkersBuild> };
    }>(`/accounts/${account_id}/builds/builds`, {
      query: { version_ids: `${latest},unknown-version` },
    });
    const build = res.result.builds[latest];
    expect(Object.keys(res.result.builds)).toEqual([latest]);
    expect(build.build_trigger_metadata.commit_hash).toMatch(/^[0-9a-f]{40}$/);
    expect(build.pull_request?.pull_request_url).toMatch(
      /^https:\/\/github\.com\/acme-org\/acme-api\/pull\/\d+$/,
    );
    expect(
      build.build_trigger_metadata.environment_variables.SENTRY_AUTH_TOKEN
        .value,
    ).toBe(SECRET_CANARIES.buildsEnvValue);

    const tag =
      demo.state.data.workers.scripts.find(s => s.id === 'acme-api')?.tag ?? '';
    const latestRes = await client.get<{
      result: { builds: Record<string, WorkersBuild> };
    }>(`/accounts/${account_id}/builds/builds/latest`, {
      query: { external_script_ids: tag },
    });
    expect(latestRes.result.builds[tag].build_uuid).toBe(build.build_uuid);

    const list = await client.get<{
      result: WorkersBuild[];
      result_info: { total_count: number };
    }>(`/accounts/${account_id}/builds/workers/${tag}/builds`, {
      query: { per_page: 10 },
    });
    expect(list.result).toHaveLength(10);
    expect(list.result_info.total_count).toBe(24);
  });

  it('answers an unknown script with 404', async () => {
    await expect(
      sdk().workers.scripts.scriptAndVersionSettings.get('nope', {
        account_id,
      }),
    ).rejects.toMatchObject({ status: 404 });
  });
});
