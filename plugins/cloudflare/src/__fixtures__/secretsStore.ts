import {
  CloudflareEnvelope,
  SecretsStoreMetadata,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { resource } from '../testUtils';

/** Id of the demo account's `acme-account-secrets` store. */
export const ACME_SECRETS_STORE_ID = '8f7e6d5c4b3a49281706f5e4d3c2b1a0';

/** The `Resource` entity of `acme-account-secrets` as the catalog module makes it. */
export const acmeSecretsResource = resource(
  'cf-secrets-store-acme-account-secrets',
  'cloudflare-secrets-store',
  {
    storeId: ACME_SECRETS_STORE_ID,
    name: 'acme-account-secrets',
    secretCount: 24,
    secretsCounted: true,
  },
);

/** The masked metadata of `acme-account-secrets` (two of its secrets shown). */
export const acmeSecretsMetadata: CloudflareEnvelope<SecretsStoreMetadata> = {
  account: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
  area: 'secretsStore',
  view: 'masked',
  item: {
    id: ACME_SECRETS_STORE_ID,
    name: 'acme-account-secrets',
    created: '2026-04-28T10:00:00.000Z',
    modified: '2026-12-02T10:00:00.000Z',
    secretCount: 24,
    complete: true,
    byStatus: { active: 23, pending: 1 },
    byScope: {
      workers: 19,
      ai_gateway: 2,
      containers: 2,
      access: 1,
      websearch: 1,
    },
    lastSecretModified: '2026-11-29T10:00:00.000Z',
    accountQuota: { limit: 100, usage: 24 },
    secrets: [
      {
        id: '3e5a0000c0de4a1b8c2d3e4f5a6b7c8d',
        name: 'STRIPE_SECRET_KEY',
        status: 'active',
        scopes: ['workers'],
        comment: '[masked]',
        modified: '2026-11-29T10:00:00.000Z',
      },
      {
        id: '3e5a0003c0de4a1b8c2d3e4f5a6b7c8d',
        name: 'SENDGRID_API_KEY',
        status: 'active',
        scopes: ['workers'],
        commentWithheld: true,
        modified: '2026-11-26T10:00:00.000Z',
      },
    ],
  },
  masked: { 'secrets[].comment': 1 },
  fetchedAt: '2026-12-04T10:00:00.000Z',
};
