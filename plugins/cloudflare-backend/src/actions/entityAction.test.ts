import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ALL_SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import {
  productionComponent,
  resourceEntity,
} from '../acceptance/__fixtures__/demoCatalog';
import { allPermissionsBut, useDemoBackend } from '../__testUtils__/harness';
import { withRegistry } from './__testUtils__/registry';

jest.setTimeout(60_000);

const { demo, start } = useDemoBackend();
const startWithRegistry = withRegistry(start);
const tester = mockCredentials.user('user:default/tester');
const ACTION = 'test:get-entity-cloudflare-posture';

/** `acme-api` (titled "ACME API") depending on an R2 bucket and a Secrets Store. */
function catalog() {
  const { account, secretsStore } = demo.state.data;
  const r2 = resourceEntity(account.id, 'r2', 'acme-prod-artifacts');
  const store = resourceEntity(
    account.id,
    'secretsStore',
    secretsStore.stores[0].id,
  );
  const component = productionComponent('acme-api', [
    `resource:default/${r2.metadata.name}`,
    `resource:default/${store.metadata.name}`,
  ]);
  component.metadata.title = 'ACME API';
  return {
    r2,
    entities: [r2, store, component],
  };
}

async function posture(entity: string, allow = allPermissionsBut()) {
  const { entities } = catalog();
  const { registry } = await startWithRegistry({
    allow,
    features: [catalogServiceMock.factory({ entities })],
  });
  const { output } = await registry.invoke({
    id: ACTION,
    input: { entity },
    credentials: tester,
  });
  return output as any;
}

describe('get-entity-cloudflare-posture', () => {
  it("answers a Component's resources, reading only the areas the caller may read", async () => {
    const out = await posture(
      'ACME API',
      allPermissionsBut('cloudflare.read.secretsstore.meta'),
    );
    expect(out.entity).toEqual({
      ref: 'component:default/acme-api',
      title: 'ACME API',
    });
    const byArea = Object.fromEntries(
      out.resources.map((r: any) => [r.area, r]),
    );
    expect(byArea.r2).toMatchObject({
      readable: true,
      read: 'cloudflare.read-r2-buckets',
      values: [expect.objectContaining({ name: 'acme-prod-artifacts' })],
    });
    expect(byArea.secretsStore).toEqual({
      ref: expect.stringMatching(/^resource:default\/cf-secrets-store-/),
      title: expect.any(String),
      area: 'secretsStore',
      readable: false,
      reason: 'needs cloudflare.read.secretsstore.meta',
      checks: expect.any(Object),
    });
    // Only the R2 listing was read; the Secrets Store was not called.
    expect(
      Object.keys(demo.state.callCounts()).filter(r => /secrets_store/.test(r)),
    ).toEqual([]);
    expect(
      Object.keys(demo.state.callCounts()).some(r => /r2\/buckets/.test(r)),
    ).toBe(true);
    // No Tech Insights in this backend: a reason, not an error.
    expect(out.checks).toEqual({
      unavailable: expect.stringMatching(/^Tech Insights /),
    });
    const text = JSON.stringify(out);
    for (const canary of ALL_SECRET_CANARIES)
      expect(text).not.toContain(canary);
  });

  it('finds the entity by ref and by name, and a Resource is its own resource', async () => {
    expect((await posture('component:default/acme-api')).entity.ref).toBe(
      'component:default/acme-api',
    );
    expect((await posture('acme-api')).entity.ref).toBe(
      'component:default/acme-api',
    );
    const { r2 } = catalog();
    const own = await posture(`resource:default/${r2.metadata.name}`);
    expect(own.resources.map((r: any) => r.area)).toEqual(['r2']);
  });

  it('answers 404 for an entity the catalog does not hold', async () => {
    const { entities } = catalog();
    const { registry } = await startWithRegistry({
      features: [catalogServiceMock.factory({ entities })],
    });
    await expect(
      registry.invoke({
        id: ACTION,
        input: { entity: 'no-such-thing' },
        credentials: tester,
      }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});
