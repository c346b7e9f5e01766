import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ConfigReader } from '@backstage/config';
import {
  cloudflarePermissions,
  cloudflareReadPermissions,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import { CloudflarePermissionPolicy, readRoleGroups } from './policy';

// The spec's section 5 matrix, written out by hand so the test does not trust the implementation.
const FULL = 'all areas + evidence';
const expected: Record<string, (permission: string) => boolean> = {
  'group:default/security': () => true,
  'group:default/platform': p => p !== 'cloudflare.read.unmasked',
  'group:default/engineering': p =>
    p.startsWith('cloudflare.read.') &&
    ![
      'cloudflare.read.zerotrust',
      'cloudflare.read.secretsstore.meta',
      'cloudflare.read.unmasked',
    ].includes(p),
  'group:default/readers': p =>
    p.startsWith('cloudflare.read.') &&
    ![
      'cloudflare.read.zerotrust',
      'cloudflare.read.secretsstore.meta',
      'cloudflare.read.unmasked',
    ].includes(p),
  'group:default/strangers': () => false,
};

const userIn = (group: string): PolicyQueryUser =>
  ({
    credentials: {},
    info: { userEntityRef: 'user:default/x', ownershipEntityRefs: [group] },
  } as any);

function policy(config = {}, otherPermissions: 'allow' | 'deny' = 'allow') {
  return new CloudflarePermissionPolicy({
    roleGroups: readRoleGroups(new ConfigReader(config)),
    otherPermissions,
    ownershipRefs: async user => user.info.ownershipEntityRefs,
  });
}

describe('CloudflarePermissionPolicy', () => {
  it(`covers ${cloudflarePermissions.length} permissions (${FULL})`, () => {
    expect(cloudflarePermissions.map(p => p.name)).toEqual(
      expect.arrayContaining([
        'cloudflare.read.workers',
        'cloudflare.read.zerotrust',
        'cloudflare.read.secretsstore.meta',
        'cloudflare.read.unmasked',
        'cloudflare.export.evidence',
      ]),
    );
  });

  for (const [group, allows] of Object.entries(expected)) {
    for (const permission of cloudflarePermissions) {
      const want = allows(permission.name)
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY;
      it(`${group} ${want === AuthorizeResult.ALLOW ? 'may' : 'may not'} ${
        permission.name
      }`, async () => {
        await expect(
          policy().handle({ permission }, userIn(group)),
        ).resolves.toEqual({ result: want });
      });
    }
  }

  it('denies cloudflare permissions without a user', async () => {
    await expect(
      policy().handle({ permission: cloudflareReadPermissions.workers }),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it('applies otherPermissions to permissions outside the suite', async () => {
    const permission = {
      type: 'basic',
      name: 'catalog.entity.read',
      attributes: { action: 'read' },
    } as const;
    await expect(
      policy({}, 'allow').handle(
        { permission },
        userIn('group:default/strangers'),
      ),
    ).resolves.toEqual({
      result: AuthorizeResult.ALLOW,
    });
    await expect(
      policy({}, 'deny').handle(
        { permission },
        userIn('group:default/strangers'),
      ),
    ).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('maps roles to configured groups, case-insensitively', async () => {
    const p = policy({
      cloudflare: {
        permissionPolicy: { roles: { security: ['group:default/SecOps'] } },
      },
    });
    await expect(
      p.handle(
        { permission: cloudflareReadPermissions.zeroTrust },
        userIn('group:default/secops'),
      ),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    // The default group of a configured role no longer holds it.
    await expect(
      p.handle(
        { permission: cloudflareReadPermissions.zeroTrust },
        userIn('group:default/security'),
      ),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });
});
