import Cloudflare from 'cloudflare';
import { sdk, useDemoAccount } from '../__testUtils__/sdk';
import { SECRET_CANARIES } from '../canaries';
import { createRng } from '../rng';
import { generateVectorizeData } from '../fixtures/vectorize';

describe('Vectorize area', () => {
  const demo = useDemoAccount();
  const account_id = demo.account_id;

  it('lists indexes with the SDK (single page)', async () => {
    const names: string[] = [];
    for await (const idx of sdk().vectorize.indexes.list({ account_id }))
      names.push(idx.name ?? '');
    expect(names).toEqual([
      'acme-idx-main',
      'acme-idx-docs',
      'acme-idx-support',
      'acme-idx-experiments',
    ]);
  });

  it('reads an index and its info', async () => {
    const idx = await sdk().vectorize.indexes.get('acme-idx-main', {
      account_id,
    });
    expect(idx?.config).toEqual({ dimensions: 1536, metric: 'cosine' });
    const info = await sdk().vectorize.indexes.info('acme-idx-main', {
      account_id,
    });
    expect(info).toMatchObject({ dimensions: 1536, vectorCount: 125_000 });
    expect(
      Date.now() - Date.parse(info?.processedUpToDatetime ?? ''),
    ).toBeLessThan(2 * 3_600_000);
  });

  it('has one index processed more than 7 days ago', async () => {
    const info = await sdk().vectorize.indexes.info('acme-idx-docs', {
      account_id,
    });
    expect(
      Date.now() - Date.parse(info?.processedUpToDatetime ?? ''),
    ).toBeGreaterThan(7 * 86_400_000);
  });

  it('lists the metadata indexes of an index', async () => {
    const res = await sdk().vectorize.indexes.metadataIndex.list(
      'acme-idx-support',
      { account_id },
    );
    expect(res?.metadataIndexes).toEqual([
      { propertyName: 'priority', indexType: 'number' },
      { propertyName: 'resolved', indexType: 'boolean' },
    ]);
  });

  it('serves the vector reads the suite must never make, canary included', async () => {
    const byIds = await sdk().vectorize.indexes.getByIDs('acme-idx-support', {
      account_id,
      ids: ['ticket:48213'],
    });
    expect(JSON.stringify(byIds)).toContain(
      SECRET_CANARIES.vectorizeVectorMetadata,
    );
    const query = await sdk().vectorize.indexes.query('acme-idx-support', {
      account_id,
      vector: Array.from({ length: 1024 }, () => 0.1),
      returnMetadata: 'all',
    });
    expect(query?.matches?.[0]?.id).toBe('ticket:48213');
    const ids = await sdk().vectorize.indexes.listVectors('acme-idx-main', {
      account_id,
    });
    expect(ids?.vectors?.map(v => v.id)).toEqual([
      'page:/pricing',
      'page:/about',
    ]);
  });

  it('answers an unknown index with NotFoundError', async () => {
    await expect(
      sdk().vectorize.indexes.info('nope', { account_id }),
    ).rejects.toBeInstanceOf(Cloudflare.NotFoundError);
  });

  it('generates scale-mode data deterministically from the seed', () => {
    const first = generateVectorizeData(createRng(7), 40);
    const second = generateVectorizeData(createRng(7), 40);
    expect(first.indexes).toHaveLength(40);
    expect(first.indexes.map(i => i.index.config?.dimensions)).toEqual(
      second.indexes.map(i => i.index.config?.dimensions),
    );
    expect(generateVectorizeData(createRng(7), 0).indexes).toHaveLength(0);
  });
});
