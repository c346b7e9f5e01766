import {
  annotationDependsOn,
  demoState,
  dependsOnOf,
  demoIngestion,
  runDemoAreas,
} from '../__testUtils__/demo';
import { kvArea } from '../areas/kv';
import { workersArea } from '../areas/workers';

const KV_FAULT = {
  route: '/storage/kv/namespaces',
  fault: { kind: 'server-error' as const },
};

describe('runAreas', () => {
  it("reads every area before mapping, so a Worker's KV binding and a Component's cloudflare.com/kv annotation meet at one entity", async () => {
    const state = demoState();
    const table = { workers: workersArea, kv: kvArea };
    const ingestion = demoIngestion();
    const run = () => runDemoAreas(table, state, ingestion);

    const first = await run();
    expect(first.map(o => [o.area.id, o.status])).toEqual([
      ['workers', 'ok'],
      ['kv', 'ok'],
    ]);
    const [workers, kv] = first;
    const kvNames = kv.entities.map(e => e.entity.metadata.name);
    expect(kvNames).toContain('cf-kv-acme-cache');
    expect(dependsOnOf(workers.entities, 'cf-worker-acme-api')).toContain(
      'resource:default/cf-kv-acme-cache',
    );

    expect(
      await annotationDependsOn({ 'cloudflare.com/kv': 'acme-cache' }),
    ).toContain('resource:default/cf-kv-acme-cache');

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
    const outcomes = await runDemoAreas(
      { workers: workersArea, kv: kvArea },
      state,
    );
    expect(outcomes[1]).toMatchObject({ status: 'failed', entities: [] });
    expect(dependsOnOf(outcomes[0].entities, 'cf-worker-acme-api')).toContain(
      'resource:default/cf-kv-9a8b7c6d5e4f40312a1b0c9d8e7f6a5b',
    );
  });
});
