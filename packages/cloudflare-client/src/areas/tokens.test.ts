import {
  demoClient,
  expectNoCanary,
  useDemoAccount,
  DEMO_API_TOKEN,
} from '../__testUtils__/demo';

describe('TokensApi', () => {
  const demo = useDemoAccount();

  it('lists user tokens (expired included) without values, counting the withheld value', async () => {
    const client = demoClient();
    const tokens = await client.tokens.listUserTokens();
    expect(tokens.length).toBe(demo.state.data.tokens.user.length);
    expectNoCanary(tokens);
    expect(tokens.every(t => !('value' in t))).toBe(true);
    expect(tokens.every(t => t.scope === 'user')).toBe(true);
    expect(tokens.flatMap(t => t.redactions)).toEqual([
      { path: 'value', reason: 'secret-field' },
    ]);
    expect(client.stats().redactionsByArea.tokens).toBe(1);
    const active = await client.tokens.listUserTokens({
      includeExpired: false,
    });
    expect(active.every(t => t.status !== 'expired')).toBe(true);
    const one = await client.tokens.getUserToken(tokens[0].id);
    expect(one.id).toBe(tokens[0].id);
    await expect(client.tokens.getUserToken('nope')).rejects.toMatchObject({
      kind: 'not-found',
    });
  });

  it('pages past page 1 of user tokens', async () => {
    const base = demo.state.data.tokens.user[0];
    demo.state.data.tokens.user = Array.from({ length: 120 }, (_, i) => ({
      ...base,
      id: `t${i}`,
      status: 'active' as const,
    }));
    const client = demoClient();
    expect(await client.tokens.listUserTokens()).toHaveLength(120);
    expect(client.stats().callsByArea.tokens).toBe(4); // 50 + 50 + 20 + empty
  });

  it('lists account tokens', async () => {
    const base = demo.state.data.tokens.user[0];
    demo.state.data.tokens.account = [{ ...base, id: 'acct-1' }];
    const client = demoClient();
    const tokens = await client.tokens.listAccountTokens();
    expect(tokens.map(t => [t.id, t.scope])).toEqual([['acct-1', 'account']]);
    expect((await client.tokens.getAccountToken('acct-1')).id).toBe('acct-1');
  });

  it('keeps token conditions', async () => {
    demo.state.data.tokens.user[0].condition = {
      request_ip: { in: ['198.51.100.4'], not_in: [] },
    };
    const [t] = await demoClient().tokens.listUserTokens();
    expect(t.condition?.request_ip?.in).toEqual(['198.51.100.4']);
  });

  it('verifies the calling token', async () => {
    const v = await demoClient().tokens.verify();
    expect(v).toMatchObject({ status: 'active', scope: 'user' });
    expect(JSON.stringify(v)).not.toContain(DEMO_API_TOKEN);
  });

  it('falls back to the account verify route for an account token', async () => {
    const client = demoClient({
      fetch: async (url, init) =>
        String(url).includes('/user/tokens/verify')
          ? new Response(
              JSON.stringify({
                success: false,
                errors: [{ code: 1000, message: 'Invalid API Token' }],
                messages: [],
                result: null,
              }),
              { status: 401, headers: { 'content-type': 'application/json' } },
            )
          : fetch(url, init),
    });
    expect(await client.tokens.verify()).toMatchObject({ scope: 'account' });
  });
});
