import Cloudflare from 'cloudflare';
import { sdk, useDemoAccount } from '../__testUtils__/sdk';
import { SECRET_CANARIES } from '../canaries';
import { createRng } from '../rng';
import { generateContainersData } from '../fixtures/containers';

describe('Containers area', () => {
  const demo = useDemoAccount();
  const account_id = demo.account_id;
  const converterId = 'a1c0e2d4-5f60-4b7a-8c9d-0e1f2a3b4c5d';

  it('lists applications across page tokens', async () => {
    const names: string[] = [];
    for await (const app of sdk().containers.applications.list({
      account_id,
      per_page: 1,
    }))
      names.push(app.name);
    expect(names).toEqual(['acme-containers', 'acme-renderer']);
  });

  it('reads an application with its image and environment variables', async () => {
    const app = await sdk().containers.applications.get(converterId, {
      account_id,
    });
    expect(app).toMatchObject({
      configuration: {
        image: 'registry.cloudflare.com/acme-org/acme-converter:2025-10-25',
      },
    });
    expect(JSON.stringify(app)).toContain(SECRET_CANARIES.containerEnvValue);
  });

  it('serves acme-renderer as the Durable Object variant and acme-containers with error events', async () => {
    const renderer = await sdk().containers.applications.get(
      'b2d1f3e5-6a71-4c8b-9dae-1f2a3b4c5d6e',
      { account_id },
    );
    expect(renderer).toMatchObject({
      scheduling_policy: 'durable_object',
      durable_objects: { namespace_id: 'c3e2a4f6b7d8091a2b3c4d5e6f708192' },
      health: { instances: { active: 1, starting: 1 } },
    });
    expect(renderer).not.toHaveProperty('instances');
    expect(renderer).not.toHaveProperty('version');
    const converter = await sdk().containers.applications.get(converterId, {
      account_id,
    });
    expect(
      'health' in converter && converter.health && 'errors' in converter.health
        ? converter.health.errors.map(e => e.event.name)
        : [],
    ).toEqual(['VMFailed', 'ServiceHealthUpdates']);
    expect(JSON.stringify(converter)).toContain(
      SECRET_CANARIES.containerErrorDetails,
    );
  });

  it('pages instances-v2 with page tokens and filters by state', async () => {
    const all = [];
    for await (const i of sdk().containers.applications.instances.list(
      converterId,
      { account_id, per_page: 10 },
    ))
      all.push(i);
    expect(all).toHaveLength(30);
    expect(all.filter(i => i.status.state === 'failed')).toHaveLength(1);
    const inactive = [];
    for await (const i of sdk().containers.applications.instances.list(
      converterId,
      { account_id, state: 'not-active' },
    )) {
      inactive.push(i);
    }
    expect(inactive.map(i => i.status)).toEqual([
      expect.objectContaining({ state: 'failed', exit_code: 137 }),
    ]);
  });

  it('pages the v1 instances list (result.instances)', async () => {
    const all = [];
    for await (const i of sdk().containers.applications.instances.listV1(
      converterId,
      { account_id, per_page: 25 },
    ))
      all.push(i);
    expect(all).toHaveLength(30);
  });

  it('reads an instance; unknown ids give NotFoundError', async () => {
    const instance = await sdk().containers.applications.instances.get(
      `${converterId.slice(0, 8)}-inst-0004`,
      {
        account_id,
        application_id: converterId,
      },
    );
    expect(instance.status.state).toBe('failed');
    await expect(
      sdk().containers.applications.get('nope', { account_id }),
    ).rejects.toBeInstanceOf(Cloudflare.NotFoundError);
  });

  it('generates scale-mode data deterministically from the seed', () => {
    const first = generateContainersData(createRng(7), 40);
    const second = generateContainersData(createRng(7), 40);
    expect(first.applications).toHaveLength(40);
    expect(first.applications.map(a => a.id)).toEqual(
      second.applications.map(a => a.id),
    );
    expect(generateContainersData(createRng(7), 0).applications).toHaveLength(
      0,
    );
  });
});
