import { ALL_SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import {
  DEMO_MAP_CONTEXT,
  annotationDependsOn,
  demoClient,
  demoState,
  runDemoAreas,
} from '../__testUtils__/demo';
import { containersArea } from './containers';
import { durableObjectsArea } from './durableObjects';

const CONVERTER = 'a1c0e2d4-5f60-4b7a-8c9d-0e1f2a3b4c5d';
const RENDERER = 'b2d1f3e5-6a71-4c8b-9dae-1f2a3b4c5d6e';
const RENDERER_NAMESPACE = 'c3e2a4f6b7d8091a2b3c4d5e6f708192';

describe('containersArea', () => {
  it('maps each application from the applications list alone, with environment names and never a value', async () => {
    const state = demoState();
    const read = await containersArea.read(demoClient(state), undefined);
    expect(state.callCounts()).toEqual({
      'GET /accounts/:account_id/containers/applications': 1,
    });
    const entities = containersArea
      .map(read, DEMO_MAP_CONTEXT)
      .map(e => e.entity);
    expect(entities.map(e => e.metadata.name)).toEqual([
      'cf-container-acme-containers',
      'cf-container-acme-renderer',
    ]);
    const [converter, renderer] = entities;
    const app = state.data.containers.applications[0];
    expect(converter.metadata).toMatchObject({
      description:
        'Cloudflare Containers application acme-containers running registry.cloudflare.com/acme-org/acme-converter:2025-10-25',
      tags: ['cloudflare', 'container', 'scheduled'],
      annotations: { 'cloudflare.com/resource-id': CONVERTER },
    });
    expect(converter.spec).toEqual({
      type: 'cloudflare-container',
      owner: expect.any(String),
      parameters: {
        accountId: DEMO_MAP_CONTEXT.accountId,
        applicationId: CONVERTER,
        name: 'acme-containers',
        kind: 'scheduled',
        schedulingPolicy: 'default',
        images: ['registry.cloudflare.com/acme-org/acme-converter:2025-10-25'],
        imageName: 'registry.cloudflare.com/acme-org/acme-converter',
        imageTag: '2025-10-25',
        instanceType: 'standard-1',
        instances: 30,
        maxInstances: 50,
        regions: ['ENAM', 'WEUR', 'WNAM'],
        environmentVariableNames: ['LOG_LEVEL', 'CONVERTER_API_KEY'],
        version: 14,
        healthSummary: 'degraded',
        createdAt: app.created_at,
        updatedAt: app.updated_at,
      },
    });
    expect(renderer.spec!.parameters).toMatchObject({
      kind: 'durable-object',
      durableObjectNamespaceId: RENDERER_NAMESPACE,
    });
    expect(renderer.spec!.parameters).not.toHaveProperty('instances');
    expect(renderer.spec!.parameters).not.toHaveProperty('images');
    // Without the Durable Objects area's names the namespace is unknown: no dangling ref.
    expect(renderer.spec).not.toHaveProperty('dependencyOf');
    const json = JSON.stringify(entities);
    for (const text of ['[masked]', 'code 137', ...ALL_SECRET_CANARIES])
      expect(json).not.toContain(text);
    expect(new Map(containersArea.names!(read)).get(RENDERER)).toBe(
      'acme-renderer',
    );
  });

  it('makes a Durable Object application a dependency of the class it backs; a Component annotation meets the application', async () => {
    const [containers, durableObjects] = await runDemoAreas({
      containers: containersArea,
      durableObjects: durableObjectsArea,
    });
    const renderer = containers.entities.find(
      e => e.entity.metadata.name === 'cf-container-acme-renderer',
    )!.entity;
    expect(renderer.spec!.dependencyOf).toEqual([
      'resource:default/cf-do-renderercontainer',
    ]);
    // Entity refs compare case-insensitively: the ref names the class's entity.
    expect(durableObjects.entities.map(e => e.entity.metadata.name)).toContain(
      'cf-do-RendererContainer',
    );
    const converter = containers.entities.find(
      e => e.entity.metadata.name === 'cf-container-acme-containers',
    )!.entity;
    expect(converter.spec).not.toHaveProperty('dependencyOf');
    expect(
      await annotationDependsOn({
        'cloudflare.com/container': 'acme-containers',
      }),
    ).toContain('resource:default/cf-container-acme-containers');
  });
});
