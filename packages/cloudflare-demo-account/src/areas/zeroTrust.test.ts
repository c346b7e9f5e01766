import { sdk, useDemoAccount } from '../__testUtils__/sdk';
import { SECRET_CANARIES } from '../canaries';
import { ACME_GITHUB_IDP_ID } from '../fixtures/zeroTrust';

describe('Zero Trust area', () => {
  const demo = useDemoAccount();
  const account_id = demo.account_id;

  it('lists applications across pages and their policies', async () => {
    const apps = [];
    for await (const a of sdk().zeroTrust.access.applications.list({
      account_id,
      per_page: 3,
    }))
      apps.push(a);
    expect(apps).toHaveLength(8);
    expect(apps[0]).toMatchObject({
      name: 'Acme Admin',
      domain: 'admin.acme-org.org',
      type: 'self_hosted',
    });
    const policies = [];
    for await (const p of sdk().zeroTrust.access.applications.policies.list(
      apps[0].id ?? '',
      { account_id },
    ))
      policies.push(p);
    expect(
      policies.map(p => [p.name, 'precedence' in p ? p.precedence : undefined]),
    ).toEqual([
      ['Platform engineers', 1],
      ['Security admins', 2],
    ]);
  });

  it('lists the 12 reusable policies across pages', async () => {
    const names: string[] = [];
    for await (const p of sdk().zeroTrust.access.policies.list({
      account_id,
      per_page: 5,
    }))
      names.push(p.name ?? '');
    expect(names).toHaveLength(12);
    expect(names[0]).toBe('Employees');
  });

  it('lists identity providers okta and github', async () => {
    const idps = [];
    for await (const i of sdk().zeroTrust.identityProviders.list({
      account_id,
    }))
      idps.push(i);
    expect(idps.map(i => i.type)).toEqual(['okta', 'github', 'onetimepin']);
    const github = idps.find(i => i.id === ACME_GITHUB_IDP_ID);
    expect(JSON.stringify(github?.config)).toContain(
      SECRET_CANARIES.accessClientSecret,
    );
  });

  it('filters access request logs by since, until and limit', async () => {
    const now = Date.now();
    const last24h = await sdk().zeroTrust.access.logs.accessRequests.list({
      account_id,
      since: new Date(now - 86_400_000).toISOString(),
      until: new Date(now).toISOString(),
      limit: 100,
    });
    expect(last24h.length).toBeGreaterThan(10);
    expect(last24h.length).toBeLessThan(60);
    expect(
      last24h.every(l => Date.parse(l.created_at ?? '') >= now - 86_400_000),
    ).toBe(true);
    const defaultLimit = await sdk().zeroTrust.access.logs.accessRequests.list({
      account_id,
    });
    expect(defaultLimit).toHaveLength(25);
    expect(defaultLimit[0].user_email).toBe('alice@acme-org.org');
  });

  it('lists access users across pages', async () => {
    const emails: string[] = [];
    for await (const u of sdk().zeroTrust.access.users.list({ account_id }))
      emails.push(u.email ?? '');
    expect(emails).toHaveLength(40);
    expect(new Set(emails).size).toBe(40);
  });

  it('pages physical devices by cursor', async () => {
    const ids: string[] = [];
    for await (const d of sdk().zeroTrust.devices.devices.list({ account_id }))
      ids.push(d.id);
    expect(ids).toHaveLength(45);
    expect(new Set(ids).size).toBe(45);
    expect(
      demo.state.callCounts()[
        'GET /accounts/:account_id/devices/physical-devices'
      ],
    ).toBe(5);
  });
});
