import request from 'supertest';
import { ConfigReader } from '@backstage/config';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import { SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import { SECRETS_STORE_ACME } from '../__fixtures__/routeExamples';
import { useDemoBackend } from '../__testUtils__/harness';

/*
 * What only Secrets Store routes do: metadata with comments masked, and no secret value whatever
 * the caller holds. Permissions, both views, the 404, bad inputs and secret canaries are checked
 * for every route by ./index.test.ts.
 */

jest.setTimeout(60_000);

const { demo, config, start } = useDemoBackend();

const STORES = '/api/cloudflare/v1/secrets-store/stores';
const METADATA = `/api/cloudflare/v1/secrets-store/${SECRETS_STORE_ACME}/metadata`;
const SECRET_DETAIL =
  'GET /accounts/:account_id/secrets_store/stores/:store_id/secrets/:secret_id';
const client = () => CloudflareClient.fromConfig(new ConfigReader(config()));
const secretNamed = (body: any, name: string) =>
  body.item.secrets.find((s: any) => s.name === name);

describe('Secrets Store routes (the real client against the demo account)', () => {
  it("lists the client's stores", async () => {
    const { server } = await start({
      allow: ['cloudflare.read.secretsstore.meta'],
    });
    const res = await request(server).get(STORES);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual(await client().secretsStore.listStores());
    expect(res.body.items.map((s: any) => s.name)).toEqual([
      'acme-account-secrets',
    ]);
  });

  it('answers counts and names with comments masked, and never a value, even unmasked', async () => {
    const { server, audit } = await start();
    const masked = await request(server).get(METADATA);
    expect(masked.status).toBe(200);
    expect(masked.body.item).toMatchObject({
      secretCount: 24,
      complete: true,
      byStatus: { active: 23, pending: 1 },
      accountQuota: { limit: 100, usage: 24 },
    });
    expect(secretNamed(masked.body, 'STRIPE_SECRET_KEY').comment).toBe(
      '[masked]',
    );
    // Two comments in the demo are kept and masked; the third held a token and never left the client.
    expect(masked.body.masked).toEqual({ 'secrets[].comment': 2 });

    const clear = await request(server).get(`${METADATA}?view=unmasked`);
    expect(clear.body).toMatchObject({ view: 'unmasked', masked: {} });
    expect(secretNamed(clear.body, 'STRIPE_SECRET_KEY').comment).toBe(
      'Payments API key',
    );
    const sendgrid = secretNamed(clear.body, 'SENDGRID_API_KEY');
    expect(sendgrid.commentWithheld).toBe(true);
    expect(sendgrid).not.toHaveProperty('comment');
    expect(audit.map(a => `${a.eventId}:${a.status}`)).toEqual([
      'unmasked-read:initiated',
      'unmasked-read:succeeded',
    ]);
    for (const body of [masked.text, clear.text]) {
      expect(body).not.toContain(SECRET_CANARIES.secretsStoreValue);
      expect(body).not.toContain(SECRET_CANARIES.secretsStoreComment);
      expect(body).not.toContain('"value"');
    }
    // A secret's own read is never made: the list carries every field the suite shows.
    expect(demo.state.callCounts()).not.toHaveProperty(SECRET_DETAIL);
  });
});
