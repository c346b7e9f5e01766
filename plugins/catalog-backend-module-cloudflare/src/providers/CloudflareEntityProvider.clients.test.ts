import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import {
  DemoAccountState,
  createDemoAccounts,
  demoApiTokenFor,
  pickDemoAccount,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { demoFetch } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';
import { createCloudflareClientsService } from '@cloudflare-backstage/plugin-cloudflare-node';
import {
  FakeTaskRunner,
  TEST_BASE_URL,
  fakeConnection,
} from '../__testUtils__/demo';
import { names } from '../__testUtils__/demoEntityNames';
import { CloudflareEntityProvider } from './CloudflareEntityProvider';

jest.setTimeout(60_000);

/** One `fetch` for several demo accounts: by the account id in the path, else by the token. */
function accountsFetch(states: DemoAccountState[]): typeof fetch {
  const fetches = new Map(states.map(s => [s, demoFetch(s)]));
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const state = pickDemoAccount(
      states,
      new URL(request.url).pathname,
      request.headers.get('authorization') ?? undefined,
    );
    return fetches.get(state)!(request);
  }) as typeof fetch;
}

describe('CloudflareEntityProvider over the clients service', () => {
  it("makes one provider per account of the service, each reading through that account's shared client, with unique entity names", async () => {
    const states = createDemoAccounts({ count: 2, resources: 150 });
    const config = new ConfigReader({
      cloudflare: {
        fetch: { maxRetries: 0 },
        accounts: states.map((s, i) => ({
          id: ['prod', 'eu'][i],
          accountId: s.data.account.id,
          apiToken: demoApiTokenFor(s.data.account.id),
          apiBaseUrl: TEST_BASE_URL,
        })),
      },
    });
    const clients = createCloudflareClientsService({
      config,
      logger: mockServices.logger.mock(),
      fetch: accountsFetch(states),
    });
    const schedule = new FakeTaskRunner();
    const providers = CloudflareEntityProvider.fromConfig(config, {
      logger: mockServices.logger.mock(),
      schedule,
      clients,
    });
    expect(providers.map(p => p.getProviderName())).toEqual([
      'cloudflare-provider:prod',
      'cloudflare-provider:eu',
    ]);
    const connections = providers.map(() => fakeConnection());
    for (const [i, p] of providers.entries()) await p.connect(connections[i]);
    await schedule.runTask('cloudflare-provider:prod:refresh');
    await schedule.runTask('cloudflare-provider:eu:refresh');

    // Each provider spent its own account's client: the service's counters say so.
    for (const [i, id] of ['prod', 'eu'].entries()) {
      expect(clients.get(id).client.stats().calls).toBe(states[i].totalCalls());
      expect(states[i].totalCalls()).toBeGreaterThan(50);
    }
    const [prod, eu] = connections.map(c =>
      names(c.applyMutation.mock.calls[0][0]),
    );
    expect(prod.length).toBeGreaterThan(80);
    expect(eu.length).toBeGreaterThan(80);
    expect(prod.filter(n => eu.includes(n))).toEqual([]);
    expect(
      connections[1].applyMutation.mock.calls[0][0].entities[0].locationKey,
    ).toBe(`cloudflare:${states[1].data.account.id}`);
  });
});
