import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { DEMO_ACCOUNT_ID } from '@cloudflare-backstage/cloudflare-demo-account';
import { useDemoBackend } from '../__testUtils__/harness';
import {
  ACCESS_LOG_BATCH,
  encodeAccessAuditCursor,
  MAX_ACCESS_LOG_CALLS_PER_PAGE,
} from './accessAudit';

jest.setTimeout(60_000);

const { demo, start } = useDemoBackend();

const READS = [
  '/v1/workers/acme-api/deployments',
  '/v1/pages/acme-web/deployments',
  '/v1/zero-trust/users',
  '/v1/zero-trust/access/audit',
];

const serviceHeader = (subject?: string) =>
  subject
    ? mockCredentials.service.header({
        onBehalfOf: mockCredentials.service(subject),
        targetPluginId: 'cloudflare',
      })
    : mockCredentials.service.header();

type Page = { items: any[]; cursor?: string };

/** Every page of the audit route for `query`, as the route answers them. */
async function allPages(server: any, query: string, maxPages = 200) {
  const pages: Page[] = [];
  let cursor: string | undefined;
  do {
    const res = await request(server).get(
      `/api/cloudflare/v1/zero-trust/access/audit?${query}${
        cursor ? `&cursor=${cursor}` : ''
      }`,
    );
    expect(res.status).toBe(200);
    pages.push(res.body);
    cursor = res.body.cursor;
  } while (cursor && pages.length < maxPages);
  return pages;
}

