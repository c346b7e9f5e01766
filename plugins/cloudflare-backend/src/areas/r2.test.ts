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

const BUCKETS = '/api/cloudflare/v1/r2/buckets';
const lifecycle = (bucket: string, query = '') =>
  `/api/cloudflare/v1/r2/${bucket}/lifecycle${query}`;
const READS = [BUCKETS, lifecycle('acme-prod-artifacts')];

/**
 * Plants secret canaries where an R2 read could carry them: unknown fields of a bucket, of a
 * lifecycle rule and of a lock rule, and a tag value shaped like a token. Returns the undo.
 */
function plantCanaries(): () => void {
  const r2 = demo.state.data.r2;
  const tags = demo.state.data.tags.resources;
  const original = { buckets: r2.buckets, tags: [...tags] };
  r2.buckets = r2.buckets.map(b =>
    b.bucket.name === 'acme-prod-artifacts'
      ? {
          ...b,
          bucket: {
            ...b.bucket,
            access_key_secret: SECRET_CANARIES.apiTokenValue,
          } as typeof b.bucket,
          lifecycle: {
            rules: b.lifecycle.rules!.map(r => ({
              ...r,
              secret: SECRET_CANARIES.secretsStoreValue,
            })),
          },
          lock: {
            rules: b.lock.rules!.map(r => ({
              ...r,
              token: SECRET_CANARIES.accessClientSecret,
            })),
          },
        }
      : b,
  );
  tags.push({
    ...tags.find(t => t.type === 'r2_bucket')!,
    id: 'acme-static-assets',
    tags: { 'deploy-token': SECRET_CANARIES.kvTokenShapedValue },
  });
  return () => {
    r2.buckets = original.buckets;
    tags.splice(0, tags.length, ...original.tags);
  };
}

describe('R2 routes (the real client against the demo account)', () => {
  it('lists the buckets of every jurisdiction with their tags', async () => {
    const { server } = await startPlugin({ config: config() });
    const res = await request(server).get(BUCKETS);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      account: DEMO_ACCOUNT_ID,
      area: 'r2',
      view: 'masked',
      masked: {},
    });
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

  it("answers a bucket's lifecycle and lock rules in days", async () => {
    const { server } = await startPlugin({ config: config() });
    const res = await request(server).get(lifecycle('acme-prod-artifacts'));
    expect(res.status).toBe(200);
    expect(res.body.item).toEqual({
      bucket: 'acme-prod-artifacts',
      jurisdiction: 'default',
      rules: [
        {
          id: 'retain-180-days',
          enabled: true,
          prefix: '',
          expiration: { afterDays: 180 },
          transitions: [{ afterDays: 30, storageClass: 'InfrequentAccess' }],
          abortMultipartAfterDays: 7,
        },
      ],
      lockRules: [
        {
          id: 'evidence-lock',
          enabled: true,
          prefix: 'evidence/',
          mode: 'age',
          days: 365,
        },
      ],
    });
    const none = await request(server).get(lifecycle('acme-regulated-exports'));
    expect(none.body.item).toMatchObject({ rules: [], lockRules: [] });
  });

  it('reads a bucket outside the default jurisdiction only where ?jurisdiction= says', async () => {
    const { server } = await startPlugin({ config: config() });
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

  it('answers 404 JSON for an unknown bucket', async () => {
    const { server } = await startPlugin({ config: config() });
    const res = await request(server).get(lifecycle('no-such-bucket'));
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.body.error.name).toBe('NotFoundError');
  });

  describe.each(READS)('%s', path => {
    it('answers with cloudflare.read.r2 alone', async () => {
      const { server } = await startPlugin({
        config: config(),
        allow: ['cloudflare.read.r2'],
      });
      expect((await request(server).get(path)).status).toBe(200);
    });

    it('answers 403 JSON without cloudflare.read.r2, reading nothing', async () => {
      const { server } = await startPlugin({
        config: config(),
        allow: without('cloudflare.read.r2'),
      });
      const res = await request(server).get(path);
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({
        name: 'NotAllowedError',
        message: expect.stringContaining('cloudflare.read.r2'),
      });
      expect(demo.state.totalCalls()).toBe(0);
    });

    it('serves ?view=unmasked to holders of cloudflare.read.unmasked, audited, with nothing to mask', async () => {
      const { server, audit } = await startPlugin({ config: config() });
      const masked = await request(server).get(path);
      const clear = await request(server).get(`${path}?view=unmasked`);
      expect(clear.status).toBe(200);
      expect(clear.body).toMatchObject({ view: 'unmasked', masked: {} });
      expect(clear.body.items ?? clear.body.item).toEqual(
        masked.body.items ?? masked.body.item,
      );
      expect(audit.map(a => `${a.eventId}:${a.status}`)).toEqual([
        'unmasked-read:initiated',
        'unmasked-read:succeeded',
      ]);
      const { server: denied } = await startPlugin({
        config: config(),
        allow: without('cloudflare.read.unmasked'),
      });
      const refused = await request(denied).get(`${path}?view=unmasked`);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toContain('cloudflare.read.unmasked');
    });
  });

  it('never lets a secret canary planted in buckets, rules or tags reach a response or a log line', async () => {
    const undo = plantCanaries();
    try {
      const { server, logLines } = await startPlugin({ config: config() });
      const bodies: string[] = [];
      for (const path of [
        BUCKETS,
        `${BUCKETS}?view=unmasked`,
        lifecycle('acme-prod-artifacts'),
        lifecycle('acme-prod-artifacts', '?view=unmasked'),
        lifecycle('acme-static-assets', '?view=unmasked'),
      ]) {
        const res = await request(server).get(path);
        expect(res.status).toBe(200);
        bodies.push(res.text);
      }
      const everything = [...bodies, ...logLines].join('\n');
      for (const canary of ALL_SECRET_CANARIES)
        expect(everything).not.toContain(canary);
      const assets = JSON.parse(bodies[1]).items.find(
        (b: any) => b.name === 'acme-static-assets',
      );
      expect(assets.tags).toEqual({});
    } finally {
      undo();
    }
  });

  it.each([
    [lifecycle('ACME'), /path: bucket/],
    [lifecycle('ab'), /path: bucket/],
    [lifecycle('-acme'), /path: bucket/],
    [lifecycle('a'.repeat(64)), /path: bucket/],
    [lifecycle('acme_bucket'), /path: bucket/],
    [lifecycle('..%2F..%2Fetc'), /path: bucket/],
    [lifecycle("a'%20OR%201=1--"), /path: bucket/],
    [
      lifecycle('acme-prod-artifacts', '?jurisdiction=mars'),
      /query: jurisdiction/,
    ],
    [
      lifecycle('acme-prod-artifacts', '?jurisdiction=EU'),
      /query: jurisdiction/,
    ],
    [
      lifecycle('acme-prod-artifacts', '?jurisdiction=eu&jurisdiction=default'),
      /query: jurisdiction/,
    ],
    [
      lifecycle('acme-prod-artifacts', '?jurisdiction[a]=eu'),
      /query: jurisdiction/,
    ],
    [`${BUCKETS}?view=raw`, /query: view/],
  ])('%s -> 400 JSON', async (path, message) => {
    const { server } = await startPlugin({ config: config() });
    const res = await request(server).get(path);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toMatch(message);
    expect(demo.state.totalCalls()).toBe(0);
  });
});
