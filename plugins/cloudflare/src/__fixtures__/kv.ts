import {
  CloudflareEnvelope,
  KvKeySample,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { resource } from '../testUtils';

/** Id of the demo account's `acme-cache` namespace. */
export const ACME_CACHE_ID = '9a8b7c6d5e4f40312a1b0c9d8e7f6a5b';

/** The `Resource` entity of `acme-cache` as the catalog module makes it. */
export const acmeCacheResource = resource('cf-kv-acme-cache', 'cloudflare-kv', {
  namespaceId: ACME_CACHE_ID,
  title: 'acme-cache',
  keysApprox: 2500,
  ttlPolicy: false,
});

/** A masked sample: an ordinary key, a masked credential-like name, a withheld one, one never expiring. */
export const kvSample: CloudflareEnvelope<KvKeySample> = {
  account: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
  area: 'kv',
  view: 'masked',
  items: [
    {
      name: 'cache:/api/orders/00000',
      redaction: 'none',
      expiration: new Date(Date.now() + 3 * 3600 * 1000).toISOString(),
      ttlSeconds: 3 * 3600,
      hasMetadata: true,
      valueRead: false,
    },
    {
      credentialName: '[masked]',
      redaction: 'credential-key-name',
      hasMetadata: true,
      valueRead: false,
    },
    {
      redaction: 'credential-value-shape',
      expiration: new Date(Date.now() + 86400 * 1000).toISOString(),
      ttlSeconds: 86400,
      hasMetadata: false,
      valueRead: false,
    },
  ],
  masked: { credentialName: 1 },
  fetchedAt: '2026-11-20T10:00:00.000Z',
};
