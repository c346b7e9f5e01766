import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { readProviderConfigs } from './CloudflareEntityProviderConfig';

const ACCOUNT = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const OTHER = 'aaaabbbbccccddddeeeeffff00001111';
const TOKEN = 'a-token-value-that-is-long-enough-000';

const read = (cloudflare: JsonObject) =>
  readProviderConfigs(new ConfigReader({ cloudflare }));

describe('readProviderConfigs', () => {
  it('reads a single top-level block as id default with defaults', () => {
    const [c, ...rest] = read({ accountId: ACCOUNT, apiToken: TOKEN });
    expect(rest).toEqual([]);
    expect(c.id).toBe('default');
    expect(c.accountId).toBe(ACCOUNT);
    expect(c.schedule).toEqual({
      frequency: { minutes: 10 },
      timeout: { minutes: 2 },
    });
    expect(Object.values(c.import).every(Boolean)).toBe(true);
    expect(c.ownership).toEqual([
      { area: 'zeroTrust', owner: 'group:default/security', system: undefined },
      { owner: 'group:default/platform', system: undefined },
    ]);
    expect(c.clientConfig.accountId).toBe(ACCOUNT);
  });

  it('reads tag rules as a key, or a key and a value split at the first =', () => {
    const [c] = read({
      accountId: ACCOUNT,
      apiToken: TOKEN,
      entityProvider: {
        ownership: [
          { match: { tag: 'backstage-owner=team-a' }, owner: 'group:team-a' },
          { match: { tag: 'pii' }, owner: 'group:privacy' },
          { match: { tag: 'expr=a=b' }, owner: 'group:c' },
        ],
      },
    });
    expect(c.ownership.slice(0, 3).map(r => r.tag)).toEqual([
      { key: 'backstage-owner', value: 'team-a' },
      { key: 'pii' },
      { key: 'expr', value: 'a=b' },
    ]);
  });

  it('returns nothing without an account', () => {
    expect(read({ entityProvider: { import: { workers: true } } })).toEqual([]);
  });

  it('reads account entries, sharing fetch, redaction and entityProvider, entry keys winning', () => {
    const configs = read({
      fetch: { timeoutMs: 1000 },
      entityProvider: {
        schedule: { frequency: { minutes: 5 }, timeout: { minutes: 1 } },
        import: { pages: false },
        ownership: [
          { match: { area: 'workers' }, owner: 'group:default/shared' },
        ],
        defaultSystem: 'system:default/acme-org',
      },
      accounts: [
        { id: 'prod', accountId: ACCOUNT, apiToken: TOKEN },
        {
          id: 'eu',
          accountId: OTHER,
          apiToken: TOKEN,
          apiBaseUrl: 'http://127.0.0.1:8787/client/v4',
          entityProvider: {
            schedule: { frequency: { hours: 1 }, timeout: { minutes: 3 } },
            import: { pages: true, kv: false },
            ownership: [
              { match: { namePattern: 'eu-.*' }, owner: 'group:default/eu' },
            ],
            defaultOwner: 'group:default/eu-platform',
          },
        },
      ],
    });
    expect(configs.map(c => c.id)).toEqual(['prod', 'eu']);
    const [prod, eu] = configs;
    expect(prod.schedule).toEqual({
      frequency: { minutes: 5 },
      timeout: { minutes: 1 },
    });
    expect(prod.import.pages).toBe(false);
    expect(prod.ownership[0]).toMatchObject({
      area: 'workers',
      owner: 'group:default/shared',
    });
    expect(prod.ownership.at(-1)).toEqual({
      owner: 'group:default/platform',
      system: 'system:default/acme-org',
    });
    expect(prod.clientConfig.timeoutMs).toBe(1000);

    expect(eu.schedule).toEqual({
      frequency: { hours: 1 },
      timeout: { minutes: 3 },
    });
    expect(eu.import.pages).toBe(true);
    expect(eu.import.kv).toBe(false);
    expect(eu.ownership[0].owner).toBe('group:default/eu');
    expect(eu.ownership[0].namePattern!.test('eu-api')).toBe(true);
    expect(eu.ownership[0].namePattern!.test('not-eu-api')).toBe(false);
    expect(eu.ownership.at(-1)!.owner).toBe('group:default/eu-platform');
    expect(eu.clientConfig.apiBaseUrl).toBe('http://127.0.0.1:8787/client/v4');
  });

  it.each([
    [{ accountId: 'nope', apiToken: TOKEN }, 'cloudflare.accountId'],
    [{ accountId: ACCOUNT }, 'cloudflare.apiToken'],
    [
      {
        accountId: ACCOUNT,
        apiToken: TOKEN,
        entityProvider: { import: { nope: true } },
      },
      'cloudflare.entityProvider.import.nope',
    ],
    [
      {
        accountId: ACCOUNT,
        apiToken: TOKEN,
        entityProvider: { import: { kv: 'maybe' } },
      },
      'cloudflare.entityProvider.import.kv',
    ],
    [
      {
        accountId: ACCOUNT,
        apiToken: TOKEN,
        entityProvider: {
          ownership: [{ match: { area: 'x' }, owner: 'group:a' }],
        },
      },
      'cloudflare.entityProvider.ownership[0].match.area',
    ],
    [
      {
        accountId: ACCOUNT,
        apiToken: TOKEN,
        entityProvider: {
          ownership: [{ match: { namePattern: '(' }, owner: 'group:a' }],
        },
      },
      'cloudflare.entityProvider.ownership[0].match.namePattern',
    ],
    [
      {
        accountId: ACCOUNT,
        apiToken: TOKEN,
        entityProvider: {
          ownership: [{ match: { tag: '=team-a' }, owner: 'group:a' }],
        },
      },
      'cloudflare.entityProvider.ownership[0].match.tag',
    ],
    [
      {
        accountId: ACCOUNT,
        apiToken: TOKEN,
        entityProvider: { ownership: [{ owner: 'a:b:c/d/e' }] },
      },
      'cloudflare.entityProvider.ownership[0].owner',
    ],
    [
      {
        accountId: ACCOUNT,
        apiToken: TOKEN,
        entityProvider: { ownership: [{}] },
      },
      'cloudflare.entityProvider.ownership[0].owner',
    ],
    [
      {
        accountId: ACCOUNT,
        apiToken: TOKEN,
        entityProvider: { defaultOwner: 'a:b:c/d/e' },
      },
      'cloudflare.entityProvider.defaultOwner',
    ],
    [
      {
        accountId: ACCOUNT,
        apiToken: TOKEN,
        entityProvider: { schedule: { frequency: 'often' } },
      },
      'cloudflare.entityProvider.schedule',
    ],
    [
      { accounts: [{ id: 'a b', accountId: ACCOUNT, apiToken: TOKEN }] },
      'cloudflare.accounts[0].id',
    ],
    [
      {
        accounts: [
          { id: 'a', accountId: ACCOUNT, apiToken: TOKEN },
          { id: 'a', accountId: OTHER, apiToken: TOKEN },
        ],
      },
      'cloudflare.accounts[1].id',
    ],
    [
      { accounts: [{ id: 'a', accountId: 'bad', apiToken: TOKEN }] },
      'cloudflare.accounts[0].accountId',
    ],
    [{ accounts: 'all' }, 'cloudflare.accounts'],
  ])('names the key of a bad value (%#)', (cloudflare, key) => {
    expect(() => read(cloudflare as JsonObject)).toThrow(`'${key}'`);
  });
});

describe('readProviderConfigs with one account twice', () => {
  const entry = (id: string, accountId: string) => ({
    id,
    accountId,
    apiToken: TOKEN,
  });

  it('refuses two entries for one account, naming both keys', () => {
    const twice = () =>
      read({
        accounts: [
          entry('prod', ACCOUNT),
          entry('other', OTHER),
          entry('prod-again', ACCOUNT.toUpperCase()),
        ],
      });
    expect(twice).toThrow(`'cloudflare.accounts[2].accountId'`);
    expect(twice).toThrow(
      `names account ${ACCOUNT} as cloudflare.accounts[0] does`,
    );
  });

  it('makes one provider when the top-level block and an entry name the same account', () => {
    const configs = read({
      accountId: ACCOUNT,
      apiToken: TOKEN,
      accounts: [entry('prod', ACCOUNT), entry('other', OTHER)],
    });
    expect(configs.map(c => [c.id, c.accountId])).toEqual([
      ['prod', ACCOUNT],
      ['other', OTHER],
    ]);
  });
});
