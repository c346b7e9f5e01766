import { SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import { useDemoAccount } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';
import {
  maskByPaths,
  secretsStoreMetadataSchema,
  secretsStoreRoutes,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { demoContext } from '../__testUtils__/areaContext';
import { expectNoCanary, failure } from '../__testUtils__/demo';
import { SecretsStoreApi } from './secretsStore';

/** `acme-account-secrets`: 24 secrets. */
const ACME_SECRETS_STORE_ID = '8f7e6d5c4b3a49281706f5e4d3c2b1a0';
const SECRETS =
  'GET /accounts/:account_id/secrets_store/stores/:store_id/secrets';

describe('SecretsStoreApi', () => {
  const demo = useDemoAccount();

  it('lists the stores with created and modified (a page and the empty page that ends the listing)', async () => {
    const ctx = demoContext();
    const stores = await new SecretsStoreApi(ctx).listStores();
    const [store] = demo.state.data.secretsStore.stores;
    expect(stores).toEqual([
      {
        id: ACME_SECRETS_STORE_ID,
        name: 'acme-account-secrets',
        created: store.created,
        modified: store.modified,
      },
    ]);
    expect(ctx.stats().callsByArea).toEqual({ secretsStore: 2 });
  });

  it("reads a store's metadata: counts by status and scope, quota, names; never a value", async () => {
    const ctx = demoContext();
    const meta = await new SecretsStoreApi(ctx).getMetadata(
      ACME_SECRETS_STORE_ID,
    );
    expect(secretsStoreMetadataSchema.parse(meta)).toEqual(meta);
    expect(meta).toMatchObject({
      id: ACME_SECRETS_STORE_ID,
      name: 'acme-account-secrets',
      secretCount: 24,
      complete: true,
      byStatus: { active: 23, pending: 1 },
      byScope: {
        workers: 19,
        ai_gateway: 2,
        containers: 2,
        access: 1,
        websearch: 1,
      },
      accountQuota: { limit: 100, usage: 24 },
    });
    // Newest change first.
    expect(meta.lastSecretModified).toBe(meta.secrets[0].modified);
    const stripe = meta.secrets.find(s => s.name === 'STRIPE_SECRET_KEY')!;
    expect(stripe).toEqual({
      id: expect.any(String),
      name: 'STRIPE_SECRET_KEY',
      status: 'active',
      scopes: ['workers'],
      comment: 'Payments API key',
      created: expect.any(String),
      modified: expect.any(String),
    });
    // The demo over-shares STRIPE_SECRET_KEY's value; a token pasted in SENDGRID_API_KEY's comment
    // is withheld too. Both are counted, neither leaves the client.
    const sendgrid = meta.secrets.find(s => s.name === 'SENDGRID_API_KEY')!;
    expect(sendgrid.commentWithheld).toBe(true);
    expect(sendgrid).not.toHaveProperty('comment');
    expectNoCanary(meta);
    expect(JSON.stringify(meta)).not.toContain(
      SECRET_CANARIES.secretsStoreValue,
    );
    expect(ctx.stats().redactionsByArea).toEqual({ secretsStore: 2 });
    // store, secrets (a page of 24 and the empty page), quota
    expect(ctx.stats().callsByArea).toEqual({ secretsStore: 4 });
    expect(demo.state.callCounts()).not.toHaveProperty(
      'GET /accounts/:account_id/secrets_store/stores/:store_id/secrets/:secret_id',
    );
  });

  it('masks comments by their wire path', () => {
    const item = maskByPaths(
      {
        secrets: [{ id: 'a', comment: 'Payments API key' }, { id: 'b' }],
      },
      secretsStoreRoutes.metadata.wire.sensitive,
      'masked',
    );
    expect(item.value.secrets[0].comment).toBe('[masked]');
    expect(item.masked).toEqual({ 'secrets[].comment': 1 });
  });

  it('counts secrets only within the call budget, and says so', async () => {
    const secrets = demo.state.data.secretsStore.secrets;
    const [first] = secrets[ACME_SECRETS_STORE_ID];
    secrets[ACME_SECRETS_STORE_ID] = Array.from({ length: 250 }, (_, i) => ({
      ...first,
      id: `${i.toString(16).padStart(8, '0')}${'0'.repeat(24)}`,
      name: `SERVICE_KEY_${i}`,
    }));
    const ctx = demoContext();
    const meta = await new SecretsStoreApi(ctx).getMetadata(
      ACME_SECRETS_STORE_ID,
      { secretPageCalls: 2, quota: false },
    );
    expect(meta.secretCount).toBe(200);
    expect(meta.complete).toBe(false);
    expect(meta).not.toHaveProperty('accountQuota');
    expect(demo.state.callCounts()[SECRETS]).toBe(2);
    const all = await new SecretsStoreApi(ctx).getMetadata(
      ACME_SECRETS_STORE_ID,
      {
        secretPageCalls: 5,
      },
    );
    expect([all.secretCount, all.complete]).toEqual([250, true]);
  });

  it('withholds a token-shaped secret name', async () => {
    const secret =
      demo.state.data.secretsStore.secrets[ACME_SECRETS_STORE_ID][1];
    secret.name = SECRET_CANARIES.kvTokenShapedValue;
    const ctx = demoContext();
    const meta = await new SecretsStoreApi(ctx).getMetadata(
      ACME_SECRETS_STORE_ID,
    );
    const withheld = meta.secrets.find(s => s.id === secret.id)!;
    expect(withheld.nameWithheld).toBe(true);
    expect(withheld).not.toHaveProperty('name');
    expectNoCanary(meta);
    expect(ctx.stats().redactionsByArea).toEqual({ secretsStore: 3 });
  });

  it('maps an unknown store to a not-found error', async () => {
    const err = await failure(
      new SecretsStoreApi(demoContext()).getMetadata('0'.repeat(32)),
    );
    expect(err.kind).toBe('not-found');
  });
});
