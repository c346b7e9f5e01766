import Cloudflare from 'cloudflare';
import { sdk, useDemoAccount } from '../__testUtils__/sdk';
import { SECRET_CANARIES } from '../canaries';
import {
  generateSecretsStoreData,
  ACME_SECRETS_STORE_ID,
} from '../fixtures/secretsStore';
import { createRng } from '../rng';

describe('Secrets Store area', () => {
  const demo = useDemoAccount();
  const account_id = demo.account_id;

  it('lists the store with created/modified', async () => {
    const stores = [];
    for await (const s of sdk().secretsStore.stores.list({ account_id }))
      stores.push(s);
    expect(stores).toEqual([
      {
        id: ACME_SECRETS_STORE_ID,
        name: 'acme-account-secrets',
        account_id,
        created: expect.any(String),
        modified: expect.any(String),
      },
    ]);
  });

  it('pages secrets and filters by search and scope', async () => {
    const secrets = [];
    for await (const s of sdk().secretsStore.stores.secrets.list(
      ACME_SECRETS_STORE_ID,
      { account_id, per_page: 10 },
    )) {
      secrets.push(s);
    }
    expect(secrets).toHaveLength(24);
    expect(secrets[0]).toMatchObject({
      name: 'STRIPE_SECRET_KEY',
      status: 'active',
      scopes: ['workers'],
      store_id: ACME_SECRETS_STORE_ID,
    });
    const ai = await sdk().secretsStore.stores.secrets.list(
      ACME_SECRETS_STORE_ID,
      { account_id, scopes: ['ai_gateway'] },
    );
    expect(ai.result.map(s => s.name)).toEqual([
      'OPENAI_API_KEY',
      'ANTHROPIC_API_KEY',
    ]);
    const search = await sdk().secretsStore.stores.secrets.list(
      ACME_SECRETS_STORE_ID,
      { account_id, search: 'okta' },
    );
    expect(search.result.map(s => s.name)).toEqual(['OKTA_CLIENT_SECRET']);
  });

  it('reads a secret (the demo over-shares one value) and the quota', async () => {
    const [first] = (
      await sdk().secretsStore.stores.secrets.list(ACME_SECRETS_STORE_ID, {
        account_id,
      })
    ).result;
    const secret = await sdk().secretsStore.stores.secrets.get(first.id, {
      account_id,
      store_id: ACME_SECRETS_STORE_ID,
    });
    expect(JSON.stringify(secret)).toContain(SECRET_CANARIES.secretsStoreValue);
    const quota = await sdk().secretsStore.quota.get({ account_id });
    expect(quota).toEqual({ secrets: { quota: 100, usage: 24 } });
  });

  it("reads a store by id (its own read), and holds a token in SENDGRID_API_KEY's comment", async () => {
    const store = await sdk().secretsStore.stores.get(ACME_SECRETS_STORE_ID, {
      account_id,
    });
    expect(store).toMatchObject({
      id: ACME_SECRETS_STORE_ID,
      name: 'acme-account-secrets',
    });
    await expect(
      sdk().secretsStore.stores.get('0'.repeat(32), { account_id }),
    ).rejects.toBeInstanceOf(Cloudflare.NotFoundError);
    const sendgrid = await sdk().secretsStore.stores.secrets.list(
      ACME_SECRETS_STORE_ID,
      { account_id, search: 'sendgrid' },
    );
    expect(sendgrid.result[0].comment).toContain(
      SECRET_CANARIES.secretsStoreComment,
    );
  });

  it('answers an unknown secret with NotFoundError', async () => {
    await expect(
      sdk().secretsStore.stores.secrets.get('nope', {
        account_id,
        store_id: ACME_SECRETS_STORE_ID,
      }),
    ).rejects.toBeInstanceOf(Cloudflare.NotFoundError);
  });

  it('generates scale-mode data deterministically from the seed', () => {
    const first = generateSecretsStoreData(createRng(7), 40);
    const second = generateSecretsStoreData(createRng(7), 40);
    const [store] = first.stores;
    expect(first.secrets[store.id]).toHaveLength(40);
    expect(first.secrets[store.id].map(s => s.id)).toEqual(
      second.secrets[second.stores[0].id].map(s => s.id),
    );
    expect(first.quota.secrets.usage).toBe(40);
  });
});
