import request from 'supertest';
import { createHash } from 'node:crypto';
import { mockCredentials } from '@backstage/backend-test-utils';
import { DEMO_ACCOUNT_ID } from '@cloudflare-backstage/cloudflare-demo-account';
import { allPermissionsBut, useDemoBackend } from '../../__testUtils__/harness';
import { EVIDENCE_SHA256_HEADER } from '../exportEvidence';

jest.setTimeout(60_000);

const { demo, start } = useDemoBackend();
const sha256 = (text: string) =>
  createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');

const EXPORT = '/api/cloudflare/v1/r2/lifecycle/export';
const alias = (bucket: string) =>
  `/api/cloudflare/v1/r2/${bucket}/lifecycle/export?download=json`;

describe('r2-lifecycle evidence', () => {
  it('exports every bucket of every jurisdiction: the file hashes to the stated hash, downloads byte for byte and verifies', async () => {
    const { server, audit } = await start();
    const created = await request(server).post(`${EXPORT}?download=json`);
    expect(created.status).toBe(200);
    expect(created.headers['content-disposition']).toMatch(
      /^attachment; filename="cloudflare-evidence-r2-lifecycle-.*\.json"$/,
    );
    expect(sha256(created.text)).toBe(created.headers[EVIDENCE_SHA256_HEADER]);
    const doc = JSON.parse(created.text);
    expect(doc).toMatchObject({
      kind: 'r2-lifecycle',
      account: { id: DEMO_ACCOUNT_ID },
      scope: { view: 'masked' },
      population: {
        count: demo.state.data.r2.buckets.length,
        exhausted: true,
      },
      collector: { userEntityRef: 'user:default/tester' },
    });
    expect(doc.redactions).toBeUndefined();
    const byName = Object.fromEntries(
      doc.data.buckets.map((b: any) => [b.bucket, b]),
    );
    expect(byName['acme-regulated-exports']).toEqual({
      bucket: 'acme-regulated-exports',
      jurisdiction: 'default',
      rules: [],
      lockRules: [],
    });
    expect(byName['acme-eu-customer-data']).toMatchObject({
      jurisdiction: 'eu',
      rules: [{ id: 'retain-365-days', expiration: { afterDays: 365 } }],
    });
    expect(byName['acme-prod-artifacts'].lockRules).toEqual([
      expect.objectContaining({ id: 'evidence-lock', mode: 'age', days: 365 }),
    ]);

    const list = await request(server).get(
      '/api/cloudflare/v1/evidence?kind=r2-lifecycle',
    );
    expect(list.body.items).toHaveLength(1);
    const { id, sha256: stated } = list.body.items[0];
    expect(stated).toBe(created.headers[EVIDENCE_SHA256_HEADER]);
    const download = await request(server).get(
      `/api/cloudflare/v1/evidence/${id}/download`,
    );
    expect(download.status).toBe(200);
    expect(download.text).toBe(created.text);
    expect(sha256(download.text)).toBe(stated);
    const verify = await request(server).get(
      `/api/cloudflare/v1/evidence/${id}/verify`,
    );
    expect(verify.body).toMatchObject({
      valid: true,
      chain: { valid: true, length: 1 },
    });
    expect(
      audit.filter(a => a.eventId === 'evidence-export').map(a => a.status),
    ).toEqual(['initiated', 'succeeded', 'initiated', 'succeeded']);
  });

  it('exports one jurisdiction, or one bucket, with its scope', async () => {
    const { server } = await start();
    const fedramp = await request(server).post(
      `${EXPORT}?jurisdiction=fedramp&download=json`,
    );
    expect(JSON.parse(fedramp.text)).toMatchObject({
      scope: { jurisdiction: 'fedramp', view: 'masked' },
      population: { count: 1, exhausted: true },
      data: { buckets: [{ bucket: 'acme-fedramp-ledger' }] },
    });
    const one = await request(server).post(
      `${EXPORT}?bucket=acme-eu-customer-data&jurisdiction=eu`,
    );
    expect(one.status).toBe(201);
    expect(one.body).toMatchObject({ kind: 'r2-lifecycle', seq: 2 });
    const doc = JSON.parse(
      (
        await request(server).get(
          `/api/cloudflare/v1/evidence/${one.body.id}/download`,
        )
      ).text,
    );
    expect(doc).toMatchObject({
      scope: {
        bucket: 'acme-eu-customer-data',
        jurisdiction: 'eu',
        view: 'masked',
      },
      population: { count: 1, exhausted: true },
    });
  });

  it("serves the spec's GET alias only with X-Requested-With, storing nothing without it", async () => {
    const { server } = await start();
    const bare = await request(server).get(alias('acme-prod-artifacts'));
    expect(bare.status).toBe(400);
    expect(bare.body.error.message).toMatch(/X-Requested-With/);
    expect(demo.state.totalCalls()).toBe(0);
    const res = await request(server)
      .get(alias('acme-prod-artifacts'))
      .set('X-Requested-With', 'XMLHttpRequest');
    expect(res.status).toBe(200);
    expect(sha256(res.text)).toBe(res.headers[EVIDENCE_SHA256_HEADER]);
    expect(JSON.parse(res.text)).toMatchObject({
      scope: { bucket: 'acme-prod-artifacts', jurisdiction: 'default' },
      data: { buckets: [{ bucket: 'acme-prod-artifacts' }] },
    });
    const list = await request(server).get('/api/cloudflare/v1/evidence');
    expect(list.body.items).toHaveLength(1);
  });

  it.each(['cloudflare.read.r2', 'cloudflare.export.evidence'])(
    'answers 403 without %s, reading and storing nothing',
    async denied => {
      const { server, audit } = await start({
        allow: allPermissionsBut(denied),
      });
      const res = await request(server).post(EXPORT);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain(denied);
      expect(demo.state.totalCalls()).toBe(0);
      expect(audit.filter(a => a.status === 'succeeded')).toEqual([]);
    },
  );

  it('lets only holders of cloudflare.read.r2 download an r2-lifecycle snapshot', async () => {
    const auditor = mockCredentials.user('user:default/auditor');
    const { server } = await start({
      allow: credentials =>
        credentials?.principal?.userEntityRef ===
        auditor.principal.userEntityRef
          ? allPermissionsBut('cloudflare.read.r2')
          : 'all',
    });
    const created = await request(server).post(EXPORT);
    expect(created.status).toBe(201);
    const path = `/api/cloudflare/v1/evidence/${created.body.id}/download`;
    const denied = await request(server)
      .get(path)
      .set(
        'Authorization',
        mockCredentials.user.header(auditor.principal.userEntityRef),
      );
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('cloudflare.read.r2');
    expect((await request(server).get(path)).status).toBe(200);
  });

  it('answers 404 for an unknown bucket and stores nothing', async () => {
    const { server, audit } = await start();
    const res = await request(server).post(`${EXPORT}?bucket=no-such-bucket`);
    expect(res.status).toBe(404);
    expect(res.body.error.name).toBe('NotFoundError');
    expect(audit.map(a => a.status)).toEqual(['initiated', 'failed']);
    expect(
      (await request(server).get('/api/cloudflare/v1/evidence')).body.items,
    ).toEqual([]);
  });

  it.each([
    [`${EXPORT}?jurisdiction=mars`, /query: jurisdiction/],
    [`${EXPORT}?bucket=NOT_A_BUCKET`, /query: bucket/],
    [`${EXPORT}?bucket=a&bucket=b`, /query: bucket/],
    [`${EXPORT}?view=raw`, /query: view/],
  ])('POST %s -> 400 JSON', async (path, message) => {
    const { server } = await start();
    const res = await request(server).post(path);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ name: 'InputError' });
    expect(res.body.error.message).toMatch(message);
    expect(demo.state.totalCalls()).toBe(0);
  });

  it('GET alias with a bad bucket -> 400 JSON', async () => {
    const { server } = await start();
    const res = await request(server)
      .get(alias('..%2Fetc'))
      .set('X-Requested-With', 'XMLHttpRequest');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/path: bucket/);
  });
});
