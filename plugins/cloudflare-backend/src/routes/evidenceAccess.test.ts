// A running PostgreSQL (127.0.0.1:5432, trust auth) instead of docker; set before TestDatabases.create.
process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??=
  'postgresql://postgres@127.0.0.1:5432';

import request from 'supertest';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import {
  DEMO_ACCOUNT_ID,
  DEMO_API_TOKEN,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { useServedDemoAccount } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';
import { startPlugin } from '../__testUtils__/harness';
import { asUser, EVIDENCE_GRANTS } from '../__testUtils__/evidenceCallers';

jest.setTimeout(60_000);

const demo = useServedDemoAccount();
const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const GRANTS = EVIDENCE_GRANTS;
const as = asUser;
const API = '/api/cloudflare';

async function start(databaseId: any, trustedServices: string[] = []) {
  const knex = await databases.init(databaseId);
  return startPlugin({
    knex,
    allow: credentials =>
      credentials?.principal?.type === 'service'
        ? 'all' // Backstage's permission client allows every service principal
        : GRANTS[credentials?.principal?.userEntityRef] ?? 'none',
    config: {
      cloudflare: {
        accountId: DEMO_ACCOUNT_ID,
        apiToken: DEMO_API_TOKEN,
        apiBaseUrl: demo.baseUrl,
        permissions: { trustedServices },
      },
    },
  });
}

describe.each(databases.eachSupportedId())(
  'evidence access on %p',
  databaseId => {
    it('alice exports unmasked, pat downloads -> 403; a masked one pat may download', async () => {
      const { server } = await start(databaseId);
      const unmasked = await request(server)
        .post(`${API}/v1/zero-trust/export/audit?view=unmasked`)
        .set(as('alice'));
      expect(unmasked.status).toBe(201);
      const masked = await request(server)
        .post(`${API}/v1/zero-trust/export/audit`)
        .set(as('alice'));
      expect(masked.status).toBe(201);

      const byPat = await request(server)
        .get(`${API}/v1/evidence/${unmasked.body.id}/download`)
        .set(as('pat'));
      expect(byPat.status).toBe(403);
      expect(byPat.body.error.message).toMatch(/cloudflare\.read\.unmasked/);
      expect(byPat.text).not.toMatch(/@acme-org\.org/);

      const byAlice = await request(server)
        .get(`${API}/v1/evidence/${unmasked.body.id}/download`)
        .set(as('alice'));
      expect(byAlice.status).toBe(200);
      expect(byAlice.text).toMatch(/[a-z]{2,}@acme-org\.org/);

      const maskedByPat = await request(server)
        .get(`${API}/v1/evidence/${masked.body.id}/download`)
        .set(as('pat'));
      expect(maskedByPat.status).toBe(200);
      expect(maskedByPat.text).not.toMatch(/[a-z]{2,}@acme-org\.org/);
    });

    it('a masked snapshot and the audit events never hold the actor e-mail; an unmasked one keeps it', async () => {
      const { server, audit } = await start(databaseId);
      const actor = 'carol.smith@acme-org.org';
      const ids: Record<string, string> = {};
      for (const view of ['masked', 'unmasked']) {
        const res = await request(server)
          .post(`${API}/v1/zero-trust/export/audit?view=${view}&actor=${actor}`)
          .set(as('alice'));
        expect(res.status).toBe(201);
        ids[view] = res.body.id;
      }
      const masked = await request(server)
        .get(`${API}/v1/evidence/${ids.masked}/download`)
        .set(as('alice'));
      expect(JSON.parse(masked.text).scope).toMatchObject({
        view: 'masked',
        actor: expect.not.stringContaining('carol.smith'),
      });
      expect(masked.text).not.toContain(actor);
      expect(JSON.stringify(audit.map(a => a.meta))).not.toContain(actor);
      expect(audit.some(a => a.url?.includes('actor=hmac-sha256'))).toBe(true);
      expect(JSON.stringify(audit.map(a => a.url))).not.toContain(
        'carol.smith',
      );
      const unmasked = await request(server)
        .get(`${API}/v1/evidence/${ids.unmasked}/download`)
        .set(as('alice'));
      expect(JSON.parse(unmasked.text).scope).toMatchObject({
        view: 'unmasked',
        actor,
      });
    });

    it('service principals are refused on every evidence route unless config trusts them', async () => {
      const { server } = await start(databaseId);
      const made = await request(server)
        .post(`${API}/v1/zero-trust/export/audit?view=unmasked`)
        .set(as('alice'));
      const service = {
        Authorization: mockCredentials.service.header({
          onBehalfOf: mockCredentials.service('plugin:other'),
          targetPluginId: 'cloudflare',
        }),
      };
      const calls = [
        request(server)
          .post(`${API}/v1/zero-trust/export/audit?view=unmasked`)
          .set(service),
        request(server)
          .post(`${API}/v1/evidence/deployment-provenance`)
          .set(service)
          .send({ workers: ['acme-api'] }),
        request(server).get(`${API}/v1/evidence`).set(service),
        request(server)
          .get(`${API}/v1/evidence/${made.body.id}/download`)
          .set(service),
        request(server)
          .get(`${API}/v1/evidence/${made.body.id}/verify`)
          .set(service),
      ];
      for (const res of await Promise.all(calls)) {
        expect(res.status).toBe(403);
        expect(res.body.error.message).toMatch(/trustedServices/);
      }

      const trusted = await start(databaseId, ['plugin:other']);
      const ok = await request(trusted.server)
        .post(`${API}/v1/zero-trust/export/audit`)
        .set(service);
      expect(ok.status).toBe(201);
    });

    it('the export is a POST: a GET needs X-Requested-With and appends nothing without it', async () => {
      const { server } = await start(databaseId);
      const bare = await request(server)
        .get(`${API}/v1/zero-trust/export/audit?download=json`)
        .set(as('alice'));
      expect(bare.status).toBe(400);
      expect(bare.body.error.message).toMatch(/X-Requested-With/);
      const list = await request(server)
        .get(`${API}/v1/evidence`)
        .set(as('alice'));
      expect(list.body.items).toEqual([]);
      const alias = await request(server)
        .get(`${API}/v1/zero-trust/export/audit?download=json`)
        .set(as('alice'))
        .set('X-Requested-With', 'XMLHttpRequest');
      expect(alias.status).toBe(200);
      expect(JSON.parse(alias.text).kind).toBe('zero-trust-audit');
    });

    it('the audit snapshot states its population; the audit event records the chain head, which verify accepts', async () => {
      const { server, audit } = await start(databaseId);
      const small = await request(server)
        .post(`${API}/v1/zero-trust/export/audit?download=json&limit=2`)
        .set(as('alice'));
      const doc = JSON.parse(small.text);
      expect(doc.population).toEqual({
        count: doc.data.events.length,
        exhausted: doc.data.cursor === undefined,
      });
      expect(doc.population.count).toBe(2);
      expect(doc.population.exhausted).toBe(false);

      const success = audit.find(
        a => a.eventId === 'evidence-export' && a.status === 'succeeded',
      )?.meta as any;
      expect(success.chainHead).toEqual({
        seq: 1,
        chainSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      const id = success.id;
      const v = await request(server)
        .get(
          `${API}/v1/evidence/${id}/verify?head=${success.chainHead.chainSha256}`,
        )
        .set(as('pat'));
      expect(v.body).toMatchObject({
        valid: true,
        head: { found: true },
        target: { reached: true },
      });
    });

    it.each([
      '/v1/evidence?before=2147483648',
      '/v1/evidence?before=99999999999999999999',
      '/v1/evidence?before=-1',
      '/v1/evidence?before=1.5',
      '/v1/evidence?before=1&before=2',
      '/v1/evidence?limit=1e9',
      '/v1/evidence?limit[]=1&limit[]=2',
      '/v1/evidence?kind=a&kind=b',
      '/v1/evidence/not-a-uuid/download',
      `/v1/evidence/${'9'.repeat(5000)}/verify`,
      '/v1/evidence/00000000-0000-4000-8000-000000000000/verify?head=xyz',
      '/v1/evidence/00000000-0000-4000-8000-000000000000/verify?head[]=1',
      '/v1/zero-trust/export/audit?limit=-5',
    ])('bad input %s gets a JSON 4xx, never a 5xx', async path => {
      const { server } = await start(databaseId);
      const method = path.includes('export') ? 'post' : 'get';
      const res = await request(server)
        [method](`${API}${path}`)
        .set(as('alice'));
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.error.message).toEqual(expect.any(String));
    });
  },
);
