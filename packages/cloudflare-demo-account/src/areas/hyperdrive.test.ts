import Cloudflare from 'cloudflare';
import { sdk, useDemoAccount } from '../__testUtils__/sdk';
import { SECRET_CANARIES } from '../canaries';
import {
  generateHyperdriveData,
  ACME_HYPERDRIVE_ID,
} from '../fixtures/hyperdrive';
import { createRng } from '../rng';

describe('Hyperdrive area', () => {
  const demo = useDemoAccount();
  const account_id = demo.account_id;

  it('lists configs across pages with the SDK iterator', async () => {
    const configs = [];
    for await (const c of sdk().hyperdrive.configs.list({
      account_id,
      per_page: 2,
    }))
      configs.push(c);
    expect(configs.map(c => c.name)).toEqual([
      'acme-hyperdrive',
      'acme-hyperdrive-analytics',
      'acme-hyperdrive-tunnel',
      'acme-hyperdrive-inventory',
    ]);
    expect(configs[0].origin).toMatchObject({
      scheme: 'postgres',
      host: 'prod-db.acme-internal.net',
      port: 5432,
    });
    expect(configs[2].origin).toMatchObject({
      access_client_id: 'f00dbabe1234.access',
    });
    expect(JSON.stringify(configs[2].origin)).toContain(
      SECRET_CANARIES.hyperdriveAccessClientSecret,
    );
    expect(configs[3].origin).toMatchObject({
      service_id: '0199a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b',
    });
  });

  it('reads a config with caching and the deliberately over-shared password', async () => {
    const config = await sdk().hyperdrive.configs.get(ACME_HYPERDRIVE_ID, {
      account_id,
    });
    expect(config.caching).toEqual({
      disabled: false,
      max_age: 60,
      stale_while_revalidate: 15,
    });
    expect(JSON.stringify(config.origin)).toContain(
      SECRET_CANARIES.hyperdrivePassword,
    );
  });

  it('answers an unknown config with NotFoundError', async () => {
    await expect(
      sdk().hyperdrive.configs.get('nope', { account_id }),
    ).rejects.toBeInstanceOf(Cloudflare.NotFoundError);
  });

  it('generates scale-mode data deterministically from the seed', () => {
    const first = generateHyperdriveData(createRng(7), 40);
    const second = generateHyperdriveData(createRng(7), 40);
    expect(first.configs).toHaveLength(40);
    expect(first.configs.map(c => c.id)).toEqual(second.configs.map(c => c.id));
    expect(generateHyperdriveData(createRng(7), 0).configs).toHaveLength(0);
  });
});
