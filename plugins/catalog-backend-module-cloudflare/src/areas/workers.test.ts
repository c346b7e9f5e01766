import {
  ALL_SECRET_CANARIES,
  DemoAccountState,
  createScaleAccountData,
} from '@cloudflare-backstage/cloudflare-demo-account';
import {
  DEMO_MAP_CONTEXT,
  areaCycles,
  demoClient,
  demoState,
} from '../__testUtils__/demo';
import { workersArea } from './workers';

const route = (calls: Record<string, number>, path: string) =>
  calls[`GET /accounts/:account_id${path}`] ?? 0;

describe('workersArea', () => {
  it('reads a cold account in three calls per script and one Workers Builds call per 20 versions', async () => {
    const workers = 45;
    const state = new DemoAccountState({
      data: createScaleAccountData({ seed: 7, counts: { workers, pages: 0 } }),
    });
    const client = demoClient(state);
    const read = await workersArea.read(client, undefined);
    expect(read).toHaveLength(workers);
    const calls = state.callCounts();
    expect(route(calls, '/workers/scripts')).toBe(1);
    expect(route(calls, '/workers/scripts/:script_name/settings')).toBe(
      workers,
    );
    expect(route(calls, '/workers/scripts/:script_name/deployments')).toBe(
      workers,
    );
    expect(route(calls, '/workers/scripts/:script_name/versions')).toBe(
      workers,
    );
    // one version per script unless a gradual deployment serves two
    expect(route(calls, '/builds/builds')).toBeGreaterThanOrEqual(
      Math.ceil(workers / 20),
    );
    expect(route(calls, '/builds/builds')).toBeLessThanOrEqual(
      Math.ceil((2 * workers) / 20),
    );
    expect(client.stats().calls).toBe(
      Object.values(calls).reduce((a, b) => a + b, 0),
    );
  });

  it('reads details again only for scripts whose modified_on changed', async () => {
    const state = demoState();
    const cycle = areaCycles(workersArea, state);
    const cold = await cycle();

    state.resetCalls();
    expect(await cycle()).toEqual(cold);
    expect(state.callCounts()).toEqual({
      'GET /accounts/:account_id/workers/scripts': 1,
    });

    state.resetCalls();
    const etl = state.data.workers.scripts.find(s => s.id === 'acme-etl')!;
    etl.modified_on = new Date().toISOString();
    const warm = await cycle();
    const calls = state.callCounts();
    expect(route(calls, '/workers/scripts/:script_name/settings')).toBe(1);
    expect(route(calls, '/workers/scripts/:script_name/deployments')).toBe(1);
    expect(warm.find(w => w.script.id === 'acme-etl')!.script.modified_on).toBe(
      etl.modified_on,
    );
  });

  it('names binding targets through the run index; states binding types and names, credential-like names replaced, never a value', async () => {
    const state = demoState();
    const read = await workersArea.read(demoClient(state), undefined);
    const [api] = workersArea.map(
      read.filter(w => w.script.id === 'acme-api'),
      {
        ...DEMO_MAP_CONTEXT,
        nameOf: (area, id) => (area === 'kv' ? `named-${id}` : id),
      },
    );
    expect(api.entity.spec!.dependsOn).toContain(
      'resource:default/cf-kv-named-9a8b7c6d5e4f40312a1b0c9d8e7f6a5b',
    );
    const bindings = (api.entity.spec!.parameters as any).bindings;
    expect(bindings).toContainEqual({ type: 'plain_text', name: 'LOG_LEVEL' });
    expect(bindings).toContainEqual({
      type: 'plain_text',
      name: '[credential-name]',
      credentialLike: true,
    });
    const json = JSON.stringify(api);
    for (const name of ['STRIPE_API_KEY', 'SESSION_SIGNING_KEY', 'info'])
      expect(json).not.toContain(`"${name}"`);
    for (const canary of ALL_SECRET_CANARIES)
      expect(json).not.toContain(canary);
  });
});
