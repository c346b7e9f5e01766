import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { cloudflarePermissions } from '@cloudflare-backstage/plugin-cloudflare-common';
import { useDemoBackend } from '../__testUtils__/harness';

jest.setTimeout(60_000);

const { demo, start } = useDemoBackend();

const all = cloudflarePermissions.map(p => p.name);
/** alice: security (everything); pat: platform (no unmasked); eve: evidence but no R2; nobody. */
const GRANTS: Record<string, string[]> = {
  'user:default/alice': all,
  'user:default/pat': all.filter(n => n !== 'cloudflare.read.unmasked'),
  'user:default/eve': all.filter(n => n !== 'cloudflare.read.r2'),
};
const as = (user: string) => ({
  Authorization: mockCredentials.user.header(`user:default/${user}`),
});
const API = '/api/cloudflare';
const DAY_S = 86_400;

const startAsUsers = () =>
  start({
    allow: credentials =>
      GRANTS[credentials?.principal?.userEntityRef] ?? 'none',
  });

type Server = Awaited<ReturnType<typeof startAsUsers>>['server'];

/** Exports a snapshot as alice; returns its record. */
async function exportAs(server: Server, path: string, body?: object) {
  const res = await request(server)
    .post(`${API}${path}`)
    .set(as('alice'))
    .send(body);
  expect(res.status).toBe(201);
  return res.body as { id: string; sha256: string };
}

const diff = (server: Server, user: string, query: string) =>
  request(server).get(`${API}/v1/evidence/diff?${query}`).set(as(user));

/** Runs `change` on the demo account, then restores its data for the file's other tests. */
async function withChange<T>(
  change: () => void,
  body: () => Promise<T>,
): Promise<T> {
  const saved = structuredClone(demo.state.data);
  try {
    change();
    return await body();
  } finally {
    demo.state.data = saved;
  }
}

