import Cloudflare from 'cloudflare';
import { sdk, useDemoAccount } from '../__testUtils__/sdk';
import { SECRET_CANARIES } from '../canaries';
import {
  generateKvData,
  ACME_CACHE_NAMESPACE_ID,
  ACME_CONFIG_NAMESPACE_ID,
  ACME_SESSIONS_NAMESPACE_ID,
} from '../fixtures/kv';
import { createRng } from '../rng';

describe('KV area', () => {
  const demo = useDemoAccount();
  const account_id = demo.account_id;

  it('lists namespaces across pages with the SDK iterator', async () => {
    const titles: string[] = [];
    for await (const ns of sdk().kv.namespaces.list({
      account_id,
      per_page: 2,
    }))
      titles.push(ns.title);
    expect(titles).toEqual([
      'acme-cache',
      'acme-sessions',
      'acme-config',
      'acme-feature-flags',
      'acme-eu-profiles',
    ]);
    const ns = await sdk().kv.namespaces.get(ACME_CACHE_NAMESPACE_ID, {
      account_id,
    });
    expect(ns).toEqual({
      id: ACME_CACHE_NAMESPACE_ID,
      title: 'acme-cache',
      supports_url_encoding: true,
    });
  });

  it('pages 2,500 keys by cursor (default limit 1000)', async () => {
    const names: string[] = [];
    for await (const k of sdk().kv.namespaces.keys.list(
      ACME_CACHE_NAMESPACE_ID,
      { account_id },
    ))
      names.push(k.name);
    expect(names).toHaveLength(2500);
    expect(new Set(names).size).toBe(2500);
    expect(
      demo.state.callCounts()[
        'GET /accounts/:account_id/storage/kv/namespaces/:namespace_id/keys'
      ],
    ).toBe(3);
  });

  it('honours limit and prefix, and sends expiration in seconds', async () => {
    const page = await sdk().kv.namespaces.keys.list(ACME_CACHE_NAMESPACE_ID, {
      account_id,
      limit: 10,
      prefix: 'cache:/api/orders/',
    });
    expect(page.result).toHaveLength(10);
    expect(
      page.result.every(k => k.name.startsWith('cache:/api/orders/')),
    ).toBe(true);
    expect(page.result_info.cursor).toBeTruthy();
    expect(page.result[0].expiration).toBeGreaterThan(Date.now() / 1000);
    expect(page.result[0].expiration).toBeLessThan(Date.now() / 100);
  });

  it('reads key metadata', async () => {
    const meta = await sdk().kv.namespaces.metadata.get('stripe_api_key', {
      account_id,
      namespace_id: ACME_CONFIG_NAMESPACE_ID,
    });
    expect(meta).toEqual({ rotatedBy: 'ops@acme-org.org' });
    const encoded = await sdk().kv.namespaces.metadata.get(
      'cache:/api/orders/00000',
      {
        account_id,
        namespace_id: ACME_CACHE_NAMESPACE_ID,
      },
    );
    expect(encoded).toEqual({ contentType: 'application/json', etag: 'W/"0"' });
  });

  it('serves values as raw text, including the canaries', async () => {
    const res = await sdk().kv.namespaces.values.get('stripe_api_key', {
      account_id,
      namespace_id: ACME_CONFIG_NAMESPACE_ID,
    });
    expect(await res.text()).toBe(SECRET_CANARIES.kvCredentialValue);
    const token = await sdk().kv.namespaces.values.get('upstream_auth', {
      account_id,
      namespace_id: ACME_CONFIG_NAMESPACE_ID,
    });
    expect(await token.text()).toBe(SECRET_CANARIES.kvTokenShapedValue);
  });

  it('plants canaries in key metadata and in a key name', async () => {
    const meta = await sdk().kv.namespaces.metadata.get('webhook_config', {
      account_id,
      namespace_id: ACME_CONFIG_NAMESPACE_ID,
    });
    expect(meta).toEqual({ signing: SECRET_CANARIES.kvMetadataSecret });
    const names: string[] = [];
    for await (const k of sdk().kv.namespaces.keys.list(
      ACME_SESSIONS_NAMESPACE_ID,
      { account_id },
    ))
      names.push(k.name);
    expect(names).toContain(`session:${SECRET_CANARIES.kvTokenKeyName}`);
  });

  it('answers unknown namespaces and keys with NotFoundError', async () => {
    await expect(
      sdk().kv.namespaces.get('nope', { account_id }),
    ).rejects.toBeInstanceOf(Cloudflare.NotFoundError);
    await expect(
      sdk().kv.namespaces.metadata.get('nope', {
        account_id,
        namespace_id: ACME_CONFIG_NAMESPACE_ID,
      }),
    ).rejects.toBeInstanceOf(Cloudflare.NotFoundError);
  });

  it('generates scale-mode data deterministically from the seed', () => {
    const first = generateKvData(createRng(7), 40);
    const second = generateKvData(createRng(7), 40);
    expect(first.namespaces).toHaveLength(40);
    expect(first.namespaces.map(n => n.id)).toEqual(
      second.namespaces.map(n => n.id),
    );
    expect(generateKvData(createRng(7), 0).namespaces).toHaveLength(0);
  });
});
