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

/** The plugin's config over the served demo account (its URL is known from `beforeAll` on). */
const config = () => ({
  cloudflare: {
    accountId: DEMO_ACCOUNT_ID,
    apiToken: DEMO_API_TOKEN,
    apiBaseUrl: demo.baseUrl,
    fetch: { timeoutMs: 2000, maxRetries: 0 },
  },
});
const CORE = 'e7c1a9b2-4d3f-4e5a-9b8c-7d6e5f4a3b2c';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const DATABASES = '/api/cloudflare/v1/d1/databases';
const METADATA = `/api/cloudflare/v1/d1/${CORE}/metadata`;
const without = (name: string) =>
  cloudflarePermissions.map(p => p.name).filter(n => n !== name);

/**
 * Plants a canary where a careless mapping could copy it (an unknown field of the database, a
 * credential-like tag), for the duration of `fn`.
 */
async function withCanaries(fn: () => Promise<void>) {
  const core = demo.state.data.d1.databases.find(d => d.uuid === CORE)!;
  const tagged = demo.state.data.tags.resources.find(r => r.id === CORE)!;
  const tags = tagged.tags;
  Object.assign(core, { password: SECRET_CANARIES.apiTokenValue });
  tagged.tags = { ...tags, api_token: SECRET_CANARIES.apiTokenValue };
  try {
    await fn();
  } finally {
    delete (core as { password?: string }).password;
    tagged.tags = tags;
  }
}

describe('D1 routes (the real client against the demo account)', () => {
  it.each([DATABASES, METADATA])(
    'answers %s with cloudflare.read.d1, and 403 JSON without it before any call',
    async path => {
      const allowed = await startPlugin({
        config: config(),
        allow: ['cloudflare.read.d1'],
      });
      expect((await request(allowed.server).get(path)).status).toBe(200);

      demo.state.resetCalls();
      const denied = await startPlugin({
        config: config(),
        allow: without('cloudflare.read.d1'),
      });
      const res = await request(denied.server).get(path);
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/json/);
      expect(res.body.error).toMatchObject({
        name: 'NotAllowedError',
        message: expect.stringContaining('cloudflare.read.d1'),
      });
      expect(demo.state.totalCalls()).toBe(0);
    },
  );

  it('lists the databases in the envelope, with tags and without size', async () => {
    const { server } = await startPlugin({ config: config() });
    const res = await request(server).get(DATABASES);
    expect(res.body).toMatchObject({
      account: DEMO_ACCOUNT_ID,
      area: 'd1',
      view: 'masked',
      masked: {},
      fetchedAt: expect.any(String),
    });
    expect(res.body.items.map((d: any) => d.name)).toEqual([
      'acme-core',
      'acme-sessions-db',
      'acme-audit-eu',
      'acme-analytics-staging',
    ]);
    expect(res.body.items[0]).toEqual({
      uuid: CORE,
      name: 'acme-core',
      createdAt: expect.any(String),
      version: 'production',
      tags: { 'backstage-owner': 'platform', 'backstage-system': 'acme-org' },
    });
  });

  it('answers the metadata with size, replication and the Time Travel bookmark', async () => {
    const { server } = await startPlugin({ config: config() });
    const res = await request(server).get(METADATA);
    expect(res.status).toBe(200);
    expect(res.body.item).toEqual({
      uuid: CORE,
      name: 'acme-core',
      createdAt: expect.any(String),
      version: 'production',
      fileSize: 412_123_136,
      readReplication: 'auto',
      tags: { 'backstage-owner': 'platform', 'backstage-system': 'acme-org' },
      bookmark: demo.state.data.d1.bookmarks[CORE].bookmark,
      bookmarkReadAt: expect.any(String),
    });
  });

  it('answers the same values unmasked, only with cloudflare.read.unmasked, audited', async () => {
    const { server, audit } = await startPlugin({ config: config() });
    const masked = await request(server).get(METADATA);
    const clear = await request(server).get(`${METADATA}?view=unmasked`);
    expect(clear.status).toBe(200);
    expect(clear.body).toMatchObject({ view: 'unmasked', masked: {} });
    const { bookmarkReadAt: _a, ...maskedItem } = masked.body.item;
    const { bookmarkReadAt: _b, ...clearItem } = clear.body.item;
    expect(clearItem).toEqual(maskedItem);
    expect(audit.map(a => `${a.eventId}:${a.status}`)).toEqual([
      'unmasked-read:initiated',
      'unmasked-read:succeeded',
    ]);

    const denied = await startPlugin({
      config: config(),
      allow: without('cloudflare.read.unmasked'),
    });
    const res = await request(denied.server).get(`${DATABASES}?view=unmasked`);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('cloudflare.read.unmasked');
  });

  it('never lets a secret canary reach a response or a log line, in either view', async () => {
    await withCanaries(async () => {
      const { server, logLines } = await startPlugin({ config: config() });
      const seen: string[] = [];
      for (const path of [DATABASES, METADATA]) {
        for (const view of ['masked', 'unmasked']) {
          const res = await request(server).get(`${path}?view=${view}`);
          expect(res.status).toBe(200);
          seen.push(res.text);
        }
      }
      const all = [...seen, ...logLines].join('\n');
      for (const canary of ALL_SECRET_CANARIES)
        expect(all).not.toContain(canary);
      expect(all).not.toContain('api_token');
    });
  });

  it('maps an unknown database to a 404 JSON of its own words', async () => {
    const { server } = await startPlugin({ config: config() });
    const res = await request(server).get(
      `/api/cloudflare/v1/d1/${UNKNOWN}/metadata`,
    );
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual(
      expect.objectContaining({
        name: 'NotFoundError',
        message: `D1 database '${UNKNOWN}' was not found in the Cloudflare account`,
      }),
    );
    expect(res.text).not.toContain('could not be found');
  });

  it.each([
    ['/v1/d1/acme-core/metadata', /path: db/],
    [`/v1/d1/${CORE.toUpperCase()}/metadata`, /path: db/],
    [`/v1/d1/${CORE}x/metadata`, /path: db/],
    ['/v1/d1/..%2F..%2Fetc%2Fpasswd/metadata', /path: db/],
    ["/v1/d1/1'%20OR%201=1--/metadata", /path: db/],
    ['/v1/d1/databases?view=raw', /query: view/],
    [`/v1/d1/${CORE}/metadata?view[]=unmasked`, /query: view/],
  ])('%s -> 400 JSON before any call', async (path, message) => {
    const { server } = await startPlugin({ config: config() });
    const res = await request(server).get(`/api/cloudflare${path}`);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.body.error).toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(message),
    });
    expect(demo.state.totalCalls()).toBe(0);
  });
});
