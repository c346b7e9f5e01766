import {
  CloudflareEnvelope,
  HyperdriveConfig,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { resource } from '../testUtils';

/** The `Resource` entity of `acme-hyperdrive` as the catalog module makes it. */
export const acmeHyperdriveResource = resource(
  'cf-hyperdrive-acme-hyperdrive',
  'cloudflare-hyperdrive',
  {
    configId: '5c4b3a2918f74e6d8c7b6a5948372615',
    name: 'acme-hyperdrive',
    originNetwork: 'public',
    caching: 'enabled',
  },
);

/** The configs route's masked answer on the demo account. */
export const hyperdriveConfigs: CloudflareEnvelope<HyperdriveConfig> = {
  account: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
  area: 'hyperdrive',
  view: 'masked',
  items: [
    {
      id: '5c4b3a2918f74e6d8c7b6a5948372615',
      name: 'acme-hyperdrive',
      createdOn: '2026-02-07T10:00:00.000Z',
      modifiedOn: '2026-11-06T10:00:00.000Z',
      originConnectionLimit: 60,
      origin: {
        network: 'public',
        scheme: '[masked]',
        host: '[masked]',
        port: '[masked]',
        database: '[masked]',
        user: '[masked]',
      },
      caching: {
        enabled: true,
        maxAgeSeconds: 60,
        staleWhileRevalidateSeconds: 15,
      },
      mtls: {
        sslmode: 'verify-full',
        caCertificateId: 'a1b2c3d4-0000-4000-8000-00000000ca01',
      },
    },
    {
      id: '6d5c4b3a2918f74e6d8c7b6a59483726',
      name: 'acme-hyperdrive-analytics',
      origin: {
        network: 'public',
        scheme: '[masked]',
        host: '[masked]',
        port: '[masked]',
        database: '[masked]',
        user: '[masked]',
      },
      caching: { enabled: false },
    },
    {
      id: '7e6d5c4b3a2918f74e6d8c7b6a594837',
      name: 'acme-hyperdrive-tunnel',
      origin: {
        network: 'access',
        scheme: '[masked]',
        host: '[masked]',
        database: '[masked]',
        user: '[masked]',
        accessClientId: '[masked]',
      },
      caching: { enabled: true },
    },
  ],
  masked: {
    'origin.scheme': 3,
    'origin.host': 3,
    'origin.port': 2,
    'origin.database': 3,
    'origin.user': 3,
    'origin.accessClientId': 1,
  },
  fetchedAt: '2026-11-20T10:00:00.000Z',
};
