import request from 'supertest';
import {
  ALL_SECRET_CANARIES,
  DEMO_ACCOUNT_ID,
  DEMO_API_TOKEN,
  SECRET_CANARIES,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { useServedDemoAccount } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';
import { cloudflarePermissions } from '@cloudflare-backstage/plugin-cloudflare-common';
import { startPlugin } from '../__testUtils__/harness';

jest.setTimeout(60_000);

const demo = useServedDemoAccount();

const config = () => ({
  cloudflare: {
    accountId: DEMO_ACCOUNT_ID,
    apiToken: DEMO_API_TOKEN,
    apiBaseUrl: demo.baseUrl,
    fetch: { timeoutMs: 2000, maxRetries: 0 },
  },
});
const allNames = cloudflarePermissions.map(p => p.name);
const without = (...names: string[]) =>
  allNames.filter(n => !names.includes(n));

const CACHE = '9a8b7c6d5e4f40312a1b0c9d8e7f6a5b';
const SESSIONS = '2c3d4e5f6a7b48c9d0e1f2a3b4c5d6e7';
const CONFIG = '1b2c3d4e5f6a47b8c9d0e1f2a3b4c5d6';

const NAMESPACES = '/api/cloudflare/v1/kv/namespaces';
const keys = (ns: string, query = '') =>
  `/api/cloudflare/v1/kv/${ns}/keys${query}`;
const sample = (ns: string, query = '') =>
  `/api/cloudflare/v1/kv/${ns}/sample${query}`;
const READS = [NAMESPACES, keys(CONFIG), sample(CONFIG)];

describe('KV routes (the real client against the demo account)', () => {
  it('lists the namespaces with their approximate key counts and tags', async () => {
    const { server } = await startPlugin({ config: config() });
    const res = await request(server).get(NAMESPACES);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      account: DEMO_ACCOUNT_ID,
      area: 'kv',
      view: 'masked',
      masked: {},
    });
    expect(res.body.items.map((n: any) => [n.title, n.keysApprox])).toEqual([
      ['acme-cache', 2500],
      ['acme-sessions', 41],
      ['acme-config', 5],
      ['acme-feature-flags', 2],
      ['acme-eu-profiles', 1],
    ]);
    expect(res.body.items[1]).toMatchObject({
      id: SESSIONS,
      tags: { pii: 'true' },
    });
  });

  it("pages a namespace's keys by Cloudflare's cursor, without loss or repeat", async () => {
    const { server } = await startPlugin({ config: config() });
    const names: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await request(server).get(
        keys(CACHE, `?limit=1000${cursor ? `&cursor=${cursor}` : ''}`),
      );
      expect(res.status).toBe(200);
      names.push(...res.body.items.map((k: any) => k.name));
      cursor = res.body.cursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(names).toHaveLength(2500);
    expect(new Set(names).size).toBe(2500);
    const first = await request(server).get(keys(CACHE, '?limit=10'));
    expect(first.body.items).toHaveLength(10);
    expect(first.body.items[0]).toEqual({
      name: expect.stringMatching(/^cache:\/api\//),
      redaction: 'none',
      expiration: expect.any(String),
      hasMetadata: expect.any(Boolean),
    });
  });

  it('masks credential-like key names unless the caller may and asks to see them; withholds token-shaped ones', async () => {
    const { server, audit } = await startPlugin({ config: config() });
    const masked = await request(server).get(sample(CONFIG));
    expect(masked.status).toBe(200);
    const stripe = masked.body.items.find(
      (k: any) => k.redaction === 'credential-key-name',
    );
    expect(stripe).toEqual({
      credentialName: '[masked]',
      redaction: 'credential-key-name',
      hasMetadata: true,
      valueRead: false,
    });
    expect(masked.body.masked.credentialName).toBeGreaterThan(0);

    const clear = await request(server).get(sample(CONFIG, '?view=unmasked'));
    expect(clear.body).toMatchObject({ view: 'unmasked', masked: {} });
    expect(clear.body.items.map((k: any) => k.credentialName)).toContain(
      'stripe_api_key',
    );
    expect(audit.map(a => `${a.eventId}:${a.status}`)).toEqual([
      'unmasked-read:initiated',
      'unmasked-read:succeeded',
    ]);

    const sessions = await request(server).get(
      sample(SESSIONS, '?view=unmasked'),
    );
    const withheld = sessions.body.items.filter(
      (k: any) => k.redaction === 'credential-value-shape',
    );
    expect(withheld).toHaveLength(1);
    expect(withheld[0]).not.toHaveProperty('name');
    expect(withheld[0]).not.toHaveProperty('credentialName');
    expect(sessions.body.items.every((k: any) => k.ttlSeconds > 0)).toBe(true);
  });

  it('answers 404 JSON for an unknown namespace', async () => {
    const { server } = await startPlugin({ config: config() });
    const res = await request(server).get(keys('0'.repeat(32)));
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.body.error.name).toBe('NotFoundError');
  });

  describe.each(READS)('%s', path => {
    it('answers with cloudflare.read.kv alone', async () => {
      const { server } = await startPlugin({
        config: config(),
        allow: ['cloudflare.read.kv'],
      });
      expect((await request(server).get(path)).status).toBe(200);
    });

    it('answers 403 JSON without cloudflare.read.kv, reading nothing', async () => {
      const { server } = await startPlugin({
        config: config(),
        allow: without('cloudflare.read.kv'),
      });
      const res = await request(server).get(path);
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({
        name: 'NotAllowedError',
        message: expect.stringContaining('cloudflare.read.kv'),
      });
      expect(demo.state.totalCalls()).toBe(0);
    });

    it('refuses ?view=unmasked without cloudflare.read.unmasked', async () => {
      const { server } = await startPlugin({
        config: config(),
        allow: without('cloudflare.read.unmasked'),
      });
      const res = await request(server).get(`${path}?view=unmasked`);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain('cloudflare.read.unmasked');
    });
  });

  it('never lets a value, key metadata or a token-shaped key name reach a response or a log line', async () => {
    const { server, logLines } = await startPlugin({ config: config() });
    const bodies: string[] = [];
    for (const ns of demo.state.data.kv.namespaces.map(n => n.id)) {
      for (const path of [
        keys(ns, '?view=unmasked'),
        sample(ns, '?view=unmasked'),
        sample(ns),
      ]) {
        const res = await request(server).get(path);
        expect(res.status).toBe(200);
        bodies.push(res.text);
      }
    }
    bodies.push((await request(server).get(NAMESPACES)).text);
    const everything = [...bodies, ...logLines].join('\n');
    for (const canary of ALL_SECRET_CANARIES)
      expect(everything).not.toContain(canary);
    expect(everything).not.toContain(SECRET_CANARIES.kvTokenKeyName);
    expect(Object.keys(demo.state.callCounts()).join('\n')).not.toMatch(
      /values|bulk/,
    );
  });

  it.each([
    [keys('ACME'), /path: namespace/],
    [keys('9a8b'), /path: namespace/],
    [keys(`${CACHE}0`), /path: namespace/],
    [keys('..%2F..%2Fetc'), /path: namespace/],
    [keys(CACHE, '?limit=9'), /query: limit/],
    [keys(CACHE, '?limit=1001'), /query: limit/],
    [keys(CACHE, '?limit=1.5'), /query: limit/],
    [keys(CACHE, '?limit=x'), /query: limit/],
    [keys(CACHE, '?cursor=%00'), /query: cursor/],
    [keys(CACHE, `?cursor=${'a'.repeat(1025)}`), /query: cursor/],
    [keys(CACHE, `?prefix=${'p'.repeat(513)}`), /query: prefix/],
    [keys(CACHE, '?limit=10&limit=20'), /query: limit/],
    [sample(CACHE, '?limit=0'), /query: limit/],
    [sample(CACHE, '?limit=51'), /query: limit/],
    [`${NAMESPACES}?view=raw`, /query: view/],
  ])('answers 400 JSON for %s', async (path, message) => {
    const { server } = await startPlugin({ config: config() });
    const res = await request(server).get(path);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.body.error).toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(message),
    });
    expect(demo.state.totalCalls()).toBe(0);
  });
});
