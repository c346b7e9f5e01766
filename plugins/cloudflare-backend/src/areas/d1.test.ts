import request from 'supertest';
import { ConfigReader } from '@backstage/config';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import { D1_CORE } from '../__fixtures__/routeExamples';
import { useDemoBackend } from '../__testUtils__/harness';

/*
 * What only D1 routes do: they answer the client's values (whose fields the client's tests pin)
 * unchanged. Permissions, both views, the 404, bad inputs and secret canaries are checked for every
 * route by ./index.test.ts.
 */

jest.setTimeout(60_000);

const { demo, config, start } = useDemoBackend();

const DATABASES = '/api/cloudflare/v1/d1/databases';
const METADATA = `/api/cloudflare/v1/d1/${D1_CORE}/metadata`;
const client = () => CloudflareClient.fromConfig(new ConfigReader(config()));

describe('D1 routes (the real client against the demo account)', () => {
  it("lists the client's databases, with tags and without size", async () => {
    const { server } = await start();
    const res = await request(server).get(DATABASES);
    expect(res.body.items).toEqual(await client().d1.listDatabases());
    expect(res.body.items.map((d: any) => d.name)).toEqual([
      'acme-core',
      'acme-sessions-db',
      'acme-audit-eu',
      'acme-analytics-staging',
    ]);
    expect(res.body.items[0].tags).toEqual({
      'backstage-owner': 'platform',
      'backstage-system': 'acme-org',
    });
    expect(res.body.items[0]).not.toHaveProperty('fileSize');
  });

  it("answers the client's metadata, with the account's Time Travel bookmark", async () => {
    const { server } = await start();
    const res = await request(server).get(METADATA);
    expect(res.status).toBe(200);
    expect(res.body.item).toEqual({
      ...(await client().d1.getMetadata(D1_CORE)),
      bookmarkReadAt: expect.any(String),
    });
    expect(res.body.item).toMatchObject({
      fileSize: 412_123_136,
      readReplication: 'auto',
      bookmark: demo.state.data.d1.bookmarks[D1_CORE].bookmark,
    });
  });
});
