import { SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import { useDemoAccount } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';
import {
  containerServiceSchema,
  containerStatusSchema,
  containersRoutes,
  maskByPaths,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { demoContext } from '../__testUtils__/areaContext';
import { expectNoCanary } from '../__testUtils__/demo';
import { ContainersApi, splitImage } from './containers';

const APPS = 'GET /accounts/:account_id/containers/applications';
const INSTANCES = `${APPS}/:application_id/instances-v2`;
const CONVERTER = 'a1c0e2d4-5f60-4b7a-8c9d-0e1f2a3b4c5d';
const RENDERER = 'b2d1f3e5-6a71-4c8b-9dae-1f2a3b4c5d6e';

describe('ContainersApi', () => {
  const demo = useDemoAccount();

  it('lists both variants with image and tag, instances, scheduling and constraints; never an environment value', async () => {
    const ctx = demoContext();
    const services = await new ContainersApi(ctx).listServices();
    for (const s of services)
      expect(containerServiceSchema.parse(s)).toEqual(s);
    const [converter] = demo.state.data.containers.applications;
    expect(services[0]).toEqual({
      id: CONVERTER,
      name: 'acme-containers',
      kind: 'scheduled',
      schedulingPolicy: 'default',
      image: 'registry.cloudflare.com/acme-org/acme-converter:2025-10-25',
      imageName: 'registry.cloudflare.com/acme-org/acme-converter',
      imageTag: '2025-10-25',
      instanceType: 'standard-1',
      instances: 30,
      maxInstances: 50,
      constraints: { regions: ['ENAM', 'WEUR', 'WNAM'] },
      environmentVariableNames: ['LOG_LEVEL', 'CONVERTER_API_KEY'],
      version: 14,
      healthSummary: 'degraded',
      createdAt: converter.created_at,
      updatedAt: converter.updated_at,
    });
    // The Durable Object variant: no desired count, version or image; the namespace it backs.
    expect(services[1]).toEqual({
      id: RENDERER,
      name: 'acme-renderer',
      kind: 'durable-object',
      schedulingPolicy: 'durable_object',
      durableObjectNamespaceId: 'c3e2a4f6b7d8091a2b3c4d5e6f708192',
      environmentVariableNames: [],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expectNoCanary(services);
    // CONVERTER_API_KEY's and LOG_LEVEL's values, each dropped and counted.
    expect(ctx.stats().redactionsByArea).toEqual({ containers: 2 });
    expect(ctx.stats().callsByArea).toEqual({ containers: 1 });
  });

  it('pages applications with page tokens, 100 a page', async () => {
    const { applications } = demo.state.data.containers;
    const template = applications[0];
    for (let i = 0; i < 150; i++)
      applications.push({
        ...template,
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        name: `acme-batch-${i}`,
      });
    const ctx = demoContext();
    const services = await new ContainersApi(ctx).listServices();
    expect(services).toHaveLength(152);
    expect(services[151].name).toBe('acme-batch-149');
    expect(demo.state.callCounts()[APPS]).toBe(2);
  });

  it('reads a scheduled application’s health: failed instances, states and errors without their details', async () => {
    const ctx = demoContext();
    const status = await new ContainersApi(ctx).getStatus('acme-containers');
    expect(containerStatusSchema.parse(status)).toEqual(status);
    expect(status).toMatchObject({
      id: CONVERTER,
      kind: 'scheduled',
      summary: 'degraded',
      desired: 30,
      active: 27,
      assigned: 30,
      failed: 1,
      instanceStates: {
        running: 27,
        failed: 1,
        unhealthy: 1,
        provisioning: 1,
      },
      instancesComplete: true,
    });
    expect(status).not.toHaveProperty('starting');
    // Newest first; each message kept (the route masks it), no event details.
    expect(status.errors).toEqual([
      {
        instanceId: 'a1c0e2d4-inst-0009',
        name: 'ServiceHealthUpdates',
        type: 'Warn',
        time: expect.any(String),
        message: 'health check GET /healthz timed out after 5s',
      },
      expect.objectContaining({ name: 'VMFailed', type: 'Error' }),
    ]);
    expectNoCanary(status);
    expect(JSON.stringify(status)).not.toContain(
      SECRET_CANARIES.containerErrorDetails,
    );
    // The applications list filtered by name, then one instances page of 30.
    expect(demo.state.callCounts()[INSTANCES]).toBe(1);
    expect(ctx.stats().callsByArea).toEqual({ containers: 2 });
    // Masked by default: both messages.
    expect(
      maskByPaths(status, containersRoutes.status.wire.sensitive, 'masked')
        .masked,
    ).toEqual({ 'errors[].message': 2 });
  });

  it('reads a Durable Object application’s health: active and starting, no desired count', async () => {
    const status = await new ContainersApi(demoContext()).getStatus(
      'acme-renderer',
    );
    expect(status).toEqual({
      id: RENDERER,
      name: 'acme-renderer',
      kind: 'durable-object',
      active: 1,
      starting: 1,
      failed: 0,
      instanceStates: { running: 1, provisioning: 1, stopped: 1 },
      instancesComplete: true,
      errors: [],
    });
  });

  it('counts at most 10 instance pages: beyond them the counts are a lower bound', async () => {
    const { instances } = demo.state.data.containers;
    const [first] = instances[CONVERTER];
    instances[CONVERTER] = Array.from({ length: 1500 }, (_, i) => ({
      ...first,
      id: `inst-${i}`,
    }));
    const status = await new ContainersApi(demoContext()).getStatus(
      'acme-containers',
    );
    expect(status.instancesComplete).toBe(false);
    expect(status.instanceStates).toEqual({ running: 1000 });
    expect(demo.state.callCounts()[INSTANCES]).toBe(10);
  });

  it('an unknown application is not found; a name prefix is not a match', async () => {
    const api = new ContainersApi(demoContext());
    await expect(api.getStatus('nope')).rejects.toMatchObject({
      kind: 'not-found',
    });
    await expect(api.getStatus('acme')).rejects.toMatchObject({
      kind: 'not-found',
    });
    expect(demo.state.callCounts()[INSTANCES]).toBeUndefined();
  });

  it('never asks for registry credentials', async () => {
    const api = new ContainersApi(demoContext());
    await api.listServices();
    await api.getStatus('acme-containers');
    expect(
      Object.keys(demo.state.callCounts()).filter(k =>
        k.includes('registries'),
      ),
    ).toEqual([]);
  });
});

describe('splitImage', () => {
  it.each([
    [
      'registry.cloudflare.com/a/b:1.2',
      { name: 'registry.cloudflare.com/a/b', tag: '1.2' },
    ],
    ['localhost:5000/b', { name: 'localhost:5000/b' }],
    ['docker.io/b@sha256:abc', { name: 'docker.io/b', tag: '@sha256:abc' }],
    ['b', { name: 'b' }],
  ])('%s', (image, expected) => {
    expect(splitImage(image)).toEqual(expected);
  });
});
