import { ConfigReader } from '@backstage/config';
import {
  DEMO_ACCOUNT_ID,
  DEMO_API_TOKEN,
  DemoFault,
  parseFault,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { DeferredEntity } from '@backstage/plugin-catalog-node';
import {
  TEST_BASE_URL,
  demoProviders,
  demoState,
  fakeConnection,
} from '../__testUtils__/demo';
import { ALL_NAMES } from '../__testUtils__/demoEntityNames';

/** Short timeout, so the stall-body knob ends each faulted run quickly; no retries. */
const config = new ConfigReader({
  cloudflare: {
    accountId: DEMO_ACCOUNT_ID,
    apiToken: DEMO_API_TOKEN,
    apiBaseUrl: TEST_BASE_URL,
    fetch: { maxRetries: 0, timeoutMs: 300 },
  },
});

/** The list routes the provider reads, per area (Zero Trust reads only the Access applications). */
const LIST_ROUTES = [
  '/workers/scripts',
  '/pages/projects',
  '/access/apps',
  '/storage/kv/namespaces',
  '/d1/database',
  '/ai-gateway/gateways',
  '/vectorize/v2/indexes',
  '/ai-search/namespaces',
  '/queues',
  '/workflows',
  '/secrets_store/stores',
  '/hyperdrive/configs',
  '/containers/applications',
];

/** Knobs that hit every list route; `short-page` only where Cloudflare gives totals (not scripts, not KV). */
const CASES: Array<[string, string]> = [
  ...['html-200', 'success-false-200', 'result-null', 'stall-body'].flatMap(
    knob => LIST_ROUTES.map((route): [string, string] => [knob, route]),
  ),
  ...LIST_ROUTES.slice(1, 3).map((route): [string, string] => [
    'short-page:1',
    route,
  ]),
  // A bare array (no envelope whose result could be null): the other knobs.
  ...['html-200', 'success-false-200', 'stall-body'].map(
    (knob): [string, string] => [knob, '/browser-rendering/devtools/session'],
  ),
];

function setup(grow?: (state: ReturnType<typeof demoState>) => void) {
  const state = demoState();
  grow?.(state);
  return demoProviders({ config, state });
}

type Mutation = {
  type: string;
  entities?: DeferredEntity[];
  removed?: unknown[];
};

/** Runs once healthy, once with the fault; asserts the catalog keeps every entity, unchanged. */
async function keepsEveryEntity(
  route: string,
  fault: DemoFault,
  grow?: (state: ReturnType<typeof demoState>) => void,
) {
  const { state, schedule, provider, logger } = setup(grow);
  const connection = fakeConnection();
  await provider.connect(connection);
  await schedule.runTask();
  expect(connection.applyMutation).toHaveBeenCalledTimes(1);
  const healthy = connection.applyMutation.mock.calls[0][0] as Mutation;
  expect(healthy.type).toBe('full');

  state.addFault({ route, fault });
  await schedule.runTask();
  const calls = connection.applyMutation.mock.calls;
  const last = calls[calls.length - 1][0] as Mutation;
  if (calls.length > 1 && last.type === 'full') {
    expect(last.entities).toEqual(healthy.entities);
  } else if (calls.length > 1) {
    expect(last.removed ?? []).toEqual([]);
  }
  expect(logger.warn).toHaveBeenCalledWith(
    expect.stringMatching(/keeping its \d+ entit/),
  );
  return healthy;
}

describe('CloudflareEntityProvider keeps every entity through Cloudflare faults', () => {
  it.each(CASES)('%s on %s', async (knob, route) => {
    const healthy = await keepsEveryEntity(route, parseFault(knob)!);
    expect(healthy.entities!.length).toBe(ALL_NAMES.length);
  });

  it('short-page on page 2 of Pages projects (12 projects, 10 per page)', async () => {
    const healthy = await keepsEveryEntity(
      '/pages/projects',
      { kind: 'short-page', page: 2 },
      state => {
        const [first] = state.data.pages.projects;
        for (let i = 0; i < 9; i++)
          state.data.pages.projects.push({
            ...first,
            id: `${first.id.slice(0, -2)}${String(i).padStart(2, '0')}`,
            name: `acme-extra-${i}`,
          });
      },
    );
    expect(
      healthy.entities!.filter(e => e.entity.spec?.type === 'cloudflare-pages'),
    ).toHaveLength(12);
  });
});
