import { SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import { useDemoAccount } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';
import {
  maskByPaths,
  kvRoutes,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { demoContext } from '../__testUtils__/areaContext';
import { expectNoCanary, jestLogger } from '../__testUtils__/demo';
import { KvApi } from './kv';
import { ResourceTagsApi } from './tags';

const CACHE = '9a8b7c6d5e4f40312a1b0c9d8e7f6a5b';
const SESSIONS = '2c3d4e5f6a7b48c9d0e1f2a3b4c5d6e7';
const CONFIG = '1b2c3d4e5f6a47b8c9d0e1f2a3b4c5d6';
const EU_PROFILES = '4e5f6a7b8c9d40e1f2a3b4c5d6e7f8a9';

describe('KvApi', () => {
  const demo = useDemoAccount();

  it('lists namespaces with their key counts and tags', async () => {
    const ctx = demoContext();
    const namespaces = await new KvApi(ctx).listNamespaces();
    expect(namespaces.map(n => [n.title, n.keysApprox])).toEqual([
      ['acme-cache', 2500],
      ['acme-sessions', 41],
      ['acme-config', 5],
      ['acme-feature-flags', 2],
      ['acme-eu-profiles', 1],
    ]);
    expect(namespaces.find(n => n.id === SESSIONS)).toEqual({
      id: SESSIONS,
      title: 'acme-sessions',
      supportsUrlEncoding: true,
      keysApprox: 41,
      tags: {
        pii: 'true',
        'backstage-owner': 'engineering',
        'backstage-system': 'acme-org',
      },
    });
    expect(namespaces.find(n => n.id === EU_PROFILES)).toMatchObject({
      jurisdiction: 'eu',
      tags: { pii: 'true' },
    });
    expect(namespaces.find(n => n.id === CONFIG)?.tags).toEqual({});
    // namespaces (a page and the empty page that ends the listing), tags, then 3 + 1 + 1 + 1 + 1 keys pages
    expect(ctx.stats().callsByArea).toEqual({ kv: 9, tags: 1 });
  });

  it('counts keys only within the call budget', async () => {
    const namespaces = await new KvApi(demoContext()).listNamespaces({
      keyCountCalls: 4,
    });
    expect(namespaces.map(n => n.keysApprox)).toEqual([
      2500,
      41,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('uses the tags read once for the run', async () => {
    const ctx = demoContext();
    const tags = await new ResourceTagsApi(ctx).list();
    ctx.resetStats();
    const namespaces = await new KvApi(ctx).listNamespaces({
      tags,
      keyCountCalls: 0,
    });
    expect(namespaces[0].tags).toEqual(tags.kv_namespace[CACHE]);
    expect(ctx.stats().callsByArea).toEqual({ kv: 2 });
  });

  it('lists namespaces without tags when the tags cannot be read', async () => {
    demo.state.addFault({
      route: '/tags/resources',
      fault: { kind: 'server-error' },
    });
    const logger = jestLogger();
    const namespaces = await new KvApi(
      demoContext({ logger }),
    ).listNamespaces();
    expect(namespaces).toHaveLength(5);
    expect(namespaces.every(n => n.tags === undefined)).toBe(true);
    expect(logger.warn).toHaveBeenCalledWith(
      'Cloudflare resource tags could not be read',
      { type: 'kv_namespace', kind: 'unavailable' },
    );
  });

  it('lists keys: ordinary names, credential-like names apart, metadata as present, no values', async () => {
    const ctx = demoContext();
    const page = await new KvApi(ctx).listKeys(CONFIG);
    expect(page.cursor).toBeUndefined();
    expect(page.items).toEqual([
      {
        credentialName: 'stripe_api_key',
        redaction: 'credential-key-name',
        hasMetadata: true,
      },
      { name: 'support_email', redaction: 'none', hasMetadata: false },
      { name: 'theme', redaction: 'none', hasMetadata: true },
      {
        credentialName: 'upstream_auth',
        redaction: 'credential-key-name',
        hasMetadata: false,
      },
      { name: 'webhook_config', redaction: 'none', hasMetadata: true },
    ]);
    expectNoCanary(page);
    // credential-like names are kept for masking downstream: nothing withheld
    expect(ctx.stats().redactionsByArea.kv).toBeUndefined();
    const item = maskByPaths(
      page.items[0],
      kvRoutes.keys.wire.sensitive,
      'masked',
    );
    expect(item.value.credentialName).toBe('[masked]');
    expect(item.masked).toEqual({ credentialName: 1 });
  });

  it("pages keys by Cloudflare's cursor", async () => {
    const kv = new KvApi(demoContext());
    const names = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await kv.listKeys(CACHE, { limit: 1000, cursor });
      page.items.forEach(k => names.add(k.name!));
      cursor = page.cursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(names.size).toBe(2500);
    const prefixed = await kv.listKeys(CACHE, {
      limit: 10,
      prefix: 'cache:/api/orders/',
    });
    expect(prefixed.items).toHaveLength(10);
    expect(prefixed.cursor).toBeDefined();
    expect(prefixed.items[0].expiration).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('samples keys with their TTL and withholds a token-shaped name entirely', async () => {
    const ctx = demoContext();
    const sample = await new KvApi(ctx).sampleKeys(SESSIONS);
    expect(sample).toHaveLength(41);
    expectNoCanary(sample);
    expect(JSON.stringify(sample)).not.toContain(
      SECRET_CANARIES.kvTokenKeyName,
    );
    const withheld = sample.filter(k => k.redaction !== 'none');
    expect(withheld).toEqual([
      {
        redaction: 'credential-value-shape',
        expiration: expect.any(String),
        ttlSeconds: expect.any(Number),
        hasMetadata: false,
        valueRead: false,
      },
    ]);
    expect(sample.every(k => k.valueRead === false)).toBe(true);
    expect(sample[0].ttlSeconds).toBeGreaterThan(0);
    expect(sample[0].ttlSeconds).toBeLessThanOrEqual(86_400);
    expect(ctx.stats().redactionsByArea.kv).toBe(1);
    expect(await new KvApi(ctx).sampleKeys(CACHE, 3)).toHaveLength(3);
    const noTtl = await new KvApi(ctx).sampleKeys(EU_PROFILES, 50);
    expect(noTtl).toEqual([
      {
        name: 'profile:eu-0001',
        redaction: 'none',
        hasMetadata: false,
        valueRead: false,
      },
    ]);
  });

  it('never reads a value', async () => {
    const kv = new KvApi(demoContext());
    await kv.listNamespaces();
    await kv.listKeys(CONFIG);
    await kv.sampleKeys(CONFIG);
    const routes = Object.keys(demo.state.callCounts());
    expect(routes.filter(r => /values|bulk/.test(r))).toEqual([]);
  });

  it('maps an unknown namespace to not-found', async () => {
    await expect(
      new KvApi(demoContext()).listKeys('0'.repeat(32)),
    ).rejects.toMatchObject({ kind: 'not-found', operation: 'kv.listKeys' });
  });
});
