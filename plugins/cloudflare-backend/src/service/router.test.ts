import request from 'supertest';
import { createHash } from 'node:crypto';
import {
  DEMO_ACCOUNT_ID,
  parseFault,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { allPermissionsBut, useDemoBackend } from '../__testUtils__/harness';
import { EVIDENCE_SHA256_HEADER } from '../evidence/exportEvidence';

/*
 * The router beyond the read routes (./areas/index.test.ts checks every read route): evidence and
 * export routes' permissions, masking, faults, the cache and evidence.
 */

jest.setTimeout(60_000);

const { demo, start } = useDemoBackend();
const unavailable = (route?: string) =>
  demo.state.addFault({ route, fault: parseFault('server-error:503')! });

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

type Case = {
  name: string;
  method: 'get' | 'post';
  path: string;
  body?: object;
  needs: string[];
};
const UUID = '00000000-0000-4000-8000-000000000000';
const routes: Case[] = [
  {
    name: 'audit export',
    method: 'post',
    path: '/api/cloudflare/v1/zero-trust/export/audit?download=json',
    needs: ['cloudflare.read.zerotrust', 'cloudflare.export.evidence'],
  },
  {
    name: 'provenance',
    method: 'post',
    path: '/api/cloudflare/v1/evidence/deployment-provenance',
    body: { workers: ['acme-api'], pages: ['acme-web'] },
    needs: [
      'cloudflare.export.evidence',
      'cloudflare.read.workers',
      'cloudflare.read.pages',
    ],
  },
  {
    name: 'evidence list',
    method: 'get',
    path: '/api/cloudflare/v1/evidence',
    needs: ['cloudflare.export.evidence'],
  },
];

describe('router', () => {
  describe.each(routes)('$name', route => {
    const send = (server: any) => {
      const r = request(server)[route.method](route.path);
      return route.body ? r.send(route.body) : r;
    };

    it('answers when every needed permission is allowed', async () => {
      const { server } = await start({
        allow: route.needs,
      });
      const res = await send(server);
      expect(res.status).toBeLessThan(300);
    });

    it.each(route.needs)('answers 403 JSON when %s is denied', async denied => {
      const { server, audit } = await start({
        allow: allPermissionsBut(denied),
      });
      const res = await send(server);
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({
        name: 'NotAllowedError',
        message: expect.stringContaining(denied),
      });
      expect(demo.state.totalCalls()).toBe(0);
      expect(audit.filter(a => a.status === 'succeeded')).toHaveLength(0);
    });
  });

  it('serves /health without credentials', async () => {
    const { server } = await start({
      allow: 'none',
    });
    const res = await request(server).get('/api/cloudflare/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      accounts: [{ id: 'default', breaker: { state: 'closed' } }],
    });
    expect(res.text).not.toContain(DEMO_ACCOUNT_ID);
  });

  describe('masking', () => {
    it('masks by default and shows sensitive fields only with cloudflare.read.unmasked, audited', async () => {
      const { server, audit } = await start();
      const email = demo.state.data.zeroTrust.users[0].email!;
      const masked = await request(server).get(
        '/api/cloudflare/v1/zero-trust/users',
      );
      expect(masked.body.items[0].email).toBe(
        `${email[0]}***@${email.split('@')[1]}`,
      );
      expect(masked.body).toMatchObject({
        account: DEMO_ACCOUNT_ID,
        area: 'zeroTrust',
        view: 'masked',
        masked: { email: masked.body.items.length },
      });
      expect(audit).toHaveLength(0);

      const clear = await request(server).get(
        '/api/cloudflare/v1/zero-trust/users?view=unmasked',
      );
      expect(clear.status).toBe(200);
      expect(clear.body.items[0].email).toBe(email);
      expect(clear.body.masked).toEqual({});
      expect(audit.map(a => `${a.eventId}:${a.status}`)).toEqual([
        'unmasked-read:initiated',
        'unmasked-read:succeeded',
      ]);
    });

    it('records a failed unmasked-read when the read fails', async () => {
      const { server, audit } = await start();
      unavailable();
      const res = await request(server).get(
        '/api/cloudflare/v1/pages/acme-web/deployments?view=unmasked',
      );
      expect(res.status).toBe(503);
      expect(audit.map(a => a.status)).toEqual(['initiated', 'failed']);
    });
  });

  describe('bad input', () => {
    const bad: Array<[string, RegExp]> = [
      ['/v1/zero-trust/export/audit?download=json', /X-Requested-With/],
      ['/v1/evidence?limit=501', /limit/],
      ['/v1/evidence?kind=everything', /kind/],
      ['/v1/evidence/not-a-uuid/download', /path: id/],
      ["/v1/evidence/1'%20OR%201=1/verify", /path: id/],
    ];
    it.each(bad)('%s -> 400 JSON', async (path, message) => {
      const { server } = await start();
      const res = await request(server).get(`/api/cloudflare${path}`);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/json/);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toMatch(message);
      expect(demo.state.totalCalls()).toBe(0);
    });

    it.each([
      [{}, /at least one/],
      [{ workers: 'acme-api' }, /workers/],
      [{ workers: ['Bad Name'] }, /workers/],
      [{ workers: Array.from({ length: 21 }, (_, i) => `w${i}`) }, /workers/],
      [{ workers: ['acme-api'], extra: 1 }, /extra/],
    ])('POST provenance body %j -> 400', async (body, message) => {
      const { server } = await start();
      const res = await request(server)
        .post('/api/cloudflare/v1/evidence/deployment-provenance')
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    });

    it('accepts good filters and keys the cache by them, normalized, the actor pseudonymized', async () => {
      const { server, cacheKeys } = await start();
      const res = await request(server).get(
        '/api/cloudflare/v1/zero-trust/access/audit?actor=carol@acme.test&action=login&target=app.acme.test&from=2026-01-01&to=2026-01-02T00:00:00%2B01:00&limit=1000',
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ area: 'zeroTrust', items: [] });
      const key = cacheKeys[0];
      expect(key).toContain(
        `cloudflare:v3:${DEMO_ACCOUNT_ID}:zeroTrust.accessAudit:`,
      );
      for (const part of [
        '"action":"login"',
        '"target":"app.acme.test"',
        '"from":"2026-01-01T00:00:00.000Z"',
        '"to":"2026-01-01T23:00:00.000Z"',
        '"limit":1000',
        '"actor":"hmac-sha256:',
      ])
        expect(key).toContain(part);
      expect(key).not.toContain('carol');
    });
  });

  describe('upstream faults', () => {
    it('does not cache failures', async () => {
      const { server } = await start();
      unavailable();
      expect(
        (await request(server).get('/api/cloudflare/v1/zero-trust/users'))
          .status,
      ).toBe(503);
      demo.state.clearFaults();
      expect(
        (await request(server).get('/api/cloudflare/v1/zero-trust/users'))
          .status,
      ).toBe(200);
    });
  });

  describe('cache', () => {
    it('makes 1,000 identical concurrent requests share one upstream call', async () => {
      const one = await start();
      await request(one.server).get(
        '/api/cloudflare/v1/workers/acme-api/deployments',
      );
      const callsOfOneRead = demo.state.totalCalls();
      demo.state.resetCalls();
      const { server } = await start();
      const responses = await Promise.all(
        Array.from({ length: 1000 }, () =>
          request(server).get(
            '/api/cloudflare/v1/workers/acme-api/deployments',
          ),
        ),
      );
      expect(responses.every(r => r.status === 200)).toBe(true);
      expect(demo.state.totalCalls()).toBe(callsOfOneRead);
      await request(server).get(
        '/api/cloudflare/v1/workers/acme-api/deployments?view=unmasked',
      );
      expect(demo.state.totalCalls()).toBe(callsOfOneRead);
    });

    it('bounds provenance scope by cloudflare.evidence.maxScope', async () => {
      const { server } = await start({
        cloudflare: { evidence: { maxScope: 1 } },
      });
      const res = await request(server)
        .post('/api/cloudflare/v1/evidence/deployment-provenance')
        .send({ workers: ['a', 'b'] });
      expect(res.status).toBe(400);
      await expect(
        start({ cloudflare: { evidence: { maxScope: 0 } } }),
      ).rejects.toThrow(/cloudflare.evidence.maxScope/);
    });

    it('rejects an out-of-range TTL at start-up', async () => {
      await expect(
        start({ cloudflare: { cache: { ttlSeconds: 5 } } }),
      ).rejects.toThrow(/cloudflare.cache.ttlSeconds/);
    });
  });

  describe('evidence', () => {
    it('exports, lists, downloads exact bytes and verifies', async () => {
      const { server, audit } = await start();
      const created = await request(server).post(
        '/api/cloudflare/v1/zero-trust/export/audit?download=json&action=login',
      );
      expect(created.status).toBe(200);
      expect(created.headers['content-type']).toMatch(/^application\/json/);
      expect(created.headers['content-disposition']).toMatch(
        /^attachment; filename="cloudflare-evidence-zero-trust-audit-.*\.json"$/,
      );
      const bytes: Buffer = Buffer.from(created.text, 'utf8');
      expect(sha256(bytes)).toBe(created.headers[EVIDENCE_SHA256_HEADER]);
      const doc = JSON.parse(created.text);
      expect(doc).toMatchObject({
        schemaVersion: 2,
        kind: 'zero-trust-audit',
        account: { id: DEMO_ACCOUNT_ID },
        scope: { action: 'login', limit: 100, view: 'masked' },
        collector: {
          userEntityRef: 'user:default/tester',
          suite: { name: '@cloudflare-backstage/plugin-cloudflare-backend' },
        },
        redactions: {
          'actor.email': doc.data.events.length,
          'actor.ip': doc.data.events.length,
        },
      });
      expect(doc.data.events.length).toBeGreaterThan(0);
      for (const e of doc.data.events) {
        expect(e.action).toBe('login');
        expect(e.actor.email).toMatch(/^.\*\*\*@/);
      }

      const prov = await request(server)
        .post('/api/cloudflare/v1/evidence/deployment-provenance')
        .send({ workers: ['acme-api', 'acme-api'], pages: ['acme-web'] });
      expect(prov.status).toBe(201);
      expect(prov.body).toMatchObject({
        kind: 'deployment-provenance',
        seq: 2,
        createdBy: 'user:default/tester',
      });

      const list = await request(server).get(
        '/api/cloudflare/v1/evidence?limit=1',
      );
      expect(list.body.items.map((i: any) => i.seq)).toEqual([2]);
      expect(list.body.nextBefore).toBe(2);
      const older = await request(server).get(
        '/api/cloudflare/v1/evidence?before=2&kind=zero-trust-audit',
      );
      expect(older.body.items).toHaveLength(1);
      const id = older.body.items[0].id;

      const download = await request(server)
        .get(`/api/cloudflare/v1/evidence/${id}/download`)
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(download.status).toBe(200);
      expect((download.body as Buffer).equals(bytes)).toBe(true);
      expect(download.headers[EVIDENCE_SHA256_HEADER]).toBe(sha256(bytes));
      expect(download.headers['content-digest']).toBe(
        `sha-256=:${createHash('sha256').update(bytes).digest('base64')}:`,
      );

      const verify = await request(server).get(
        `/api/cloudflare/v1/evidence/${prov.body.id}/verify`,
      );
      expect(verify.body).toMatchObject({
        valid: true,
        chain: { valid: true, length: 2 },
      });

      const provDoc = await request(server).get(
        `/api/cloudflare/v1/evidence/${prov.body.id}/download`,
      );
      expect(
        JSON.parse(provDoc.text).data.workers['acme-api'][0],
      ).toMatchObject({
        provenance: 'workers-builds',
        commitSha: expect.stringMatching(/^[0-9a-f]{40}$/),
        ciRunUrl: expect.stringMatching(/^https:\/\/dash\.cloudflare\.com\//),
      });

      expect(
        audit.filter(a => a.eventId === 'evidence-export').map(a => a.status),
      ).toEqual([
        'initiated',
        'succeeded',
        'initiated',
        'succeeded',
        'initiated',
        'succeeded',
        'initiated',
        'succeeded',
      ]);
    });

    it('answers 404 for unknown snapshots and records the failed export', async () => {
      const { server, audit } = await start();
      const res = await request(server).get(
        `/api/cloudflare/v1/evidence/${UUID}/download`,
      );
      expect(res.status).toBe(404);
      expect(res.body.error.name).toBe('NotFoundError');
      expect(audit.map(a => a.status)).toEqual(['initiated', 'failed']);
      expect(
        (
          await request(server).get(
            `/api/cloudflare/v1/evidence/${UUID}/verify`,
          )
        ).status,
      ).toBe(404);
    });

    it('records a failed export when Cloudflare fails, and stores nothing', async () => {
      const { server, audit } = await start();
      unavailable();
      const res = await request(server).post(
        '/api/cloudflare/v1/zero-trust/export/audit',
      );
      expect(res.status).toBe(503);
      expect(audit.map(a => a.status)).toEqual(['initiated', 'failed']);
      expect(
        (await request(server).get('/api/cloudflare/v1/evidence')).body.items,
      ).toEqual([]);
    });
  });
});
