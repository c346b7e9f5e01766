import { SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import { useDemoAccount } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';
import {
  hyperdriveConfigSchema,
  hyperdriveRoutes,
  maskByPaths,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { demoContext } from '../__testUtils__/areaContext';
import { expectNoCanary } from '../__testUtils__/demo';
import { HyperdriveApi } from './hyperdrive';

const CONFIGS = 'GET /accounts/:account_id/hyperdrive/configs';

describe('HyperdriveApi', () => {
  const demo = useDemoAccount();

  it('lists every config with its origin, caching and mTLS; never a password or Access client secret', async () => {
    const ctx = demoContext();
    const configs = await new HyperdriveApi(ctx).listConfigs();
    for (const c of configs) expect(hyperdriveConfigSchema.parse(c)).toEqual(c);
    const [acme] = demo.state.data.hyperdrive.configs;
    expect(configs.map(c => [c.name, c.origin.network])).toEqual([
      ['acme-hyperdrive', 'public'],
      ['acme-hyperdrive-analytics', 'public'],
      ['acme-hyperdrive-tunnel', 'access'],
      ['acme-hyperdrive-inventory', 'vpc'],
    ]);
    expect(configs[0]).toEqual({
      id: '5c4b3a2918f74e6d8c7b6a5948372615',
      name: 'acme-hyperdrive',
      createdOn: acme.created_on,
      modifiedOn: acme.modified_on,
      originConnectionLimit: 60,
      origin: {
        network: 'public',
        scheme: 'postgres',
        host: 'prod-db.acme-internal.net',
        port: '5432',
        database: 'acme',
        user: 'acme_app',
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
    });
    expect(configs[1]).toMatchObject({
      restartedOn: expect.any(String),
      caching: { enabled: false },
      origin: { scheme: 'mysql', port: '3306' },
    });
    expect(configs[1]).not.toHaveProperty('mtls');
    expect(configs[2].origin).toEqual({
      network: 'access',
      scheme: 'postgresql',
      host: 'db.tunnel.acme-org.org',
      database: 'ledger',
      user: 'ledger_ro',
      accessClientId: 'f00dbabe1234.access',
    });
    expect(configs[3].origin).toEqual({
      network: 'vpc',
      scheme: 'postgres',
      database: 'inventory',
      user: 'inventory_app',
      serviceId: '0199a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b',
    });
    expect(configs[3].caching).toEqual({ enabled: true, maxAgeSeconds: 300 });
    expectNoCanary(configs);
    // acme-hyperdrive's password and acme-hyperdrive-tunnel's Access client secret, each counted.
    expect(ctx.stats().redactionsByArea).toEqual({ hyperdrive: 2 });
    // One page of four, and the empty page that ends the listing.
    expect(ctx.stats().callsByArea).toEqual({ hyperdrive: 2 });
    expect(demo.state.callCounts()).not.toHaveProperty(
      'GET /accounts/:account_id/hyperdrive/configs/:hyperdrive_id',
    );
  });

  it('pages as Cloudflare pages: 100 a page, until the empty page', async () => {
    const [first] = demo.state.data.hyperdrive.configs;
    demo.state.data.hyperdrive.configs = Array.from(
      { length: 230 },
      (_, i) => ({
        ...first,
        id: i.toString(16).padStart(32, '0'),
        name: `config-${i}`,
      }),
    );
    const configs = await new HyperdriveApi(demoContext()).listConfigs();
    expect(configs).toHaveLength(230);
    expect(new Set(configs.map(c => c.id)).size).toBe(230);
    expect(demo.state.callCounts()[CONFIGS]).toBe(4);
  });

  it('drops an unknown field of the origin or the config, and the secret it carries', async () => {
    const [acme] = demo.state.data.hyperdrive.configs;
    Object.assign(acme, { connection_string: SECRET_CANARIES.apiTokenValue });
    Object.assign(acme.origin, {
      private_key: SECRET_CANARIES.accessClientSecret,
    });
    const configs = await new HyperdriveApi(demoContext()).listConfigs();
    expect(configs[0]).not.toHaveProperty('connection_string');
    expect(configs[0].origin).not.toHaveProperty('private_key');
    expectNoCanary(configs);
  });

  it('fails the list, never answering fewer configs, when Cloudflare answers no list', async () => {
    demo.state.addFault({
      route: '/hyperdrive/configs',
      fault: { kind: 'result-null' },
    });
    await expect(
      new HyperdriveApi(demoContext()).listConfigs(),
    ).rejects.toMatchObject({
      kind: 'bad-response',
      operation: 'hyperdrive.listConfigs',
    });
  });

  it('masks the origin by its wire paths', () => {
    const item = maskByPaths(
      {
        origin: {
          network: 'public',
          scheme: 'postgres',
          host: 'prod-db.acme-internal.net',
          port: '5432',
          database: 'acme',
          user: 'acme_app',
        },
        caching: { enabled: true },
      },
      hyperdriveRoutes.configs.wire.sensitive,
      'masked',
    );
    expect(item.value.origin).toEqual({
      network: 'public',
      scheme: '[masked]',
      host: '[masked]',
      port: '[masked]',
      database: '[masked]',
      user: '[masked]',
    });
    expect(Object.values(item.masked).reduce((a, b) => a + b, 0)).toBe(5);
  });
});
