import {
  CloudflareEnvelope,
  D1DatabaseMetadata,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { resource } from '../testUtils';

/** Uuid of the demo account's `acme-core` database. */
export const ACME_CORE_UUID = 'e7c1a9b2-4d3f-4e5a-9b8c-7d6e5f4a3b2c';

/** `acme-core` as one read of it answers: the list fields, size and replication. */
const acmeCore = {
  uuid: ACME_CORE_UUID,
  name: 'acme-core',
  createdAt: '2025-09-18T12:44:19Z',
  version: 'production',
  fileSize: 412_123_136,
  readReplication: 'auto',
};

/** The `Resource` entity of `acme-core` as the catalog module makes it. */
export const acmeCoreResource = resource(
  'cf-d1-acme-core',
  'cloudflare-d1',
  acmeCore,
);

/** The metadata of `acme-core`, with its Time Travel bookmark. */
export const acmeCoreMetadata: CloudflareEnvelope<D1DatabaseMetadata> = {
  account: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
  area: 'd1',
  view: 'masked',
  item: {
    ...acmeCore,
    tags: { 'backstage-owner': 'platform' },
    bookmark: '00000001-00000001-00004c6d-e7c1a9b24d3f4e5a9b8c7d6e5f4a3b2c',
    bookmarkReadAt: '2026-11-20T10:00:00.000Z',
  },
  masked: {},
  fetchedAt: '2026-11-20T10:00:00.000Z',
};
