import {
  demoClient,
  expectNoCanary,
  useDemoAccount,
} from '../__testUtils__/demo';
import { toCfAccessAudit } from './auditLogs';

const window = () => ({
  since: new Date(Date.now() - 365 * 86_400_000).toISOString(),
  before: new Date(Date.now() + 60_000).toISOString(),
});

describe('AuditLogsApi', () => {
  const demo = useDemoAccount();

  it('follows cursors through every page, dropping raw bodies', async () => {
    const client = demoClient();
    const entries = await client.auditLogs.list({ ...window(), limit: 50 });
    expect(entries).toHaveLength(demo.state.data.auditLogs.v2.length);
    expect(new Set(entries.map(e => e.id)).size).toBe(entries.length);
    expect(JSON.stringify(entries)).not.toContain('raw request body');
    expect(entries[0].resource).not.toHaveProperty('request');
    expectNoCanary(entries);
    expect(client.stats().callsByArea.auditLogs).toBe(
      Math.ceil(entries.length / 50),
    );
    expect(client.stats().redactionsByArea.auditLogs).toBe(entries.length * 2);
  });

  it('reads result_info.cursor when cursors.after is missing', async () => {
    let calls = 0;
    const client = demoClient({
      fetch: async (url, init) => {
        const res = await fetch(url, init);
        calls += 1;
        const body = await res.json();
        delete body.result_info?.cursors;
        return new Response(JSON.stringify(body), {
          status: res.status,
          headers: { 'content-type': 'application/json' },
        });
      },
    });
    const entries = await client.auditLogs.list({ ...window(), limit: 100 });
    expect(entries).toHaveLength(demo.state.data.auditLogs.v2.length);
    expect(calls).toBeGreaterThan(1);
  });

  it('returns one page with its cursor', async () => {
    const client = demoClient();
    const first = await client.auditLogs.listPage({ ...window(), limit: 10 });
    expect(first.entries).toHaveLength(10);
    expect(first.cursor).toBeDefined();
    const second = await client.auditLogs.listPage(
      { ...window(), limit: 10 },
      first.cursor,
    );
    expect(second.entries[0].id).not.toBe(first.entries[0].id);
  });

  it('filters by actor, action type, target and time', async () => {
    const client = demoClient();
    const all = await client.auditLogs.list(window());
    const email = all[0].actor!.email!;
    const byActor = await client.auditLogs.list({
      ...window(),
      actorEmail: email,
    });
    expect(byActor.length).toBeGreaterThan(0);
    expect(byActor.every(e => e.actor?.email === email)).toBe(true);
    const creates = await client.auditLogs.list({
      ...window(),
      actionType: 'create',
    });
    expect(creates.every(e => e.action?.type === 'create')).toBe(true);
    const workers = await client.auditLogs.list({
      ...window(),
      resourceProduct: 'workers',
    });
    expect(workers.length).toBeGreaterThan(0);
    expect(workers.every(e => e.resource?.product === 'workers')).toBe(true);
    const lastDay = await client.auditLogs.list({
      since: new Date(Date.now() - 86_400_000).toISOString(),
      before: new Date().toISOString(),
    });
    expect(lastDay.length).toBeLessThan(all.length);
    const capped = await client.auditLogs.list(
      { ...window(), limit: 10 },
      { maxEntries: 15 },
    );
    expect(capped).toHaveLength(15);
  });

  it('requires since and before', async () => {
    await expect(
      demoClient().auditLogs.list({ since: '', before: '' }),
    ).rejects.toMatchObject({ kind: 'invalid-request' });
  });

  it('maps to the spec CfAccessAudit shape', async () => {
    const [e] = await demoClient().auditLogs.list(
      { ...window(), resourceProduct: 'workers' },
      { maxEntries: 1 },
    );
    const a = toCfAccessAudit(e);
    expect(a).toMatchObject({
      id: e.id,
      action: e.action!.type,
      ts: e.action!.time,
    });
    expect(a.target).toBe(`workers/script:${e.resource!.id}`);
    expect(a.actor.email).toBe(e.actor!.email);
  });

  it('fails the whole read when a page fails mid-pagination (no partial result)', async () => {
    demo.state.addFault({
      route: '/logs/audit',
      fault: { kind: 'fail-page', page: 2 },
    });
    await expect(
      demoClient().auditLogs.list({ ...window(), limit: 20 }),
    ).rejects.toMatchObject({ kind: 'unavailable', status: 500 });
  });
});
