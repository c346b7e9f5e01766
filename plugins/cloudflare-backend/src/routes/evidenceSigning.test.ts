// A running PostgreSQL (127.0.0.1:5432, trust auth) instead of docker; set before TestDatabases.create.
process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??=
  'postgresql://postgres@127.0.0.1:5432';

import request from 'supertest';
import { TestDatabases } from '@backstage/backend-test-utils';
import { verifyEvidence } from '@cloudflare-backstage/cloudflare-evidence-verify';
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

const API = '/api/cloudflare/v1/evidence';

describe.each(databases.eachSupportedId())(
  'evidence signing routes on %p',
  databaseId => {
    async function start() {
      return startPlugin({
        knex: await databases.init(databaseId),
        allow: c => EVIDENCE_GRANTS[c?.principal?.userEntityRef] ?? 'none',
        config: {
          cloudflare: {
            accountId: DEMO_ACCOUNT_ID,
            apiToken: DEMO_API_TOKEN,
            apiBaseUrl: demo.baseUrl,
            evidence: { ttl: { 'zero-trust-audit': { days: 1 } } },
          },
        },
      });
    }

    it('serves the key and each envelope, which verify the downloaded snapshot', async () => {
      const { server } = await start();
      const key = await request(server)
        .get(`${API}/public-key`)
        .set(asUser('pat'));
      expect(key.status).toBe(200);
      expect(key.body).toEqual({
        algorithm: 'ed25519',
        keyid: expect.stringMatching(/^[0-9a-f]{64}$/),
        publicKeyPem: expect.stringMatching(/^-----BEGIN PUBLIC KEY-----/),
      });
      const pem = await request(server)
        .get(`${API}/public-key?format=pem`)
        .set(asUser('pat'));
      expect(pem.headers['content-disposition']).toBe(
        'attachment; filename="cloudflare-evidence-public-key.pem"',
      );
      expect(pem.text).toBe(key.body.publicKeyPem);

      const created = await request(server)
        .post('/api/cloudflare/v1/zero-trust/export/audit')
        .set(asUser('alice'));
      expect(created.status).toBe(201);
      const { id } = created.body;
      const file = await request(server)
        .get(`${API}/${id}/download`)
        .set(asUser('pat'))
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', c => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      const env = await request(server)
        .get(`${API}/${id}/envelope`)
        .set(asUser('pat'));
      expect(env.status).toBe(200);
      expect(env.headers['content-disposition']).toBe(
        `attachment; filename="cloudflare-evidence-zero-trust-audit-${id}.dsse.json"`,
      );
      const result = verifyEvidence({
        snapshot: file.body,
        snapshotName: `cloudflare-evidence-zero-trust-audit-${id}.json`,
        envelope: env.text,
        publicKeyPem: key.body.publicKeyPem,
      });
      expect(result.problems).toEqual([]);
      expect(result.statement?.predicate.population).toEqual(
        JSON.parse(file.body.toString()).population,
      );

      const listed = await request(server).get(API).set(asUser('pat'));
      expect(listed.body.items[0]).toMatchObject({
        id,
        stale: false,
        staleAfter: new Date(
          Date.parse(listed.body.items[0].createdAt) + 86_400_000,
        ).toISOString(),
      });
    });

    it('needs the evidence permission, and the envelope of an unmasked snapshot needs unmasked reads', async () => {
      const { server } = await start();
      const rob = await request(server)
        .get(`${API}/public-key`)
        .set(asUser('rob'));
      expect(rob.status).toBe(403);
      expect(rob.body.error.message).toMatch(/cloudflare\.export\.evidence/);

      const unmasked = await request(server)
        .post('/api/cloudflare/v1/zero-trust/export/audit?view=unmasked')
        .set(asUser('alice'));
      const byPat = await request(server)
        .get(`${API}/${unmasked.body.id}/envelope`)
        .set(asUser('pat'));
      expect(byPat.status).toBe(403);
      expect(byPat.text).not.toMatch(/payload/);
      expect(
        (
          await request(server)
            .get(`${API}/${unmasked.body.id}/envelope`)
            .set(asUser('rob'))
        ).status,
      ).toBe(403);
      expect(
        (
          await request(server)
            .get(`${API}/${unmasked.body.id}/envelope`)
            .set(asUser('alice'))
        ).status,
      ).toBe(200);
    });

    it('answers 404 JSON for an unknown snapshot and 400 for a bad id or format', async () => {
      const { server } = await start();
      const missing = await request(server)
        .get(`${API}/00000000-0000-4000-8000-000000000000/envelope`)
        .set(asUser('alice'));
      expect(missing.status).toBe(404);
      expect(missing.body.error).toMatchObject({
        name: 'NotFoundError',
        message:
          "No evidence snapshot with id '00000000-0000-4000-8000-000000000000'",
      });
      const bad = await request(server)
        .get(`${API}/nope/envelope`)
        .set(asUser('alice'));
      expect(bad.status).toBe(400);
      expect(bad.body.error.name).toBe('InputError');
      const format = await request(server)
        .get(`${API}/public-key?format=der`)
        .set(asUser('alice'));
      expect(format.status).toBe(400);
      expect(format.body.error.message).toMatch(/must be json or pem/);
    });
  },
);
