import {
  createBackendModule,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  DEMO_ACCOUNT_ID,
  DEMO_API_TOKEN,
} from '@cloudflare-backstage/cloudflare-demo-account';
import {
  DEMO_TEST_BASE_URL,
  useDemoAccount,
} from '@cloudflare-backstage/cloudflare-demo-account/testUtils';
import { cloudflareClientsServiceRef } from './cloudflareClientsServiceRef';
import type { CloudflareClientsService } from './types';

/** A plugin and a module of another plugin, each keeping the service it was given. */
function consumers() {
  const seen: CloudflareClientsService[] = [];
  const capture = {
    deps: { clients: cloudflareClientsServiceRef },
    async init({ clients }: { clients: CloudflareClientsService }) {
      seen.push(clients);
    },
  };
  const plugin = createBackendPlugin({
    pluginId: 'probe',
    register: reg => reg.registerInit(capture),
  });
  const module = createBackendModule({
    pluginId: 'other',
    moduleId: 'probe',
    register: reg => reg.registerInit(capture),
  });
  const other = createBackendPlugin({
    pluginId: 'other',
    register(reg) {
      reg.registerInit({ deps: {}, async init() {} });
    },
  });
  return { seen, features: [plugin, other, module] };
}

describe('cloudflareClientsServiceRef', () => {
  const demo = useDemoAccount();

  it('gives every plugin of the backend the same clients, from the root config', async () => {
    const { seen, features } = consumers();
    await startTestBackend({
      features: [
        ...features,
        mockServices.rootConfig.factory({
          data: {
            cloudflare: {
              accountId: DEMO_ACCOUNT_ID,
              apiToken: DEMO_API_TOKEN,
              apiBaseUrl: DEMO_TEST_BASE_URL,
            },
          },
        }),
      ],
    });
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(seen[1]);
    const { client } = seen[0].get();
    expect(client.accountId).toBe(DEMO_ACCOUNT_ID);

    // a call made through one plugin's client shows in the other's health
    await client.tokens.listAccountTokens();
    const sent = demo.state.totalCalls();
    expect(sent).toBeGreaterThan(0);
    expect(seen[1].health()[0]).toMatchObject({
      id: 'default',
      calls: sent,
      budget: { spent: sent },
    });
  });

  it('fails the start-up on invalid configuration, naming the key', async () => {
    const { features } = consumers();
    await expect(
      startTestBackend({
        features: [
          ...features,
          mockServices.rootConfig.factory({
            data: {
              cloudflare: {
                accountId: 'not-an-account-id',
                apiToken: DEMO_API_TOKEN,
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(/cloudflare\.accountId/);
  });
});
