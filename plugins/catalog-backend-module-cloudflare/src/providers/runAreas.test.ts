import { RELATION_DEPENDS_ON } from '@backstage/catalog-model';
import { CloudflareAreaId } from '@cloudflare-backstage/plugin-cloudflare-common';
import { DEMO_MAP_CONTEXT, demoClient, demoState } from '../__testUtils__/demo';
import { kvArea } from '../areas/kv';
import { workersArea } from '../areas/workers';
import { CloudflareAnnotationProcessor } from '../processors/CloudflareAnnotationProcessor';
import { runAreas } from './runAreas';

const KV_FAULT = {
  route: '/storage/kv/namespaces',
  fault: { kind: 'server-error' as const },
};

describe('runAreas', () => {
  const { nameOf: _ids, ...ctx } = DEMO_MAP_CONTEXT;

  it("reads every area before mapping, so a Worker's KV binding and a Component's cloudflare.com/kv annotation meet at one entity", async () => {
    const state = demoState();
    const table = { workers: workersArea, kv: kvArea };
    const lastGood = new Map<CloudflareAreaId, unknown>();
    const run = () =>
      runAreas({
        table,
        enabled: () => true,
        client: demoClient(state),
        lastGood,
        ctx,
      });

    const first = await run();
    expect(first.map(o => [o.area.id, o.status])).toEqual([
      ['workers', 'ok'],
      ['kv', 'ok'],
    ]);
    const [workers, kv] = first;
    const kvNames = kv.entities.map(e => e.entity.metadata.name);
    expect(kvNames).toContain('cf-kv-acme-cache');
    const api = workers.entities.find(
      e => e.entity.metadata.name === 'cf-worker-acme-api',
    )!;
    expect(api.entity.spec!.dependsOn).toContain(
      'resource:default/cf-kv-acme-cache',
    );

    const emit = jest.fn();
    await new CloudflareAnnotationProcessor().postProcessEntity(
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'acme-api',
          annotations: { 'cloudflare.com/kv': 'acme-cache' },
        },
      },
      { type: 'url', target: 'https://example.com/catalog-info.yaml' },
      emit,
    );
    expect(emit).toHaveBeenCalledWith(
      expect.objectContaining({
        relation: expect.objectContaining({
          type: RELATION_DEPENDS_ON,
          target: {
            kind: 'resource',
            namespace: 'default',
            name: 'cf-kv-acme-cache',
          },
        }),
      }),
    );

    // KV fails: its last good read keeps both its entities and its names.
    state.addFault(KV_FAULT);
    const second = await run();
    expect(second[1]).toMatchObject({ status: 'stale' });
    expect(second[1].error).toMatchObject({ name: 'CloudflareApiError' });
    expect(second.map(o => o.entities)).toEqual(first.map(o => o.entities));
  });

  it('uses the id as the name when no read area declares it, and maps nothing for an area never read', async () => {
    const state = demoState();
    state.addFault(KV_FAULT);
    const outcomes = await runAreas({
      table: { workers: workersArea, kv: kvArea },
      enabled: () => true,
      client: demoClient(state),
      lastGood: new Map(),
      ctx,
    });
    expect(outcomes[1]).toMatchObject({ status: 'failed', entities: [] });
    const api = outcomes[0].entities.find(
      e => e.entity.metadata.name === 'cf-worker-acme-api',
    )!;
    expect(api.entity.spec!.dependsOn).toContain(
      'resource:default/cf-kv-9a8b7c6d5e4f40312a1b0c9d8e7f6a5b',
    );
  });
});
