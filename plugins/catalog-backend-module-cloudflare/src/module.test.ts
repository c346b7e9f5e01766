import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import {
  DEMO_ACCOUNT_ID,
  DEMO_API_TOKEN,
} from '@cloudflare-backstage/cloudflare-demo-account';
import catalogModuleCloudflare from '.';
import { CloudflareAnnotationProcessor } from './processors/CloudflareAnnotationProcessor';

describe('catalogModuleCloudflare', () => {
  async function start(config: object) {
    const extensionPoint = {
      addEntityProvider: jest.fn(),
      addProcessor: jest.fn(),
    };
    await startTestBackend({
      extensionPoints: [[catalogProcessingExtensionPoint, extensionPoint]],
      features: [
        catalogModuleCloudflare,
        mockServices.rootConfig.factory({ data: config }),
      ],
    });
    return extensionPoint;
  }

  it('registers one provider per account and the annotation processor', async () => {
    const ep = await start({
      cloudflare: {
        accountId: DEMO_ACCOUNT_ID,
        apiToken: DEMO_API_TOKEN,
        apiBaseUrl: 'https://api.cloudflare.test/client/v4',
      },
    });
    expect(ep.addEntityProvider).toHaveBeenCalledTimes(1);
    const providers = ep.addEntityProvider.mock.calls[0][0];
    expect(
      providers.map((p: { getProviderName(): string }) => p.getProviderName()),
    ).toEqual(['cloudflare-provider:default']);
    expect(ep.addProcessor).toHaveBeenCalledWith(
      expect.any(CloudflareAnnotationProcessor),
    );
  });

  it('registers one provider per account of the clients service, named by its config id', async () => {
    const entry = (id: string, accountId: string) => ({
      id,
      accountId,
      apiToken: DEMO_API_TOKEN,
      apiBaseUrl: 'https://api.cloudflare.test/client/v4',
    });
    const ep = await start({
      cloudflare: {
        accounts: [
          entry('prod', DEMO_ACCOUNT_ID),
          entry('eu', 'aaaabbbbccccddddeeeeffff00001111'),
        ],
      },
    });
    const providers = ep.addEntityProvider.mock.calls[0][0];
    expect(
      providers.map((p: { getProviderName(): string }) => p.getProviderName()),
    ).toEqual(['cloudflare-provider:prod', 'cloudflare-provider:eu']);
  });

  it('registers no provider without Cloudflare config, but still the processor', async () => {
    const ep = await start({});
    expect(ep.addEntityProvider).toHaveBeenCalledWith([]);
    expect(ep.addProcessor).toHaveBeenCalledTimes(1);
  });

  it('fails start-up on invalid config, naming the key', async () => {
    await expect(
      start({ cloudflare: { accountId: 'nope', apiToken: DEMO_API_TOKEN } }),
    ).rejects.toThrow(/cloudflare\.accountId/);
  });

  it('fails start-up when two account entries name one account', async () => {
    const entry = (id: string) => ({
      id,
      accountId: DEMO_ACCOUNT_ID,
      apiToken: DEMO_API_TOKEN,
    });
    await expect(
      start({ cloudflare: { accounts: [entry('a'), entry('b')] } }),
    ).rejects.toThrow(
      `names account ${DEMO_ACCOUNT_ID} as cloudflare.accounts[0] does`,
    );
  });
});
