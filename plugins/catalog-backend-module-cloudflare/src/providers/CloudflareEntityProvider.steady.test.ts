import { DemoAccountState } from '@cloudflare-backstage/cloudflare-demo-account';
import { demoProviders, fakeConnection } from '../__testUtils__/demo';
import { LIVE_DETAIL_CYCLES } from '../ingestion/DetailMemo';

/** Calls of routes that name a resource besides the account: detail calls (a list of a namespace's AI Search instances excepted). */
function detailCalls(state: DemoAccountState): Record<string, number> {
  return Object.fromEntries(
    Object.entries(state.callCounts())
      .filter(
        ([route]) =>
          /:(?!account_id\b)[a-z_]+/.test(route) &&
          !route.endsWith('/ai-search/namespaces/:name/instances'),
      )
      .map(([route, n]) => [route.replace('GET /accounts/:account_id', ''), n]),
  );
}

/** The runs of acme-etl's workflow, whose newest run has not ended: read again every cycle. */
const RUNNING = { '/workflows/:workflow_name/instances': 1 };
const later = () => new Date(Date.now() + 60_000).toISOString();

async function steadyProvider() {
  const started = demoProviders();
  await started.provider.connect(fakeConnection());
  await started.schedule.runTask();
  const cycle = async () => {
    started.state.resetCalls();
    await started.schedule.runTask();
    return detailCalls(started.state);
  };
  return { ...started, cycle };
}

describe('CloudflareEntityProvider steady state', () => {
  it('reads lists only once every resource is read, in every area', async () => {
    const { cycle, state } = await steadyProvider();
    expect(await cycle()).toEqual(RUNNING);
    const lists = state.totalCalls();
    // The list pages of the 17 areas and the tags: the whole cost of a cycle where nothing changed.
    expect(lists).toBeLessThanOrEqual(40);
    expect(await cycle()).toEqual(RUNNING);
    expect(state.totalCalls()).toBe(lists);
  });

  it.each<[string, (s: DemoAccountState) => void, Record<string, number>]>([
    [
      "workers: a script's modified_on",
      s => {
        s.data.workers.scripts.find(w => w.id === 'acme-etl')!.modified_on =
          later();
      },
      {
        '/workers/scripts/:script_name/settings': 1,
        '/workers/scripts/:script_name/deployments': 1,
        '/workers/scripts/:script_name/versions': 1,
      },
    ],
    [
      "workflows: a workflow's modified_on",
      s => {
        s.data.workflows.workflows[2].workflow.modified_on = later();
      },
      {
        '/workflows/:workflow_name/versions': 1,
        '/workflows/:workflow_name/versions/:version_id/graph': 1,
      },
    ],
    [
      "workflows: a workflow's triggered_on",
      s => {
        s.data.workflows.workflows[2].workflow.triggered_on = later();
      },
      { '/workflows/:workflow_name/instances': 1 },
    ],
    [
      "secretsStore: a store's modified",
      s => {
        s.data.secretsStore.stores[0].modified = later();
      },
      {
        '/secrets_store/stores/:store_id': 1,
        '/secrets_store/stores/:store_id/secrets': 2,
      },
    ],
    [
      "aiGateway: a gateway's modified_at",
      s => {
        s.data.aiGateway.gateways[1].modified_at = later();
      },
      { '/ai-gateway/gateways/:gateway_id/provider_configs': 1 },
    ],
    [
      "vectorize: an index's modified_on",
      s => {
        s.data.vectorize.indexes[0].index.modified_on = later();
      },
      {
        '/vectorize/v2/indexes/:index_name': 1,
        '/vectorize/v2/indexes/:index_name/info': 1,
        '/vectorize/v2/indexes/:index_name/metadata_index/list': 1,
      },
    ],
    [
      "aiSearch: an instance's last_activity",
      s => {
        s.data.aiSearch.instances[0].instance.last_activity = later();
      },
      { '/ai-search/namespaces/:name/instances/:id/jobs': 1 },
    ],
  ])(
    'reads again exactly the details of the one resource whose change key moved (%s)',
    async (_what, change, expected) => {
      const { cycle, state } = await steadyProvider();
      change(state);
      const calls = await cycle();
      for (const [route, n] of Object.entries(RUNNING))
        calls[route] = (calls[route] ?? 0) - n;
      expect(
        Object.fromEntries(Object.entries(calls).filter(([, n]) => n > 0)),
      ).toEqual(expected);
    },
  );

  it(`reads live details (no change key) again after ${LIVE_DETAIL_CYCLES} cycles, spread over the next ${LIVE_DETAIL_CYCLES}`, async () => {
    const { cycle, logger } = await steadyProvider();
    const details = () =>
      Number(/(\d+) details read/.exec(logger.info.mock.calls.at(-1)![0])![1]);
    for (let c = 2; c <= LIVE_DETAIL_CYCLES; c++) {
      await cycle();
      expect(details()).toBe(1); // acme-etl's runs only
    }
    const spread: number[] = [];
    for (let c = 1; c <= LIVE_DETAIL_CYCLES; c++) {
      await cycle();
      spread.push(details() - 1);
    }
    // KV 5, D1 4, R2 6, Queues 6, Durable Objects 2 (counts, metrics), AI Gateway 4, Vectorize 4,
    // Secrets Store 1: each read once over the six cycles, at most a sixth of an area's a cycle.
    expect(spread.reduce((a, b) => a + b, 0)).toBe(32);
    expect(Math.max(...spread)).toBeLessThanOrEqual(8);
  });
});
