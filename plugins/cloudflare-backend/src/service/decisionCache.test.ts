import request from 'supertest';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { cloudflareReadPermissions } from '@cloudflare-backstage/plugin-cloudflare-common';
import { useDemoBackend } from '../__testUtils__/harness';
import { PermissionDecisionCache, principalKey } from './decisionCache';

jest.setTimeout(60_000);

const { start } = useDemoBackend();

/** A permission service answering `result`, counting its round trips. */
function permissionsAnswering(result: AuthorizeResult) {
  return mockServices.permissions.mock({
    authorize: jest.fn(async (requests: any[]) =>
      requests.map(() => ({ result })),
    ) as any,
  });
}

const alice = mockCredentials.user('user:default/alice');
const bob = mockCredentials.user('user:default/bob');
const KV = [cloudflareReadPermissions.kv];

describe('PermissionDecisionCache', () => {
  it('asks once per principal and permissions within its seconds, then again', async () => {
    let now = 0;
    const cache = new PermissionDecisionCache({
      ttlSeconds: 5,
      now: () => now,
    });
    const permissions = permissionsAnswering(AuthorizeResult.ALLOW);
    await cache.authorize(permissions, alice, KV);
    await cache.authorize(permissions, alice, KV);
    expect(permissions.authorize).toHaveBeenCalledTimes(1);
    await cache.authorize(permissions, bob, KV);
    await cache.authorize(permissions, alice, [cloudflareReadPermissions.r2]);
    expect(permissions.authorize).toHaveBeenCalledTimes(3);
    now += 5_000;
    await cache.authorize(permissions, alice, KV);
    expect(permissions.authorize).toHaveBeenCalledTimes(4);
    expect(cache.stats).toEqual({ hits: 1, calls: 4 });
  });

  it('keeps a DENY as it was answered, and shares one round trip among concurrent checks', async () => {
    const cache = new PermissionDecisionCache({ ttlSeconds: 5 });
    const permissions = permissionsAnswering(AuthorizeResult.DENY);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => cache.authorize(permissions, alice, KV)),
    );
    expect(results.flat().every(r => r === AuthorizeResult.DENY)).toBe(true);
    expect(permissions.authorize).toHaveBeenCalledTimes(1);
  });

  it('never keeps a decision when off, or for no principal', async () => {
    const permissions = permissionsAnswering(AuthorizeResult.ALLOW);
    const off = new PermissionDecisionCache({ ttlSeconds: 0 });
    await off.authorize(permissions, alice, KV);
    await off.authorize(permissions, alice, KV);
    const on = new PermissionDecisionCache({ ttlSeconds: 5 });
    await on.authorize(permissions, mockCredentials.none(), KV);
    await on.authorize(permissions, mockCredentials.none(), KV);
    expect(permissions.authorize).toHaveBeenCalledTimes(4);
  });

  it('tells a user apart from a service acting for it', () => {
    expect(principalKey(alice)).not.toEqual(
      principalKey(
        mockCredentials.user('user:default/alice', {
          actor: { subject: 'plugin:mcp-actions' },
        } as any),
      ),
    );
    expect(principalKey(mockCredentials.service('plugin:a'))).not.toEqual(
      principalKey(mockCredentials.service('plugin:b')),
    );
  });
});

describe('read routes with the decision cache', () => {
  it('authorize masked reads once per few seconds per user, and the unmasked view every time', async () => {
    const { server, permissions } = await start();
    for (let i = 0; i < 3; i++) {
      expect(
        (await request(server).get('/api/cloudflare/v1/kv/namespaces')).status,
      ).toBe(200);
    }
    expect(permissions.authorize).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 2; i++) {
      await request(server).get(
        '/api/cloudflare/v1/kv/namespaces?view=unmasked',
      );
    }
    expect(permissions.authorize).toHaveBeenCalledTimes(3);
  });

  it('asks every time with cloudflare.permissions.decisionCacheSeconds: 0', async () => {
    const { server, permissions } = await start({
      cloudflare: { permissions: { decisionCacheSeconds: 0 } },
    });
    for (let i = 0; i < 3; i++) {
      await request(server).get('/api/cloudflare/v1/kv/namespaces');
    }
    expect(permissions.authorize).toHaveBeenCalledTimes(3);
    await expect(
      start({ cloudflare: { permissions: { decisionCacheSeconds: 31 } } }),
    ).rejects.toThrow(/cloudflare.permissions.decisionCacheSeconds/);
  });
});
