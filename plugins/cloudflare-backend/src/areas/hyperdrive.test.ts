import request from 'supertest';
import { ConfigReader } from '@backstage/config';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import { SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import { useDemoBackend } from '../__testUtils__/harness';

/*
 * What only the Hyperdrive route does: the client's configs, the origin's infrastructure detail
 * masked by default and shown unmasked only to cloudflare.read.unmasked, and never the origin
 * password or Access client secret in either view. Permissions, the bad inputs and the canaries
 * of every route are checked by ./index.test.ts.
 */

jest.setTimeout(60_000);

const { config, start } = useDemoBackend();

const CONFIGS = '/api/cloudflare/v1/hyperdrive/configs';
const client = () => CloudflareClient.fromConfig(new ConfigReader(config()));

describe('Hyperdrive route (the real client against the demo account)', () => {
  it('answers the configs with the origin masked: caching, mTLS and sslmode stay readable', async () => {
    const { server } = await start({ allow: ['cloudflare.read.hyperdrive'] });
    const res = await request(server).get(CONFIGS);
    expect(res.status).toBe(200);
    expect(res.body.view).toBe('masked');
    expect(res.body.masked).toEqual({
      'origin.scheme': 4,
      'origin.host': 3,
      'origin.port': 2,
      'origin.database': 4,
      'origin.user': 4,
      'origin.accessClientId': 1,
    });
    const [acme, , tunnel, vpc] = res.body.items;
    expect(acme).toMatchObject({
      name: 'acme-hyperdrive',
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
      mtls: { sslmode: 'verify-full' },
    });
    expect(tunnel.origin.accessClientId).toBe('[masked]');
    expect(vpc.origin.serviceId).toBe('0199a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b');
    const body = JSON.stringify(res.body);
    expect(body).not.toContain('prod-db.acme-internal.net');
    expect(body).not.toContain(SECRET_CANARIES.hyperdrivePassword);
    expect(body).not.toContain(SECRET_CANARIES.hyperdriveAccessClientSecret);
  });

  it("answers the client's configs unchanged to cloudflare.read.unmasked, audited, without a secret", async () => {
    const { server, audit } = await start();
    const res = await request(server).get(`${CONFIGS}?view=unmasked`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ view: 'unmasked', masked: {} });
    expect(res.body.items).toEqual(await client().hyperdrive.listConfigs());
    expect(res.body.items[0].origin.host).toBe('prod-db.acme-internal.net');
    expect(audit.map(a => `${a.eventId}:${a.status}`)).toEqual([
      'unmasked-read:initiated',
      'unmasked-read:succeeded',
    ]);
    const body = JSON.stringify(res.body);
    expect(body).not.toContain(SECRET_CANARIES.hyperdrivePassword);
    expect(body).not.toContain(SECRET_CANARIES.hyperdriveAccessClientSecret);
  });
});
