import { sdk, useDemoAccount } from '../__testUtils__/sdk';

const DAY = 86_400_000;

describe('Audit logs area', () => {
  const demo = useDemoAccount();
  const account_id = demo.account_id;
  const iso = (ms: number) => new Date(ms).toISOString();

  it('pages v1 audit logs and filters by actor and action', async () => {
    const all = [];
    for await (const l of sdk().auditLogs.list({ account_id })) all.push(l);
    expect(all.length).toBeGreaterThan(100);
    expect(
      demo.state.callCounts()['GET /accounts/:account_id/audit_logs'],
    ).toBe(3);

    const bobDeploys = [];
    for await (const l of sdk().auditLogs.list({
      account_id,
      actor: { email: 'bob@acme-org.org' },
      action: { type: 'deploy' },
      since: iso(Date.now() - 30 * DAY),
      per_page: 5,
    }))
      bobDeploys.push(l);
    expect(bobDeploys.length).toBeGreaterThan(0);
    expect(
      bobDeploys.every(
        l =>
          l.actor?.email === 'bob@acme-org.org' && l.action?.type === 'deploy',
      ),
    ).toBe(true);
    expect(
      bobDeploys.every(l => Date.parse(l.when ?? '') >= Date.now() - 30 * DAY),
    ).toBe(true);
  });

  it('has an audit event within 24h of most production deployments', () => {
    const { workers, auditLogs } = demo.state.data;
    const deploys = Object.entries(workers.deployments).flatMap(
      ([script, ds]) => ds.map(d => ({ script, d })),
    );
    const covered = deploys.filter(({ script, d }) =>
      auditLogs.v1.some(
        l =>
          l.resource?.id === script &&
          Math.abs(Date.parse(l.when ?? '') - Date.parse(d.created_on)) < DAY,
      ),
    );
    expect(covered.length / deploys.length).toBeGreaterThan(0.9);
    const routerLatest = workers.deployments['acme-edge-router'][0];
    expect(
      auditLogs.v1.some(
        l =>
          l.resource?.id === 'acme-edge-router' &&
          Math.abs(
            Date.parse(l.when ?? '') - Date.parse(routerLatest.created_on),
          ) < 60_000,
      ),
    ).toBe(false);
  });

  it('pages v2 audit logs by cursor, with cursor and cursors.after', async () => {
    const since = iso(Date.now() - 120 * DAY);
    const before = iso(Date.now() + DAY);
    const ids: string[] = [];
    for await (const l of sdk().accounts.logs.audit.list({
      account_id,
      since,
      before,
      limit: 40,
    }))
      ids.push(l.id ?? '');
    expect(ids).toHaveLength(demo.state.data.auditLogs.v2.length);
    const first = await sdk()
      .accounts.logs.audit.list({ account_id, since, before, limit: 40 })
      .asResponse()
      .then(r => r.json());
    expect(first.result_info.cursor).toBeTruthy();
    expect(first.result_info.cursors.after).toBe(first.result_info.cursor);

    const notCreates = [];
    for await (const l of sdk().accounts.logs.audit.list({
      account_id,
      since,
      before,
      action_type: { not: ['create'] },
    }))
      notCreates.push(l);
    expect(notCreates.length).toBeGreaterThan(0);
    expect(notCreates.some(l => l.action?.type === 'create')).toBe(false);
    expect(notCreates.some(l => l.action?.type === 'view')).toBe(true);
  });

  it('filters v2 by resource type and id, plain and negated', async () => {
    const since = iso(Date.now() - 120 * DAY);
    const before = iso(Date.now() + DAY);
    const all = demo.state.data.auditLogs.v2;
    const target = all.find(l => l.resource?.id)!;
    const type = target.resource!.type!;
    const list = async (query: Record<string, string>) => {
      const body = (await sdk().get(`/accounts/${account_id}/logs/audit`, {
        query: { since, before, limit: 1000, ...query },
      })) as { result: { id: string }[] };
      return body.result.map(l => l.id);
    };
    const ofType = all.filter(l => l.resource?.type === type).map(l => l.id);
    expect(ofType.length).toBeLessThan(all.length);
    expect((await list({ resource_type: type })).sort()).toEqual(
      [...ofType].sort(),
    );
    expect(await list({ 'resource_type.not': type })).toHaveLength(
      all.length - ofType.length,
    );
    const withId = all
      .filter(l => l.resource?.id === target.resource!.id)
      .map(l => l.id);
    expect((await list({ resource_id: target.resource!.id! })).sort()).toEqual(
      [...withId].sort(),
    );
    expect(await list({ actor_email: 'nobody@acme.example' })).toEqual([]);
  });

  it('answers v2 without since or before with 400', async () => {
    const res = await sdk()
      .get(`/accounts/${account_id}/logs/audit`, {
        query: { since: '2025-01-01' },
      })
      .catch(e => e);
    expect(res).toMatchObject({ status: 400 });
  });
});
