import { sdk, useDemoAccount } from '../__testUtils__/sdk';
import { SECRET_CANARIES } from '../canaries';
import { DEMO_TOKEN_ID } from '../fixtures/tokens';

const DAY = 86_400_000;

describe('Tokens area', () => {
  const demo = useDemoAccount();
  const account_id = demo.account_id;

  it('lists user tokens across two pages at the default page size', async () => {
    const tokens = [];
    for await (const t of sdk().user.tokens.list()) tokens.push(t);
    expect(tokens).toHaveLength(24);
    expect(demo.state.callCounts()['GET /user/tokens']).toBe(3);

    const legacy = tokens.find(t => t.name === 'legacy-terraform');
    expect(legacy?.expires_on).toBeUndefined();
    expect(Date.now() - Date.parse(legacy?.issued_on ?? '')).toBeGreaterThan(
      180 * DAY,
    );
    const unused = tokens.find(t => t.name === 'old-ci-deploy');
    expect(Date.now() - Date.parse(unused?.last_used_on ?? '')).toBeGreaterThan(
      90 * DAY,
    );
    // The demo over-shares `value` on one token; the SDK passes it through, so clients must drop it.
    expect(JSON.stringify(tokens)).toContain(SECRET_CANARIES.apiTokenValue);
  });

  it('lists account tokens and reads one', async () => {
    const tokens = [];
    for await (const t of sdk().accounts.tokens.list({ account_id }))
      tokens.push(t);
    expect(tokens.map(t => t.name)).toEqual([
      'acme-backstage-reader',
      'acme-ci-account',
      'acme-old-export',
    ]);
    const one = await sdk().accounts.tokens.get(tokens[0].id ?? '', {
      account_id,
    });
    expect(one.name).toBe('acme-backstage-reader');
  });

  it('verifies the demo token, user and account scoped', async () => {
    const user = await sdk().user.tokens.verify();
    expect(user).toMatchObject({ id: DEMO_TOKEN_ID, status: 'active' });
    expect(Date.parse(user.expires_on ?? '')).toBeGreaterThan(Date.now());
    const account = await sdk().accounts.tokens.verify({ account_id });
    expect(account.id).toBe(DEMO_TOKEN_ID);
  });
});
