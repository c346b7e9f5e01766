import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { CloudflarePermissionPolicy, readRoleGroups } from './policy';

/**
 * Installs {@link CloudflarePermissionPolicy} as the permission backend's policy.
 *
 * @public
 */
export const permissionModuleCloudflarePolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'cloudflare-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, config, userInfo }) {
        policy.setPolicy(
          new CloudflarePermissionPolicy({
            roleGroups: readRoleGroups(config),
            otherPermissions:
              config.getOptionalString(
                'cloudflare.permissionPolicy.otherPermissions',
              ) === 'deny'
                ? 'deny'
                : 'allow',
            ownershipRefs: async user =>
              (await userInfo.getUserInfo(user.credentials))
                .ownershipEntityRefs,
          }),
        );
      },
    });
  },
});
