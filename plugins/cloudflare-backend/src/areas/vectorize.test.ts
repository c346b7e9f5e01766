import request from 'supertest';
import { ConfigReader } from '@backstage/config';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import { SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import { useDemoBackend } from '../__testUtils__/harness';

/*
 * What only Vectorize routes do: the client's indexes and stats unchanged, the last write of an
 * index, and no vector read even for an index whose vectors hold a secret. Permissions, both views,
 * the 404, bad inputs and secret canaries are checked for every route by ./index.test.ts.
 */

jest.setTimeout(60_000);

const { demo, config, start } = useDemoBackend();

const INDEXES = '/api/cloudflare/v1/vectorize/indexes';
const stats = (index: string) => `/api/cloudflare/v1/vectorize/${index}/stats`;
const client = () => CloudflareClient.fromConfig(new ConfigReader(config()));

describe('Vectorize routes (the real client against the demo account)', () => {
  it("lists the client's indexes with their configuration and tags", async () => {
    const { server } = await start();
    const res = await request(server).get(INDEXES);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual(await client().vectorize.listIndexes());
    expect(res.body.items.map((i: any) => i.dimensions)).toEqual([
      1536, 768, 1024, 384,
    ]);
    expect(res.body.items[2].tags).toEqual({
      'embedding-model': '@cf/baai/bge-base-en-v1.5',
    });
  });

  it("answers an index's stats: vector count, last write and metadata indexes, reading no vector", async () => {
    const { server } = await start();
    demo.state.resetCalls();
    const res = await request(server).get(stats('acme-idx-support'));
    expect(res.status).toBe(200);
    const info = demo.state.data.vectorize.indexes[2].info;
    expect(res.body.item).toMatchObject({
      name: 'acme-idx-support',
      dimensions: 1024,
      metric: 'dot-product',
      vectorCount: 9_874,
      processedUpToDatetime: info.processedUpToDatetime,
      processedUpToMutation: info.processedUpToMutation,
      metadataIndexes: [
        { propertyName: 'priority', indexType: 'number' },
        { propertyName: 'resolved', indexType: 'boolean' },
      ],
    });
    expect(JSON.stringify(res.body)).not.toContain(
      SECRET_CANARIES.vectorizeVectorMetadata,
    );
    expect(Object.keys(demo.state.callCounts()).sort()).toEqual([
      'GET /accounts/:account_id/tags/resources',
      'GET /accounts/:account_id/vectorize/v2/indexes/:index_name',
      'GET /accounts/:account_id/vectorize/v2/indexes/:index_name/info',
      'GET /accounts/:account_id/vectorize/v2/indexes/:index_name/metadata_index/list',
    ]);
  });

  it('leaves out the last write of an index never written', async () => {
    const { server } = await start();
    const res = await request(server).get(stats('acme-idx-experiments'));
    expect(res.status).toBe(200);
    expect(res.body.item).toMatchObject({
      vectorCount: 0,
      metadataIndexes: [],
    });
    expect(res.body.item).not.toHaveProperty('processedUpToDatetime');
  });
});
