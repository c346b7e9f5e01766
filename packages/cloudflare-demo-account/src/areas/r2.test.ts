import Cloudflare from 'cloudflare';
import { sdk, useDemoAccount } from '../__testUtils__/sdk';
import { createRng } from '../rng';
import { generateR2Data } from '../fixtures/r2';

describe('R2 area', () => {
  const demo = useDemoAccount();
  const account_id = demo.account_id;

  it('lists default-jurisdiction buckets with the SDK', async () => {
    const { buckets } = await sdk().r2.buckets.list({ account_id });
    expect(buckets?.map(b => b.name)).toEqual([
      'acme-logs-archive',
      'acme-prod-artifacts',
      'acme-regulated-exports',
      'acme-static-assets',
    ]);
    expect(buckets?.find(b => b.name === 'acme-prod-artifacts')).toMatchObject({
      location: 'enam',
      storage_class: 'Standard',
    });
  });

  it('filters by the cf-r2-jurisdiction header', async () => {
    const { buckets } = await sdk().r2.buckets.list({
      account_id,
      'cf-r2-jurisdiction': 'eu',
    });
    expect(buckets?.map(b => b.name)).toEqual(['acme-eu-customer-data']);
    const eu = await sdk().r2.buckets.get('acme-eu-customer-data', {
      account_id,
      'cf-r2-jurisdiction': 'eu',
    });
    expect(eu.jurisdiction).toBe('eu');
    await expect(
      sdk().r2.buckets.get('acme-eu-customer-data', { account_id }),
    ).rejects.toBeInstanceOf(Cloudflare.NotFoundError);
    const fedramp = await sdk().r2.buckets.list({
      account_id,
      'cf-r2-jurisdiction': 'fedramp',
    });
    expect(fedramp.buckets?.map(b => b.name)).toEqual(['acme-fedramp-ledger']);
    const ledger = await sdk().r2.buckets.lifecycle.get('acme-fedramp-ledger', {
      account_id,
      'cf-r2-jurisdiction': 'fedramp',
    });
    expect(ledger.rules?.[0].deleteObjectsTransition?.condition).toEqual({
      type: 'Date',
      date: '2030-01-01T00:00:00Z',
    });
  });

  it('pages buckets with the cursor in result_info', async () => {
    const client = sdk();
    const first = await client.r2.buckets
      .list({ account_id, per_page: 3 })
      .asResponse();
    const body = await first.json();
    expect(body.result.buckets).toHaveLength(3);
    expect(body.result_info.cursor).toBeTruthy();
    const second = await client.r2.buckets.list({
      account_id,
      per_page: 3,
      cursor: body.result_info.cursor,
    });
    expect(second.buckets?.map(b => b.name)).toEqual(['acme-static-assets']);
  });

  it('reads lifecycle rules: 180 days on acme-prod-artifacts, none on acme-regulated-exports', async () => {
    const client = sdk();
    const prod = await client.r2.buckets.lifecycle.get('acme-prod-artifacts', {
      account_id,
    });
    expect(prod.rules?.[0]).toMatchObject({
      id: 'retain-180-days',
      enabled: true,
      conditions: { prefix: '' },
      deleteObjectsTransition: {
        condition: { type: 'Age', maxAge: 180 * 86400 },
      },
      storageClassTransitions: [
        {
          condition: { type: 'Age', maxAge: 30 * 86400 },
          storageClass: 'InfrequentAccess',
        },
      ],
    });
    const regulated = await client.r2.buckets.lifecycle.get(
      'acme-regulated-exports',
      { account_id },
    );
    expect(regulated.rules).toEqual([]);
  });

  it('reads CORS, lock and account metrics', async () => {
    const client = sdk();
    const cors = await client.r2.buckets.cors.get('acme-static-assets', {
      account_id,
    });
    expect(cors.rules?.[0].allowed.origins).toContain('https://acme-org.org');
    await expect(
      client.r2.buckets.cors.get('acme-regulated-exports', { account_id }),
    ).rejects.toMatchObject({
      status: 404,
      errors: [
        { code: 10059, message: 'The CORS configuration does not exist.' },
      ],
    });
    const lock = await client.r2.buckets.locks.get('acme-prod-artifacts', {
      account_id,
    });
    expect(lock.rules?.[0]).toMatchObject({
      id: 'evidence-lock',
      condition: { type: 'Age' },
    });
    const metrics = await client.r2.buckets.metrics.list({ account_id });
    expect(metrics.standard?.published?.objects).toBe(1_284_311);
  });

  it('answers an unknown bucket with NotFoundError', async () => {
    await expect(
      sdk().r2.buckets.get('nope', { account_id }),
    ).rejects.toBeInstanceOf(Cloudflare.NotFoundError);
  });

  it('generates scale-mode data deterministically from the seed', () => {
    const first = generateR2Data(createRng(7), 40);
    const second = generateR2Data(createRng(7), 40);
    expect(first.buckets).toHaveLength(40);
    expect(first.buckets.map(b => b.bucket.name)).toEqual(
      second.buckets.map(b => b.bucket.name),
    );
    expect(generateR2Data(createRng(7), 0).buckets).toHaveLength(0);
  });
});
