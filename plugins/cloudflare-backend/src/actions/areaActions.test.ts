import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  CLOUDFLARE_ROUTES,
  cloudflareReadPermissions,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { ALL_SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import { ROUTE_EXAMPLES } from '../__fixtures__/routeExamples';
import { allPermissionsBut, useDemoBackend } from '../__testUtils__/harness';
import { withRegistry } from './__testUtils__/registry';
import { areaActionName, cloudflareAreaActions } from './areaActions';
import { inputJsonSchema } from './actionSchema';

jest.setTimeout(60_000);

const { demo, start } = useDemoBackend();
const tester = mockCredentials.user('user:default/tester');

const startWithRegistry = withRegistry(start);

const exampleOf = (id: string) => {
  const [area, op] = id.split('.');
  return (ROUTE_EXAMPLES as any)[area][op] as {
    params: [Record<string, string>];
    body?: unknown;
  };
};

describe('area actions', () => {
  it('registers one read-only action per route descriptor, visible with its area read permission', async () => {
    const { registry } = await startWithRegistry();
    const { actions } = await registry.list();
    const names = actions.map(a => a.name);
    expect(names).toEqual(
      expect.arrayContaining(CLOUDFLARE_ROUTES.map(areaActionName)),
    );
    expect(cloudflareAreaActions()).toHaveLength(CLOUDFLARE_ROUTES.length);
    for (const route of CLOUDFLARE_ROUTES) {
      const id = `test:${areaActionName(route)}`;
      const action = actions.find(a => a.id === id)!;
      expect(action.attributes).toEqual({
        readOnly: true,
        idempotent: true,
        destructive: false,
      });
      expect(registry.actions.get(id)!.visibilityPermission).toBe(
        cloudflareReadPermissions[route.area],
      );
    }
    expect(names).toEqual(
      expect.arrayContaining([
        'get-entity-cloudflare-posture',
        'export-evidence',
        'verify-evidence',
      ]),
    );
  });

  it("lists each action's input with the contract's parameters, query and body, and their rules", async () => {
    const { registry } = await startWithRegistry();
    const { actions } = await registry.list();
    for (const route of CLOUDFLARE_ROUTES) {
      const listed = actions.find(a => a.name === areaActionName(route))!.schema
        .input as any;
      const params = inputJsonSchema(route.params) as any;
      const query = inputJsonSchema(route.query) as any;
      const expected = {
        ...params.properties,
        ...query.properties,
        ...(route.body ? { body: inputJsonSchema(route.body) } : {}),
      };
      expect(Object.keys(listed.properties).sort()).toEqual(
        [...Object.keys(expected), 'view', 'account'].sort(),
      );
      expect([...(listed.required ?? [])].sort()).toEqual(
        [
          ...(params.required ?? []),
          ...(query.required ?? []),
          ...(route.body ? ['body'] : []),
        ].sort(),
      );
      for (const [key, schema] of Object.entries<any>(expected)) {
        for (const rule of [
          'pattern',
          'minimum',
          'maximum',
          'enum',
          'default',
        ]) {
          expect([route.id, key, rule, listed.properties[key][rule]]).toEqual([
            route.id,
            key,
            rule,
            schema[rule],
          ]);
        }
      }
    }
  });

  it('answers exactly what the route answers, for every route', async () => {
    const { registry, server } = await startWithRegistry();
    for (const route of CLOUDFLARE_ROUTES) {
      const example = exampleOf(route.id);
      const params = example.params[0];
      const path = route.path.replace(/:(\w+)/g, (_, k) => params[k]);
      const http =
        route.method === 'POST'
          ? await request(server)
              .post(`/api/cloudflare${path}`)
              .send(example.body as object)
          : await request(server).get(`/api/cloudflare${path}`);
      expect([route.id, http.status]).toEqual([route.id, 200]);
      const { output } = await registry.invoke({
        id: `test:${areaActionName(route)}`,
        input: {
          ...params,
          ...(example.body ? { body: example.body as any } : {}),
        },
        credentials: tester,
      });
      expect(output).toEqual(http.body);
      const text = JSON.stringify(output);
      for (const canary of ALL_SECRET_CANARIES) {
        expect(text).not.toContain(canary);
      }
    }
  });

  it("refuses a caller without the area's read permission with the route's 403, reading nothing", async () => {
    const { registry, server } = await startWithRegistry({
      allow: allPermissionsBut('cloudflare.read.kv'),
    });
    const http = await request(server).get('/api/cloudflare/v1/kv/namespaces');
    expect(http.status).toBe(403);
    await expect(
      registry.invoke({
        id: 'test:read-kv-namespaces',
        input: {},
        credentials: tester,
      }),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: http.body.error.message,
    });
    expect(demo.state.totalCalls()).toBe(0);
  });

  it('unmasks only with cloudflare.read.unmasked, audited with the calling user', async () => {
    const masked = await startWithRegistry({
      allow: allPermissionsBut('cloudflare.read.unmasked'),
    });
    await expect(
      masked.registry.invoke({
        id: 'test:read-zero-trust-users',
        input: { view: 'unmasked' },
        credentials: tester,
      }),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
    const { registry, audit } = await startWithRegistry();
    const { output } = await registry.invoke({
      id: 'test:read-zero-trust-users',
      input: { view: 'unmasked' },
      credentials: tester,
    });
    expect(output).toMatchObject({ view: 'unmasked', area: 'zeroTrust' });
    expect(audit).toContainEqual(
      expect.objectContaining({
        eventId: 'unmasked-read',
        status: 'initiated',
        meta: expect.objectContaining({
          queryType: 'zeroTrust.users',
          via: 'action',
          actor: 'user:default/tester',
        }),
      }),
    );
  });

  it('refuses bad input before any upstream call', async () => {
    const { registry } = await startWithRegistry();
    await expect(
      registry.invoke({
        id: 'test:read-kv-keys',
        input: { namespace: '../../etc' },
        credentials: tester,
      }),
    ).rejects.toMatchObject({ name: 'InputError' });
    expect(demo.state.totalCalls()).toBe(0);
  });
});