describe('read routes (the real client against the demo account)', () => {
  describe('service callers', () => {
    it.each(READS)(
      'refuses ?view=unmasked of %s to a service principal, unaudited and unread',
      async path => {
        const { server, audit } = await start();
        const res = await request(server)
          .get(`/api/cloudflare${path}?view=unmasked`)
          .set('Authorization', serviceHeader());
        expect(res.status).toBe(403);
        expect(res.body.error).toMatchObject({
          name: 'NotAllowedError',
          message: expect.stringContaining('signed-in users'),
        });
        expect(audit).toEqual([]);
        expect(demo.state.totalCalls()).toBe(0);
      },
    );

    it('serves the masked view to a service principal', async () => {
      const { server } = await start();
      const res = await request(server)
        .get('/api/cloudflare/v1/zero-trust/users')
        .set('Authorization', serviceHeader());
      expect(res.status).toBe(200);
      expect(res.body.view).toBe('masked');
    });

    it('serves ?view=unmasked to a service named in cloudflare.permissions.trustedServices, audited', async () => {
      const { server, audit } = await start({
        cloudflare: { permissions: { trustedServices: ['plugin:audit-bot'] } },
      });
      const other = await request(server)
        .get('/api/cloudflare/v1/zero-trust/users?view=unmasked')
        .set('Authorization', serviceHeader('plugin:scaffolder'));
      expect(other.status).toBe(403);
      const res = await request(server)
        .get('/api/cloudflare/v1/zero-trust/users?view=unmasked')
        .set('Authorization', serviceHeader('plugin:audit-bot'));
      expect(res.status).toBe(200);
      expect(res.body.view).toBe('unmasked');
      expect(audit.map(a => `${a.eventId}:${a.status}`)).toEqual([
        'unmasked-read:initiated',
        'unmasked-read:succeeded',
      ]);
    });
  });

  it('shows the CI run URL of Pages deployments', async () => {
    const { server } = await start();
    const res = await request(server).get(
      '/api/cloudflare/v1/pages/acme-web/deployments',
    );
    expect(res.status).toBe(200);
    const pushed = res.body.items.filter(
      (d: any) => d.triggerType === 'github:push',
    );
    expect(pushed.length).toBeGreaterThan(0);
    for (const d of pushed) {
      expect(d.ciRunUrl).toBe(
        `https://dash.cloudflare.com/${DEMO_ACCOUNT_ID}/pages/view/acme-web/${d.id}`,
      );
    }
  });

  it('answers an unknown path with a JSON 404', async () => {
    const { server } = await start();
    for (const path of ['/v1/nope', '/v1/workers', '/v2/zero-trust/users']) {
      const res = await request(server).get(`/api/cloudflare${path}`);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/json/);
      expect(res.body.error.name).toBe('NotFoundError');
    }
    const post = await request(server).post('/api/cloudflare/health');
    expect(post.status).toBe(404);
    expect(post.body.error.name).toBe('NotFoundError');
  });

  describe('Access audit paging', () => {
    const logs = () => demo.state.data.zeroTrust.accessRequests;

    it('fills filtered pages and gives a cursor while more exist', async () => {
      const { server } = await start();
      const target = logs()[0].app_domain!;
      const expected = logs()
        .filter(l => l.app_domain === target)
        .map(l => l.ray_id);
      expect(expected.length).toBeGreaterThan(3);
      const pages = await allPages(server, `target=${target}&limit=2`);
      for (const p of pages.slice(0, -1)) {
        expect(p.items).toHaveLength(2);
        expect(p.cursor).toEqual(expect.any(String));
      }
      expect(pages[pages.length - 1].cursor).toBeUndefined();
      expect(pages.flatMap(p => p.items.map(e => e.id))).toEqual(expected);
    });

    it('pages the whole log one event at a time, without loss or repeat, through shared timestamps', async () => {
      const original = [...logs()];
      // Five entries at the instant of the third, three sharing the first's.
      const extra = (i: number, at: string) => ({
        ...original[0],
        ray_id: `ffff0000ffff000${i}`,
        created_at: at,
      });
      logs().splice(
        3,
        0,
        ...[1, 2, 3, 4, 5].map(i => extra(i, original[2].created_at!)),
      );
      logs().splice(1, 0, extra(6, original[0].created_at!));
      logs().splice(1, 0, extra(7, original[0].created_at!));
      try {
        const { server } = await start();
        const expected = logs().map(l => l.ray_id);
        const pages = await allPages(server, 'limit=1');
        const ids = pages.flatMap(p => p.items.map(e => e.id));
        expect([...ids].sort()).toEqual([...expected].sort());
        expect(new Set(ids).size).toBe(ids.length);

        const byThree = (await allPages(server, 'limit=3')).flatMap(p =>
          p.items.map(e => e.id),
        );
        expect([...byThree].sort()).toEqual([...expected].sort());
      } finally {
        logs().splice(0, logs().length, ...original);
      }
    });

    it('bounds the upstream reads of one page and continues where the scan stopped', async () => {
      const original = [...logs()];
      const oldest = Date.parse(original[original.length - 1].created_at!);
      const many = MAX_ACCESS_LOG_CALLS_PER_PAGE * ACCESS_LOG_BATCH + 500;
      logs().push(
        ...Array.from({ length: many }, (_, i) => ({
          ...original[0],
          ray_id: `aaaa${String(i).padStart(12, '0')}`,
          created_at: new Date(oldest - (i + 1) * 1000).toISOString(),
        })),
      );
      try {
        const { server } = await start();
        const path =
          '/api/cloudflare/v1/zero-trust/access/audit?action=no-such-action&limit=5';
        const first = await request(server).get(path);
        expect(first.status).toBe(200);
        expect(first.body.items).toEqual([]);
        expect(first.body.cursor).toEqual(expect.any(String));
        expect(demo.state.totalCalls()).toBe(MAX_ACCESS_LOG_CALLS_PER_PAGE);
        const last = await request(server).get(
          `${path}&cursor=${first.body.cursor}`,
        );
        expect(last.body).toMatchObject({ items: [] });
        expect(last.body.cursor).toBeUndefined();
        expect(demo.state.totalCalls()).toBe(MAX_ACCESS_LOG_CALLS_PER_PAGE + 1);
      } finally {
        logs().splice(0, logs().length, ...original);
      }
    });

    it('matches actor exactly, though Cloudflare matches e-mail substrings', async () => {
      const original = [...logs()];
      const email = original[0].user_email!;
      logs().splice(1, 0, {
        ...original[0],
        ray_id: 'bbbb000000000001',
        user_email: `x${email}`,
      });
      try {
        const { server } = await start();
        const res = await request(server).get(
          `/api/cloudflare/v1/zero-trust/access/audit?view=unmasked&limit=1000&actor=${encodeURIComponent(
            email,
          )}`,
        );
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBe(
          original.filter(l => l.user_email === email).length,
        );
        expect(res.body.items.every((e: any) => e.actor.email === email)).toBe(
          true,
        );
      } finally {
        logs().splice(0, logs().length, ...original);
      }
    });

    it.each([
      ['not base64 JSON', 'bm90LWpzb24'],
      ['a wrong shape', Buffer.from('{"v":2}').toString('base64url')],
      [
        'a negative instant',
        encodeAccessAuditCursor({ v: 1, at: -1, seen: [] }),
      ],
      [
        'a bad id',
        encodeAccessAuditCursor({ v: 1, at: 1, seen: ['<script>'] }),
      ],
    ])('answers 400 JSON for a cursor with %s', async (_, cursor) => {
      const { server } = await start();
      const res = await request(server).get(
        `/api/cloudflare/v1/zero-trust/access/audit?cursor=${cursor}`,
      );
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        name: 'InputError',
        message: expect.stringContaining('cursor'),
      });
    });
  });

  it('keeps the actor e-mail out of cache keys and audit records', async () => {
    const { server, audit, cacheKeys } = await start();
    const email = logs0Email();
    const path = `/api/cloudflare/v1/zero-trust/access/audit?actor=${encodeURIComponent(
      email,
    )}&view=unmasked`;
    const first = await request(server).get(path);
    expect(first.status).toBe(200);
    expect(first.body.items.length).toBeGreaterThan(0);
    expect(first.body.items.every((e: any) => e.actor.email === email)).toBe(
      true,
    );
    expect((await request(server).get(path)).status).toBe(200);
    expect(demo.state.totalCalls()).toBe(1);

    expect(cacheKeys.length).toBeGreaterThan(0);
    const recorded = JSON.stringify({ cacheKeys, audit });
    expect(recorded).not.toContain(email);
    expect(recorded).not.toContain(encodeURIComponent(email));
    expect(recorded).not.toContain(email.split('@')[0]);
    expect(audit[0]).toMatchObject({
      eventId: 'unmasked-read',
      meta: { args: { actor: expect.stringMatching(/^hmac-sha256:/) } },
      url: expect.stringMatching(/actor=hmac-sha256/),
    });
  });

  function logs0Email() {
    return demo.state.data.zeroTrust.accessRequests[0].user_email!;
  }
});
