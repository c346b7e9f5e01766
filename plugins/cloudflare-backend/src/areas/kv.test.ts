import request from 'supertest';
import {
  KV_CACHE,
  KV_CONFIG,
  KV_SESSIONS,
} from '../__fixtures__/routeExamples';
import { useDemoBackend } from '../__testUtils__/harness';

/*
 * What only KV routes do. Permissions, both views, the 404, bad inputs and secret canaries are
 * checked for every route by ./index.test.ts.
 */

jest.setTimeout(60_000);

const { start } = useDemoBackend();

const NAMESPACES = '/api/cloudflare/v1/kv/namespaces';
const keys = (ns: string, query = '') =>
  `/api/cloudflare/v1/kv/${ns}/keys${query}`;
const sample = (ns: string, query = '') =>
  `/api/cloudflare/v1/kv/${ns}/sample${query}`;

describe('KV routes (the real client against the demo account)', () => {
  it('lists the namespaces with their approximate key counts and tags', async () => {
    const { server } = await start();
    const res = await request(server).get(NAMESPACES);
    expect(res.status).toBe(200);
    expect(res.body.masked).toEqual({});
    expect(res.body.items.map((n: any) => [n.title, n.keysApprox])).toEqual([
      ['acme-cache', 2500],
      ['acme-sessions', 41],
      ['acme-config', 5],
      ['acme-feature-flags', 2],
      ['acme-eu-profiles', 1],
    ]);
    expect(res.body.items[1]).toMatchObject({
      id: KV_SESSIONS,
      tags: { pii: 'true' },
    });
  });

  it("pages a namespace's keys by Cloudflare's cursor, without loss or repeat", async () => {
    const { server } = await start();
    const names: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await request(server).get(
        keys(KV_CACHE, `?limit=1000${cursor ? `&cursor=${cursor}` : ''}`),
      );
      expect(res.status).toBe(200);
      names.push(...res.body.items.map((k: any) => k.name));
      cursor = res.body.cursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(names).toHaveLength(2500);
    expect(new Set(names).size).toBe(2500);
    const first = await request(server).get(keys(KV_CACHE, '?limit=10'));
    expect(first.body.items).toHaveLength(10);
    expect(first.body.items[0]).toEqual({
      name: expect.stringMatching(/^cache:\/api\//),
      redaction: 'none',
      expiration: expect.any(String),
      hasMetadata: expect.any(Boolean),
    });
  });

  it('masks credential-like key names unless the caller may and asks to see them; withholds token-shaped ones', async () => {
    const { server, audit } = await start();
    const masked = await request(server).get(sample(KV_CONFIG));
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

    const clear = await request(server).get(
      sample(KV_CONFIG, '?view=unmasked'),
    );
    expect(clear.body).toMatchObject({ view: 'unmasked', masked: {} });
    expect(clear.body.items.map((k: any) => k.credentialName)).toContain(
      'stripe_api_key',
    );
    expect(audit.map(a => `${a.eventId}:${a.status}`)).toEqual([
      'unmasked-read:initiated',
      'unmasked-read:succeeded',
    ]);

    const sessions = await request(server).get(
      sample(KV_SESSIONS, '?view=unmasked'),
    );
    const withheld = sessions.body.items.filter(
      (k: any) => k.redaction === 'credential-value-shape',
    );
    expect(withheld).toHaveLength(1);
    expect(withheld[0]).not.toHaveProperty('name');
    expect(withheld[0]).not.toHaveProperty('credentialName');
    expect(sessions.body.items.every((k: any) => k.ttlSeconds > 0)).toBe(true);
  });
});
