// A running PostgreSQL (127.0.0.1:5432, trust auth) instead of docker; set before TestDatabases.create.
process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??=
  'postgresql://postgres@127.0.0.1:5432';

import { generateKeyPairSync } from 'node:crypto';
import { ConfigReader } from '@backstage/config';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  DsseEnvelope,
  verifyEvidence,
} from '@cloudflare-backstage/cloudflare-evidence-verify';
import { EvidenceStore } from '../EvidenceStore';
import { GENESIS_HASH } from '../chain';
import { testSnapshot } from '../evidenceTestUtils';
import { loadSigningKey } from './signingKey';
import { evidenceFileName } from './statement';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const pkcs8 = (type: 'ed25519' | 'ed448') =>
  generateKeyPairSync(type as 'ed25519')
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();

describe.each(databases.eachSupportedId())(
  'evidence signing on %p',
  databaseId => {
    const open = async (knex: any, config?: object) =>
      EvidenceStore.create({
        database: mockServices.database({ knex }),
        config: config && new ConfigReader(config),
      });

    it('signs each stored snapshot; the verifier accepts it and names a changed byte or signature', async () => {
      const store = await open(await databases.init(databaseId));
      const snapshot = testSnapshot(1);
      const record = await store.append(snapshot, 'user:default/alice');
      const envelope = await store.envelope(record.id);
      const input = {
        snapshot: (await store.get(record.id)).bytes,
        snapshotName: evidenceFileName('zero-trust-audit', record.id),
        envelope: JSON.stringify(envelope),
        publicKeyPem: store.publicKey.publicKeyPem,
      };
      const ok = verifyEvidence(input);
      expect(ok.problems).toEqual([]);
      expect(envelope.signatures[0].keyid).toBe(store.publicKey.keyid);
      expect(ok.statement?.subject).toEqual([
        { name: input.snapshotName, digest: { sha256: record.sha256 } },
      ]);
      expect(ok.statement?.predicate).toEqual({
        kind: 'zero-trust-audit',
        account: { id: 'acc' },
        scope: { n: 1 },
        population: { count: 1, exhausted: true },
        collector: snapshot.document.collector,
        collectedAt: snapshot.document.collectedAt,
        chain: { seq: 1, previousChainSha256: GENESIS_HASH },
      });

      const tampered = Buffer.from(input.snapshot);
      tampered[20] ^= 1;
      expect(verifyEvidence({ ...input, snapshot: tampered }).problems).toEqual(
        [expect.stringMatching(/^digest mismatch: /)],
      );

      const badSig: DsseEnvelope = structuredClone(envelope);
      const sig = Buffer.from(badSig.signatures[0].sig, 'base64');
      sig[sig.length - 1] ^= 1;
      badSig.signatures[0].sig = sig.toString('base64');
      expect(
        verifyEvidence({ ...input, envelope: JSON.stringify(badSig) }).problems,
      ).toEqual([expect.stringMatching(/^bad signature: /)]);

      const second = await store.append(testSnapshot(2), 'user:default/bob');
      const p2 = JSON.parse(
        Buffer.from(
          (await store.envelope(second.id)).payload,
          'base64',
        ).toString(),
      );
      expect(p2.predicate.chain).toEqual({
        seq: 2,
        previousChainSha256: record.chainSha256,
      });
    });

    it('generates one key, keeps it in the database and signs with it after a restart', async () => {
      const knex = await databases.init(databaseId);
      // Migrated by a store with a configured key: no key in the database yet.
      await open(knex, {
        cloudflare: { evidence: { signing: { privateKey: pkcs8('ed25519') } } },
      });
      const [first, racing] = await Promise.all([
        loadSigningKey(knex),
        loadSigningKey(knex),
      ]);
      expect(racing.keyid).toBe(first.keyid);
      const a = await open(knex);
      expect(a.publicKey).toMatchObject({
        source: 'database',
        keyid: first.keyid,
      });
      const restarted = await open(knex);
      expect(restarted.publicKey.publicKeyPem).toBe(a.publicKey.publicKeyPem);
      const record = await restarted.append(testSnapshot(3), 'user:default/a');
      expect((await a.envelope(record.id)).signatures[0].keyid).toBe(
        a.publicKey.keyid,
      );
    });

    it('signs with the configured key instead, and refuses one that is not Ed25519', async () => {
      const knex = await databases.init(databaseId);
      const generated = await open(knex);
      const pem = pkcs8('ed25519');
      const configured = await open(knex, {
        cloudflare: { evidence: { signing: { privateKey: pem } } },
      });
      expect(configured.publicKey.source).toBe('config');
      expect(configured.publicKey.keyid).not.toBe(generated.publicKey.keyid);
      const record = await configured.append(testSnapshot(4), 'user:default/a');
      expect(
        verifyEvidence({
          snapshot: (await configured.get(record.id)).bytes,
          snapshotName: evidenceFileName('zero-trust-audit', record.id),
          envelope: JSON.stringify(await configured.envelope(record.id)),
          publicKeyPem: configured.publicKey.publicKeyPem,
        }).valid,
      ).toBe(true);

      const other = pkcs8('ed448');
      const refused = open(knex, {
        cloudflare: { evidence: { signing: { privateKey: other } } },
      });
      await expect(refused).rejects.toThrow(
        'Invalid config cloudflare.evidence.signing.privateKey: must be an Ed25519 key, not ed448',
      );
      await expect(refused).rejects.not.toThrow(/PRIVATE KEY/);
    });
  },
);
