import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  KeyObject,
} from 'node:crypto';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { evidenceKeyId } from '@cloudflare-backstage/cloudflare-evidence-verify';
import { Knex } from 'knex';

/** Config key of the Ed25519 private key (PKCS#8 PEM) evidence is signed with. */
export const SIGNING_KEY_CONFIG = 'cloudflare.evidence.signing.privateKey';

/** Table holding the generated key of a plugin without {@link SIGNING_KEY_CONFIG}. */
export const SIGNING_KEY_TABLE = 'cloudflare_evidence_signing_key';

/** The key evidence is signed with: the private half, and what may be published of it. */
export interface EvidenceSigningKey {
  privateKey: KeyObject;
  /** SPKI PEM of the public key. */
  publicKeyPem: string;
  /** Hex SHA-256 of the public key's SPKI DER. */
  keyid: string;
  /** Where the key came from. */
  source: 'config' | 'database';
}

/** What may leave the store of its signing key. */
export type EvidencePublicKey = Omit<EvidenceSigningKey, 'privateKey'>;

function signingKeyOf(
  privateKey: KeyObject,
  source: EvidenceSigningKey['source'],
): EvidenceSigningKey {
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyid: evidenceKeyId(publicKey),
    source,
  };
}

/** The configured key; InputError naming the key (never its value) when it is not Ed25519 PEM. */
function configuredKey(pem: string): EvidenceSigningKey {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new InputError(
      `Invalid config ${SIGNING_KEY_CONFIG}: not a PEM private key`,
    );
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new InputError(
      `Invalid config ${SIGNING_KEY_CONFIG}: must be an Ed25519 key, not ${key.asymmetricKeyType}`,
    );
  }
  return signingKeyOf(key, 'config');
}

/**
 * The evidence signing key: `cloudflare.evidence.signing.privateKey` when configured, else the
 * key kept in the plugin's database, generated on first use. Instances starting together insert
 * at most one key (the first insert wins; the others read it back).
 */
export async function loadSigningKey(
  db: Knex,
  config?: Config,
): Promise<EvidenceSigningKey> {
  const pem = config?.getOptionalString(SIGNING_KEY_CONFIG);
  if (pem !== undefined) return configuredKey(pem);
  const read = () =>
    db<{ private_key_pem: string }>(SIGNING_KEY_TABLE)
      .where('id', 'default')
      .first('private_key_pem');
  let row = await read();
  if (!row) {
    const { privateKey } = generateKeyPairSync('ed25519');
    await db(SIGNING_KEY_TABLE)
      .insert({
        id: 'default',
        private_key_pem: privateKey
          .export({ type: 'pkcs8', format: 'pem' })
          .toString(),
        created_at: new Date().toISOString(),
      })
      .onConflict('id')
      .ignore();
    row = await read();
  }
  if (!row) throw new Error('The evidence signing key could not be stored');
  return signingKeyOf(createPrivateKey(row.private_key_pem), 'database');
}
