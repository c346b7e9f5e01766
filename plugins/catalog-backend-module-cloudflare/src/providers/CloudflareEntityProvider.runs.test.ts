import { DeferredEntity } from '@backstage/plugin-catalog-node';
import {
  demoProviders,
  fakeConnection,
  singleAccountConfig,
} from '../__testUtils__/demo';
import {
  ALL_NAMES,
  PAGES_NAMES,
  QUEUE_NAMES,
  names,
  namesWithout,
} from '../__testUtils__/demoEntityNames';

describe('CloudflareEntityProvider refresh task over runs', () => {
  it('removes resources that disappear from Cloudflare on the next run', async () => {
    const { providers, schedule, state } = demoProviders();
    const connection = fakeConnection();
    await providers[0].connect(connection);
    await schedule.runTask();
    expect(names(connection.applyMutation.mock.calls[0][0])).toContain(
      'cf-worker-acme-edge-router',
    );

    state.data.workers.scripts = state.data.workers.scripts.filter(
      s => s.id !== 'acme-edge-router',
    );
    state.data.pages.projects = state.data.pages.projects.filter(
      p => p.name !== 'acme-status',
    );
    await schedule.runTask();
    const second = connection.applyMutation.mock.calls[1][0];
    expect(second.type).toBe('full');
    expect(names(second)).toEqual(
      ALL_NAMES.filter(
        n => n !== 'cf-worker-acme-edge-router' && n !== 'cf-pages-acme-status',
      ),
    );
  });

  it('keeps the entities of an area whose read fails, and warns', async () => {
    const { providers, schedule, state, logger } = demoProviders();
    const connection = fakeConnection();
    await providers[0].connect(connection);
    await schedule.runTask();
    const first = connection.applyMutation.mock.calls[0][0] as {
      entities: DeferredEntity[];
    };

    state.addFault({
      route: '/pages/projects',
      fault: { kind: 'server-error', status: 503 },
    });
    state.data.pages.projects = []; // would delete every Pages entity if the fault were ignored
    await schedule.runTask();
    const second = connection.applyMutation.mock.calls[1][0] as {
      type: string;
      entities: DeferredEntity[];
    };
    expect(second.type).toBe('full');
    expect(names(second)).toEqual(ALL_NAMES);
    expect(
      second.entities.filter(e => e.entity.spec?.type === 'cloudflare-pages'),
    ).toEqual(
      first.entities.filter(e => e.entity.spec?.type === 'cloudflare-pages'),
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /could not read Pages: .*unavailable.*keeping its 3 entities from the last good run/,
      ),
    );
    expect(logger.info.mock.calls[1][0]).toContain('pages=3 (stale)');

    // Cloudflare recovers: the next good run applies what is really there.
    state.clearFaults();
    await schedule.runTask();
    // Pages now has no project; every other area's entities are all there.
    expect(names(connection.applyMutation.mock.calls[2][0])).toEqual(
      ALL_NAMES.filter(n => !PAGES_NAMES.includes(n)),
    );
  });

  it('deletes nothing when an area fails before its first good read', async () => {
    const { providers, schedule, state, logger } = demoProviders();
    const connection = fakeConnection();
    await providers[0].connect(connection);
    state.addFault({
      route: '/access/',
      fault: { kind: 'server-error', status: 500 },
    });
    await schedule.runTask();
    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
    const mutation = connection.applyMutation.mock.calls[0][0];
    expect(mutation.type).toBe('delta');
    expect(mutation.removed).toEqual([]);
    expect(names(mutation)).toEqual(namesWithout('zeroTrust'));
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('no earlier good run'),
    );
    expect(logger.info.mock.calls[0][0]).toContain('zeroTrust=0 (failed)');
  });

  it('applies nothing when every area fails before a first good read', async () => {
    const { providers, schedule, state, logger } = demoProviders();
    const connection = fakeConnection();
    await providers[0].connect(connection);
    state.addFault({ fault: { kind: 'server-error', status: 502 } });
    await schedule.runTask();
    expect(connection.applyMutation).not.toHaveBeenCalled();
    expect(logger.info.mock.calls[0][0]).toContain('mutation none');
  });

  it("gives identical entities on two runs over the same data (a queue's unchanged backlog keeps its first observedAt)", async () => {
    const { providers, schedule } = demoProviders();
    const connection = fakeConnection();
    await providers[0].connect(connection);
    await schedule.runTask();
    await new Promise(resolve => setTimeout(resolve, 5)); // a later clock
    await schedule.runTask();
    const [first, second] = connection.applyMutation.mock.calls.map(
      c => c[0].entities as DeferredEntity[],
    );
    const backlogOf = (entities: DeferredEntity[]) =>
      entities
        .filter(e => e.entity.spec?.type === 'cloudflare-queue')
        .map(e => (e.entity.spec!.parameters as any).backlog);
    expect(backlogOf(first)).toHaveLength(QUEUE_NAMES.length);
    expect(backlogOf(first)[0].observedAt).toEqual(expect.any(String));
    expect(backlogOf(second)).toEqual(backlogOf(first));
    expect(second).toEqual(first);
  });

  it('re-reads only Workers whose modified_on changed: a warm run costs 1 Workers call', async () => {
    const { providers, schedule, state } = demoProviders();
    const connection = fakeConnection();
    await providers[0].connect(connection);
    await schedule.runTask();
    state.resetCalls();
    await schedule.runTask();
    // Workers' own routes (Durable Objects live under /workers/durable_objects/: not Workers calls).
    const workersCalls = Object.entries(state.callCounts()).filter(([route]) =>
      /\/workers\/scripts|\/builds\//.test(route),
    );
    expect(workersCalls).toEqual([
      ['GET /accounts/:account_id/workers/scripts', 1],
    ]);
    expect(connection.applyMutation.mock.calls[1][0]).toEqual(
      connection.applyMutation.mock.calls[0][0],
    );

    state.resetCalls();
    const script = state.data.workers.scripts.find(s => s.id === 'acme-etl')!;
    script.modified_on = new Date().toISOString();
    await schedule.runTask();
    expect(
      state.callCounts()[
        'GET /accounts/:account_id/workers/scripts/:script_name/settings'
      ],
    ).toBe(1);
    expect(names(connection.applyMutation.mock.calls[2][0])).toEqual(ALL_NAMES);
  });

  it('makes one run of a refresh asked for while a run is going', async () => {
    const { providers, state } = demoProviders();
    const connection = fakeConnection();
    await providers[0].connect(connection);
    await Promise.all([providers[0].refresh(), providers[0].refresh()]);
    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
    expect(
      state.callCounts()['GET /accounts/:account_id/workers/scripts'],
    ).toBe(1);
    await providers[0].refresh();
    expect(connection.applyMutation).toHaveBeenCalledTimes(2);
  });

  it('imports only the enabled areas', async () => {
    const config = singleAccountConfig({
      entityProvider: {
        import: { pages: false, zeroTrust: false, d1: false, r2: false },
      },
    });
    const { providers, schedule, state } = demoProviders({ config });
    const connection = fakeConnection();
    await providers[0].connect(connection);
    await schedule.runTask();
    expect(names(connection.applyMutation.mock.calls[0][0])).toEqual(
      namesWithout('pages', 'zeroTrust', 'd1', 'r2'),
    );
    expect(
      state.callCounts()['GET /accounts/:account_id/pages/projects'],
    ).toBeUndefined();
  });
});