describe('GET /v1/evidence/diff', () => {
  it('r2-lifecycle: a rule added and a rule changed in the demo account, keyed by bucket and rule id', async () => {
    const { server, audit } = await startAsUsers();
    const from = await exportAs(server, '/v1/r2/lifecycle/export');
    const to = await withChange(
      () => {
        const bucket = demo.state.data.r2.buckets.find(
          b => b.bucket.name === 'acme-static-assets',
        )!;
        const [rule] = bucket.lifecycle.rules!;
        rule.deleteObjectsTransition = {
          condition: { type: 'Age', maxAge: 120 * DAY_S },
        };
        bucket.lifecycle.rules!.push({
          id: 'archive-logs',
          enabled: true,
          conditions: { prefix: 'logs/' },
        });
      },
      () => exportAs(server, '/v1/r2/lifecycle/export'),
    );

    const res = await diff(server, 'pat', `from=${from.id}&to=${to.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      kind: 'r2-lifecycle',
      view: 'masked',
      from: { id: from.id, sha256: from.sha256 },
      to: { id: to.id, sha256: to.sha256 },
      added: [
        {
          key: 'acme-static-assets/rules/archive-logs',
          value: {
            id: 'archive-logs',
            enabled: true,
            prefix: 'logs/',
            transitions: [],
          },
        },
      ],
      removed: [],
      changed: [
        {
          key: 'acme-static-assets/rules/expire-old-builds',
          fields: [{ path: 'expiration.afterDays', before: 90, after: 120 }],
        },
      ],
    });
    expect(res.body.from.collectedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    // Every other bucket and rule (six buckets) is the same.
    expect(res.body.unchanged).toBeGreaterThanOrEqual(6);
    expect(audit).toContainEqual({
      eventId: 'evidence-export',
      status: 'succeeded',
      meta: { kind: 'r2-lifecycle', view: 'masked' },
    });

    // The other way round, the added rule is removed and the change reverses.
    const back = await diff(server, 'pat', `from=${to.id}&to=${from.id}`);
    expect(back.body.removed.map((r: { key: string }) => r.key)).toEqual([
      'acme-static-assets/rules/archive-logs',
    ]);
    expect(back.body.changed[0].fields[0]).toEqual({
      path: 'expiration.afterDays',
      before: 120,
      after: 90,
    });
  });

  it('zero-trust-audit: a new event and a changed one; emails masked unless asked for, and allowed, unmasked', async () => {
    const { server } = await startAsUsers();
    const from = await exportAs(
      server,
      '/v1/zero-trust/export/audit?view=unmasked',
    );
    const logs = () => demo.state.data.zeroTrust.accessRequests;
    const changedId = logs()[1].ray_id!;
    const to = await withChange(
      () => {
        logs()[1].allowed = !logs()[1].allowed;
        logs().unshift({
          ...logs()[0],
          ray_id: 'diff0000diff0001',
          created_at: new Date().toISOString(),
          user_email: 'mallory@acme-org.org',
        });
      },
      () => exportAs(server, '/v1/zero-trust/export/audit?view=unmasked'),
    );
    const query = `from=${from.id}&to=${to.id}`;

    const byPat = await diff(server, 'pat', query);
    expect(byPat.status).toBe(200);
    expect(byPat.body.view).toBe('masked');
    expect(byPat.body.added).toEqual([
      expect.objectContaining({ key: 'diff0000diff0001' }),
    ]);
    expect(byPat.body.added[0].value.actor.email).toBe('m***@acme-org.org');
    expect(byPat.body.added[0].value.actor.ip).toMatch(/\.0\/24$/);
    expect(byPat.body.changed).toEqual([
      {
        key: changedId,
        fields: [
          {
            path: 'allowed',
            before: expect.any(Boolean),
            after: expect.any(Boolean),
          },
        ],
      },
    ]);
    expect(byPat.text).not.toMatch(/mallory@/);
    expect(byPat.text).not.toMatch(/[a-z]{2,}@acme-org\.org/);

    // alice sees the masked view by default, the unmasked one when she asks.
    const masked = await diff(server, 'alice', query);
    expect(masked.body.added[0].value.actor.email).toBe('m***@acme-org.org');
    const unmasked = await diff(server, 'alice', `${query}&view=unmasked`);
    expect(unmasked.body.view).toBe('unmasked');
    expect(unmasked.body.added[0].value.actor.email).toBe(
      'mallory@acme-org.org',
    );

    // pat may not ask for the unmasked view.
    const denied = await diff(server, 'pat', `${query}&view=unmasked`);
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toMatch(/cloudflare\.read\.unmasked/);
    expect(denied.text).not.toMatch(/mallory/);
  });

  it('deployment-provenance: a deployment gone from a Worker, keyed by script and deployment id', async () => {
    const { server } = await startAsUsers();
    const scope = { workers: ['acme-api'] };
    const from = await exportAs(
      server,
      '/v1/evidence/deployment-provenance',
      scope,
    );
    const deployments = () => demo.state.data.workers.deployments['acme-api'];
    const gone = deployments()[deployments().length - 1].id!;
    const to = await withChange(
      () => deployments().pop(),
      () => exportAs(server, '/v1/evidence/deployment-provenance', scope),
    );

    const res = await diff(server, 'pat', `from=${from.id}&to=${to.id}`);
    expect(res.status).toBe(200);
    expect(res.body.kind).toBe('deployment-provenance');
    expect(res.body.added).toEqual([]);
    expect(res.body.changed).toEqual([]);
    expect(res.body.removed).toEqual([
      {
        key: `workers/acme-api/${gone}`,
        value: expect.objectContaining({
          id: gone,
          authorEmail: expect.any(String),
        }),
      },
    ]);
    expect(res.body.removed[0].value.authorEmail).toMatch(/^.\*\*\*@/);
    expect(res.body.unchanged).toBe(deployments().length - 1);
  });

  it('400 for bad ids and for two kinds, 404 for a snapshot that does not exist, 403 without the permissions', async () => {
    const { server, audit } = await startAsUsers();
    const zt = await exportAs(server, '/v1/zero-trust/export/audit');
    const r2 = await exportAs(server, '/v1/r2/lifecycle/export');

    const mixed = await diff(server, 'alice', `from=${zt.id}&to=${r2.id}`);
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.name).toBe('InputError');
    expect(mixed.body.error.message).toMatch(
      /different kinds.*zero-trust-audit.*r2-lifecycle/,
    );

    for (const query of [`from=nope&to=${r2.id}`, `from=${r2.id}`, '']) {
      const bad = await diff(server, 'alice', query);
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/evidence snapshot id/);
    }

    const missing = await diff(
      server,
      'alice',
      `from=${r2.id}&to=00000000-0000-4000-8000-000000000000`,
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.name).toBe('NotFoundError');

    const nobody = await diff(server, 'nobody', `from=${r2.id}&to=${r2.id}`);
    expect(nobody.status).toBe(403);
    expect(nobody.body.error.message).toMatch(/cloudflare\.export\.evidence/);

    // eve may export and diff evidence, but not read R2: not these snapshots.
    const noR2 = await diff(server, 'eve', `from=${r2.id}&to=${r2.id}`);
    expect(noR2.status).toBe(403);
    expect(noR2.body.error.message).toMatch(/cloudflare\.read\.r2/);
    const sameZt = await diff(server, 'eve', `from=${zt.id}&to=${zt.id}`);
    expect(sameZt.status).toBe(200);
    expect(sameZt.body).toMatchObject({ added: [], removed: [], changed: [] });

    expect(audit.filter(a => a.status === 'failed')).toContainEqual(
      expect.objectContaining({
        eventId: 'evidence-export',
        error: expect.stringMatching(/different kinds/),
      }),
    );
  });
});
