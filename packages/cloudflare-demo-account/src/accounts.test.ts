import Cloudflare from 'cloudflare';
import {
  createDemoAccounts,
  demoAccountId,
  demoApiTokenFor,
  pickDemoAccount,
} from './accounts';
import { DEMO_ACCOUNT_ID, createScaleAccountData } from './data';
import { DemoAccountServer, startDemoAccountServer } from './server';

describe('demo account ids and tokens', () => {
  it('gives distinct, stable 32-hex ids that are never the built-in account', () => {
    const ids = Array.from({ length: 50 }, (_, i) => demoAccountId(i));
    expect(new Set(ids).size).toBe(50);
    expect(ids.every(id => /^[0-9a-f]{32}$/.test(id))).toBe(true);
    expect(ids).not.toContain(DEMO_ACCOUNT_ID);
    expect(demoAccountId(3)).toBe(ids[3]);
  });

  it('scale data carries the given account id and name', () => {
    const data = createScaleAccountData({
      resources: 19,
      accountId: demoAccountId(1),
      name: 'scale-org-1',
    });
    expect(data.account).toEqual({ id: demoAccountId(1), name: 'scale-org-1' });
    expect(createScaleAccountData({ resources: 0 }).account.id).toBe(
      DEMO_ACCOUNT_ID,
    );
  });

  it('builds accounts with their own id, name, token and data', () => {
    const [a, b] = createDemoAccounts({ count: 2, resources: 38 });
    expect(a.data.account.id).toBe(demoAccountId(0));
    expect(b.data.account.name).toBe('scale-org-1');
    expect([...b.tokens]).toEqual([demoApiTokenFor(demoAccountId(1))]);
    expect(a.data.workers.scripts).toHaveLength(2);
    expect(a.data.workers.scripts[0].tag).not.toBe(
      b.data.workers.scripts[0].tag,
    );
  });

  it('picks the account by path, then by token, else the first', () => {
    const states = createDemoAccounts({ count: 3 });
    const [first, second, third] = states;
    const id = (i: number) => demoAccountId(i);
    expect(
      pickDemoAccount(
        states,
        `/client/v4/accounts/${id(2)}/workers/scripts`,
        undefined,
      ),
    ).toBe(third);
    expect(
      pickDemoAccount(
        states,
        '/client/v4/graphql',
        `Bearer ${demoApiTokenFor(id(1))}`,
      ),
    ).toBe(second);
    expect(
      pickDemoAccount(states, '/client/v4/accounts/nope/kv', undefined),
    ).toBe(first);
  });
});

// Real HTTP: several accounts behind one port.
describe('startDemoAccountServer with several accounts', () => {
  let server: DemoAccountServer;
  const states = createDemoAccounts({
    count: 3,
    counts: { workers: 3 },
    rateLimit: true,
  });
  beforeAll(async () => {
    server = await startDemoAccountServer({ port: 0, accounts: states });
  });
  afterAll(() => server.close());

  const sdk = (i: number) =>
    new Cloudflare({
      apiToken: demoApiTokenFor(demoAccountId(i)),
      baseURL: server.baseUrl,
      maxRetries: 0,
      timeout: 5_000,
    });
  const list = async (i: number, accountIndex = i) => {
    const ids: string[] = [];
    for await (const s of sdk(i).workers.scripts.list({
      account_id: demoAccountId(accountIndex),
    }))
      ids.push(s.id ?? '');
    return ids;
  };

  it('answers each account from its own data and counts its own calls', async () => {
    expect(server.states).toBe(states);
    const lists = [await list(0), await list(1), await list(2)];
    expect(lists.map(l => l.length)).toEqual([3, 3, 3]);
    expect(states.map(s => s.totalCalls())).toEqual([1, 1, 1]);
    const admin = await fetch(
      `http://127.0.0.1:${server.port}/__demo/accounts/${demoAccountId(
        1,
      )}/calls`,
    );
    expect((await admin.json()).total).toBe(1);
  });

  it("refuses one account's token on another account, as Cloudflare does", async () => {
    await expect(list(0, 1)).rejects.toMatchObject({ status: 401 });
  });

  it('keeps a rate limit per account token', async () => {
    const res = await fetch(
      `${server.baseUrl}/accounts/${demoAccountId(2)}/workers/scripts`,
      {
        headers: {
          authorization: `Bearer ${demoApiTokenFor(demoAccountId(2))}`,
        },
      },
    );
    expect(res.status).toBe(200);
    const remaining = Number(/r=(\d+)/.exec(res.headers.get('ratelimit')!)![1]);
    const other = states[0].remaining(demoApiTokenFor(demoAccountId(0)));
    expect(remaining).toBeLessThan(other.remaining);
  });
});
