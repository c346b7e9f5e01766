// A running PostgreSQL (127.0.0.1:5432, trust auth) instead of docker; set before TestDatabases.create.
process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??=
  'postgresql://postgres@127.0.0.1:5432';

import request from 'supertest';
import { createHash } from 'node:crypto';
import { TestDatabases } from '@backstage/backend-test-utils';
import {
  DEMO_ACCOUNT_ID,
  DEMO_API_TOKEN,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { useServedDemoAccount } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';
import { startPlugin } from '../__testUtils__/harness';
import { EVIDENCE_SHA256_HEADER } from '../evidence/exportEvidence';
import { dropAppendOnlyTriggers } from '../evidence/evidenceTestUtils';

jest.setTimeout(60_000);

const demo = useServedDemoAccount();

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'evidence routes on %p',
  databaseId => {
    it('downloads exact bytes matching the stated hash, and verify catches a tampered row', async () => {
      const knex = await databases.init(databaseId);
      const { server } = await startPlugin({
        config: {
          cloudflare: {
            accountId: DEMO_ACCOUNT_ID,
            apiToken: DEMO_API_TOKEN,
            apiBaseUrl: demo.baseUrl,
          },
        },
        knex,
      });
      const ids: string[] = [];
      for (const workers of [['acme-api'], ['acme-api']]) {
        const res = await request(server)
          .post('/api/cloudflare/v1/evidence/deployment-provenance')
          .send({ workers });
        expect(res.status).toBe(201);
        ids.push(res.body.id);
      }
      const dl = await request(server).get(
        `/api/cloudflare/v1/evidence/${ids[0]}/download`,
      );
      expect(dl.status).toBe(200);
      expect(
        createHash('sha256').update(Buffer.from(dl.text, 'utf8')).digest('hex'),
      ).toBe(dl.headers[EVIDENCE_SHA256_HEADER]);
      expect(
        (
          await request(server).get(
            `/api/cloudflare/v1/evidence/${ids[1]}/verify`,
          )
        ).body.valid,
      ).toBe(true);

      await dropAppendOnlyTriggers(knex);
      await knex('cloudflare_evidence')
        .where('id', ids[0])
        .update({
          bytes: dl.text.replace(
            /"commitSha":"([0-9a-f])/,
            (_, c) => `"commitSha":"${c === 'f' ? 'e' : 'f'}`,
          ),
        });
      const verify = await request(server).get(
        `/api/cloudflare/v1/evidence/${ids[0]}/verify`,
      );
      expect(verify.status).toBe(200);
      expect(verify.body).toMatchObject({
        valid: false,
        document: { valid: false },
        chain: { valid: false, brokenAtSeq: 1 },
      });
      const other = await request(server).get(
        `/api/cloudflare/v1/evidence/${ids[1]}/verify`,
      );
      expect(other.body).toMatchObject({
        valid: false,
        document: { valid: true },
        chain: { valid: false },
      });
    });
  },
);
