import {
  demoClient,
  expectNoCanary,
  useDemoAccount,
} from '../__testUtils__/demo';
import {
  maskByPaths,
  zeroTrustRoutes,
} from '@cloudflare-backstage/plugin-cloudflare-common';

describe('ZeroTrustApi', () => {
  const demo = useDemoAccount();

  it('lists applications and their policies', async () => {
    const client = demoClient();
    const apps = await client.zeroTrust.listApplications();
    expect(apps.length).toBeGreaterThanOrEqual(8);
    expectNoCanary(apps);
    const app = await client.zeroTrust.getApplication(apps[0].id);
    expect(app.id).toBe(apps[0].id);
    const policies = await client.zeroTrust.listApplicationPolicies(apps[0].id);
    expect(policies.length).toBeGreaterThan(0);
    expect(policies[0]).toHaveProperty('decision');
    await expect(
      client.zeroTrust.listApplicationPolicies('nope'),
    ).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('drops application secrets and counts them', async () => {
    const app = demo.state.data.zeroTrust.applications[0] as any;
    app.saas_app = {
      auth_type: 'oidc',
      client_id: 'cid',
      client_secret: 'CANARY-extra-saas-secret-0001',
    };
    app.scim_config = {
      enabled: true,
      remote_uri: 'https://scim.example',
      authentication: {
        scheme: 'oauthbearertoken',
        token: 'CANARY-extra-scim-token-0002',
      },
    };
    const client = demoClient();
    const apps = await client.zeroTrust.listApplications();
    expectNoCanary(apps, [
      'CANARY-extra-saas-secret-0001',
      'CANARY-extra-scim-token-0002',
    ]);
    expect(apps[0].saas_app).toEqual({ auth_type: 'oidc', client_id: 'cid' });
    expect(apps[0].redactions).toEqual([
      { path: 'scim_config.authentication.token', reason: 'secret-field' },
      { path: 'saas_app.client_secret', reason: 'secret-field' },
    ]);
    expect(client.stats().redactionsByArea.zeroTrust).toBe(2);
  });

  it('pages through every reusable policy and masks emails in rules', async () => {
    const base = demo.state.data.zeroTrust.policies[0];
    demo.state.data.zeroTrust.policies = Array.from({ length: 60 }, (_, i) => ({
      ...base,
      id: `pol-${i}`,
      include: [
        { email: { email: `user${i}@acme-org.org` } },
        { service_token: { token_id: 'f'.repeat(32) } },
      ],
      exclude: [{ ip: { ip: '203.0.113.7/32' } }],
    }));
    const client = demoClient();
    const policies = await client.zeroTrust.listReusablePolicies();
    expect(policies).toHaveLength(60);
    expect(client.stats().callsByArea.zeroTrust).toBe(4); // 25 + 25 + 10 + empty
    expect(policies[1].include).toEqual([
      { email: { email: 'user1@acme-org.org' } },
      { service_token: { token_id: 'f'.repeat(32) } },
    ]);
  });

  it('redacts credential-shaped values inside policy rules', async () => {
    const jwt =
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    demo.state.data.zeroTrust.policies[0].include = [
      {
        external_evaluation: {
          evaluate_url: jwt,
          keys_url: 'https://keys.example',
        },
      } as any,
    ];
    const [p] = await demoClient().zeroTrust.listReusablePolicies();
    expect(JSON.stringify(p)).not.toContain(jwt);
    expect(p.redactions).toEqual([
      {
        path: 'include[0].external_evaluation.evaluate_url',
        reason: 'credential-value-shape',
      },
    ]);
  });

  it('lists identity providers without client secrets', async () => {
    const client = demoClient();
    const idps = await client.zeroTrust.listIdentityProviders();
    expectNoCanary(idps);
    const gh = idps.find(i => i.type === 'github')!;
    expect(gh.config).toEqual({ client_id: 'Iv1.acmeorg0000001' });
    expect(gh.redactions).toEqual([
      { path: 'config.client_secret', reason: 'secret-field' },
    ]);
    const okta = idps.find(i => i.type === 'okta')!;
    expect(okta.config).toMatchObject({
      okta_account: 'https://acme-org.okta.com',
    });
    expect(okta.scim_config?.enabled).toBe(true);
  });

  it('lists access requests with since/until/limit/email/action filters', async () => {
    const client = demoClient();
    const all = await client.zeroTrust.listAccessRequests({ limit: 1000 });
    expect(all.length).toBe(demo.state.data.zeroTrust.accessRequests.length);
    const last24h = await client.zeroTrust.listAccessRequests({
      since: new Date(Date.now() - 86_400_000).toISOString(),
      until: new Date().toISOString(),
      limit: 1000,
    });
    expect(last24h.length).toBeGreaterThan(0);
    expect(last24h.length).toBeLessThan(all.length);
    const email = all[0].user_email!;
    const mine = await client.zeroTrust.listAccessRequests({
      email,
      limit: 1000,
    });
    expect(mine.every(r => r.user_email === email)).toBe(true);
    expect(
      await client.zeroTrust.listAccessRequests({
        action: 'no-such-action',
        limit: 1000,
      }),
    ).toEqual([]);
    const denied = await client.zeroTrust.listAccessRequests({
      allowed: false,
      limit: 1000,
      direction: 'asc',
    });
    expect(denied.every(r => r.allowed === false)).toBe(true);
    expect((await client.zeroTrust.listAccessRequests()).length).toBe(25);
  });

  it('reads Access log entries as audit events, masked by the wire contract', async () => {
    const client = demoClient();
    const raw = await client.zeroTrust.listAccessRequests({ limit: 5 });
    const events = await client.zeroTrust.listAccessAuditEvents({ limit: 5 });
    expect(events).toHaveLength(raw.length);
    expect(events[0]).toMatchObject({
      id: raw[0].ray_id,
      createdAt: raw[0].created_at,
      actor: { email: raw[0].user_email, ip: raw[0].ip_address },
      target: raw[0].app_domain ?? undefined,
    });
    const { wire } = zeroTrustRoutes.accessAudit;
    expect(wire.schema.parse(events[0])).toEqual(events[0]);
    const { value } = maskByPaths(events[0], wire.sensitive, 'masked');
    expect(value.actor.email).toMatch(/^.\*\*\*@/);
    expect(value.actor.ip).not.toBe(events[0].actor.ip);
  });

  it('lists users past page 1 and filters by email', async () => {
    const client = demoClient();
    const users = await client.zeroTrust.listUsers();
    expect(users).toHaveLength(40);
    const one = await client.zeroTrust.listUsers({ email: users[0].email! });
    expect(one.map(u => u.id)).toContain(users[0].id);
  });

  it('reads users as the wire type; masking by its paths hides email and name', async () => {
    const users = await demoClient().zeroTrust.listUsers();
    const { wire } = zeroTrustRoutes.users;
    for (const u of users) expect(wire.schema.parse(u)).toEqual(u);
    const user = users.find(u => u.name && u.email)!;
    const { value, masked } = maskByPaths(
      users[users.indexOf(user)],
      wire.sensitive,
      'masked',
    );
    expect(value.name).toBe('[masked]');
    expect(value.email).toMatch(/^.\*\*\*@/);
    expect(masked).toEqual({ email: 1, name: 1 });
  });
});
