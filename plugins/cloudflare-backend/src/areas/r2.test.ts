import request from 'supertest';
import { ConfigReader } from '@backstage/config';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import { plantCanaries } from '../__testUtils__/canaries';
import { useDemoBackend } from '../__testUtils__/harness';

/*
 * What only R2 routes do: buckets of every jurisdiction, lifecycle rules as the client reads them,
 * and a bucket outside the default jurisdiction only where asked. Permissions, both views, the 404,
 * bad inputs and secret canaries are checked for every route by ./index.test.ts.
 */

jest.setTimeout(60_000);

const { demo, config, start } = useDemoBackend();

const BUCKETS = '/api/cloudflare/v1/r2/buckets';
const lifecycle = (bucket: string, query = '') =>
  `/api/cloudflare/v1/r2/${bucket}/lifecycle${query}`;
const client = () => CloudflareClient.fromConfig(new ConfigReader(config()));

describe('R2 routes (the real client against the demo account)', () => {
  it('lists the buckets of every jurisdiction with their tags', async () => {
    const { server } = await start();
    const res = await request(server).get(BUCKETS);
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(
      res.body.items.map((b: any) => [b.name, b]),
    );
    expect(byName['acme-prod-artifacts']).toMatchObject({
      jurisdiction: 'default',
      location: 'enam',
      storageClass: 'Standard',
      tags: { 'data-class': 'regulated' },
    });
    expect(byName['acme-eu-customer-data'].jurisdiction).toBe('eu');
    expect(byName['acme-fedramp-ledger'].jurisdiction).toBe('fedramp');
    expect(res.body.items).toHaveLength(demo.state.data.r2.buckets.length);
  });

  it("answers a bucket's lifecycle and lock rules as the client reads them", async () => {
    const { server } = await start();
    const res = await request(server).get(lifecycle('acme-prod-artifacts'));
    expect(res.status).toBe(200);
    expect(res.body.item).toEqual(
      await client().r2.getLifecycle('acme-prod-artifacts'),
    );
    expect(res.body.item.rules[0].expiration).toEqual({ afterDays: 180 });
    const none = await request(server).get(lifecycle('acme-regulated-exports'));
    expect(none.body.item).toMatchObject({ rules: [], lockRules: [] });
  });

  it('reads a bucket outside the default jurisdiction only where ?jurisdiction= says', async () => {
    const { server } = await start();
    const eu = await request(server).get(
      lifecycle('acme-eu-customer-data', '?jurisdiction=eu'),
    );
    expect(eu.status).toBe(200);
    expect(eu.body.item).toMatchObject({
      bucket: 'acme-eu-customer-data',
      jurisdiction: 'eu',
      rules: [{ id: 'retain-365-days', expiration: { afterDays: 365 } }],
    });
    const wrong = await request(server).get(lifecycle('acme-eu-customer-data'));
    expect(wrong.status).toBe(404);
    expect(wrong.body.error).toEqual(
      expect.objectContaining({
        name: 'NotFoundError',
        message:
          "R2 bucket 'acme-eu-customer-data' (jurisdiction default) was not found in the Cloudflare account",
      }),
    );
  });

  it('drops a tag whose value looks like a token, key and all', async () => {
    const { undo } = plantCanaries(demo.state, 'r2');
    try {
      const { server } = await start();
      const res = await request(server).get(`${BUCKETS}?view=unmasked`);
      const assets = res.body.items.find(
        (b: any) => b.name === 'acme-static-assets',
      );
      expect(assets.tags).toEqual({});
    } finally {
      undo();
    }
  });
});
