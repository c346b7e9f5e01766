import { RELATION_DEPENDS_ON } from '@backstage/catalog-model';
import { CloudflareAreaId } from '@cloudflare-backstage/plugin-cloudflare-common';
import { DEMO_MAP_CONTEXT, demoClient, demoState } from '../__testUtils__/demo';
import { cloudflareResourceEntity } from '../areas/entity';
import { defineCatalogArea } from '../areas/types';
import { workersArea } from '../areas/workers';
import { CloudflareAnnotationProcessor } from '../processors/CloudflareAnnotationProcessor';
import { runAreas } from './runAreas';

/**
 * A KV descriptor as the KV area will declare it: namespaces indexed id -> title. The client has no
 * KV reads yet, so it reads the demo account's own KV fixtures; `fail` makes its read throw.
 */
function kvArea(state: ReturnType<typeof demoState>, fail = { now: false }) {
  return defineCatalogArea({
    read: async () => {
      if (fail.now) throw new Error('KV unavailable');
      return state.data.kv.namespaces;
    },
    names: namespaces => namespaces.map(n => [n.id, n.title] as const),
    map: (namespaces, ctx) =>
      namespaces.map(n =>
        cloudflareResourceEntity(ctx, {
          area: 'kv',
          resourceName: n.title,
          resourceId: n.id,
          description: `KV namespace ${n.title}`,
          parameters: { namespaceId: n.id },
        }),
      ),
  });
}

describe('runAreas', () => {
  const { nameOf: _ids, ...ctx } = DEMO_MAP_CONTEXT;

  it("reads every area before mapping, so a Worker's KV binding and a Component's cloudflare.com/kv annotation meet at one entity", async () => {
    const state = demoState();
    const fail = { now: false };
    const table = { workers: workersArea, kv: kvArea(state, fail) };
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
    fail.now = true;
    const second = await run();
    expect(second[1]).toMatchObject({ status: 'stale' });
    expect(second[1].error).toEqual(new Error('KV unavailable'));
    expect(second.map(o => o.entities)).toEqual(first.map(o => o.entities));
  });

  it('uses the id as the name when no read area declares it, and maps nothing for an area never read', async () => {
    const state = demoState();
    const fail = { now: true };
    const outcomes = await runAreas({
      table: { workers: workersArea, kv: kvArea(state, fail) },
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
