import {
  startTestBackend,
  mockServices,
  mockCredentials,
} from '@backstage/backend-test-utils';
import {
  createBackendPlugin,
  coreServices,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { cloudflareReadPermissions } from '@cloudflare-backstage/plugin-cloudflare-common';
import { PermissionPolicy } from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { permissionModuleCloudflarePolicy } from './module';

describe('permissionModuleCloudflarePolicy', () => {
  it('sets the policy, resolving groups through the user info service', async () => {
    let installed: PermissionPolicy | undefined;
    const fakePermissionPlugin = createBackendPlugin({
      pluginId: 'permission',
      register(reg) {
        reg.registerExtensionPoint(policyExtensionPoint, {
          setPolicy: p => {
            installed = p;
          },
        });
        reg.registerInit({
          deps: { logger: coreServices.logger },
          async init() {},
        });
      },
    });
    await startTestBackend({
      features: [
        fakePermissionPlugin,
        permissionModuleCloudflarePolicy,
        mockServices.userInfo.mock({
          getUserInfo: async () => ({
            userEntityRef: 'user:default/eve',
            ownershipEntityRefs: [
              'user:default/eve',
              'group:default/engineering',
            ],
          }),
        }).factory,
      ],
    });
    const user = {
      credentials: mockCredentials.user('user:default/eve'),
    } as any;
    await expect(
      installed!.handle(
        { permission: cloudflareReadPermissions.workers },
        user,
      ),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    await expect(
      installed!.handle(
        { permission: cloudflareReadPermissions.zeroTrust },
        user,
      ),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });
});
