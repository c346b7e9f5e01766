import request from 'supertest';
import {
  ALL_SECRET_CANARIES,
  DEMO_API_TOKEN,
  parseFault,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { allPermissionsBut, useDemoBackend } from './__testUtils__/harness';

jest.setTimeout(60_000);

const { demo, start } = useDemoBackend();
/** A short timeout, with the client's retries, so `hang` and `stall-body` end quickly. */
const SHORT = { fetch: { timeoutMs: 500 } };

const all = allPermissionsBut();
const readOnly = allPermissionsBut(
  'cloudflare.read.zerotrust',
  'cloudflare.export.evidence',
  'cloudflare.read.unmasked',
);
const ROLES: Record<string, string[]> = {
  security: all,
  platform: all,
  engineering: readOnly,
  readers: readOnly,
  nobody: [],
};
const READS = [
  '/v1/workers/acme-api/deployments',
  '/v1/pages/acme-web/deployments',
  '/v1/zero-trust/users',
  '/v1/zero-trust/access/audit?limit=50',
  '/v1/zero-trust/export/audit?download=json',
  '/v1/workers/does-not-exist/deployments',
];

describe('cloudflare plugin against the demo account', () => {
  it.each(Object.keys(ROLES))(
    'never shows a secret canary to %s, in any view, body or log',
    async role => {
      const { server, logLines } = await start({
        allow: ROLES[role],
        cloudflare: SHORT,
      });
      const bodies: string[] = [];
      for (const view of ['masked', 'unmasked', 'bogus']) {
        for (const path of READS) {
          const sep = path.includes('?') ? '&' : '?';
          const res = await request(server).get(
            `/api/cloudflare${path}${sep}view=${view}`,
          );
          bodies.push(res.text);
        }
        const prov = await request(server)
          .post(
            `/api/cloudflare/v1/evidence/deployment-provenance?download=json&view=${view}`,
          )
          .send({ workers: ['acme-api', 'acme-edge'], pages: ['acme-web'] });
        bodies.push(prov.text);
      }
      const list = await request(server).get('/api/cloudflare/v1/evidence');
      bodies.push(list.text);
      for (const item of list.body.items ?? []) {
        bodies.push(
          (
            await request(server).get(
              `/api/cloudflare/v1/evidence/${item.id}/download`,
            )
          ).text,
        );
      }
      const everything = [...bodies, ...logLines].join('\n');
      expect(everything.length).toBeGreaterThan(1000);
      for (const canary of ALL_SECRET_CANARIES) {
        expect(everything).not.toContain(canary);
      }
      expect(everything).not.toContain(DEMO_API_TOKEN);
    },
  );

  it('reads deployments with provenance, masked by default', async () => {
    const { server } = await start({ cloudflare: SHORT });
    const res = await request(server).get(
      '/api/cloudflare/v1/workers/acme-api/deployments',
    );
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    const withSha = res.body.items.filter((d: any) => d.commitSha);
    expect(withSha.length).toBeGreaterThan(0);
    const emails = res.body.items
      .map((d: any) => d.authorEmail)
      .filter(Boolean);
    expect(emails.length).toBeGreaterThan(0);
    expect(emails.every((e: string) => /^.\*\*\*@/.test(e))).toBe(true);
    const pages = await request(server).get(
      '/api/cloudflare/v1/pages/acme-web/deployments',
    );
    expect(pages.status).toBe(200);
    expect(pages.body.items[0]).toMatchObject({
      id: expect.any(String),
      createdOn: expect.any(String),
    });

    const audit = await request(server).get(
      '/api/cloudflare/v1/zero-trust/access/audit?limit=2',
    );
    expect(audit.status).toBe(200);
    expect(audit.body.items).toHaveLength(2);
    expect(audit.body.items[0].actor.email).toMatch(/\*\*\*@/);
    expect(audit.body.cursor).toEqual(expect.any(String));
    const next = await request(server).get(
      `/api/cloudflare/v1/zero-trust/access/audit?limit=2&cursor=${audit.body.cursor}`,
    );
    expect(next.status).toBe(200);
    expect(next.body.items[0].createdAt <= audit.body.items[1].createdAt).toBe(
      true,
    );
    expect(next.body.items[0].id).not.toBe(audit.body.items[0].id);
  });

  it.each([
    ['server-error:503', 503],
    ['hang', 503],
    ['stall-body', 503],
    ['rate-limit:7', 503],
    ['malformed-json', 502],
    ['html-200', 502],
    ['result-null', 502],
  ])(
    'maps upstream fault %s to %i JSON without secrets',
    async (fault, status) => {
      const { server, logLines } = await start({ cloudflare: SHORT });
      demo.state.addFault({ route: '/deployments', fault: parseFault(fault)! });
      const res = await request(server).get(
        '/api/cloudflare/v1/workers/acme-api/deployments',
      );
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/json/);
      // A 503 (nothing kept for the route yet) tells the caller when to come back.
      expect(Number(res.headers['retry-after'] ?? 0) >= 1).toBe(status === 503);
      expect(res.body.error.message).toMatch(/Cloudflare/);
      const text = res.text + logLines.join('\n');
      expect(text).not.toContain(DEMO_API_TOKEN);
      for (const canary of ALL_SECRET_CANARIES)
        expect(text).not.toContain(canary);
    },
  );

  it('answers 502 when Cloudflare refuses the token', async () => {
    const { server } = await start({
      cloudflare: { ...SHORT, apiToken: 'wrong-token-0123456789abcdef' },
    });
    const res = await request(server).get(
      '/api/cloudflare/v1/zero-trust/users',
    );
    expect(res.status).toBe(502);
    expect(res.text).not.toContain('wrong-token');
  });

  it('makes 1,000 identical concurrent requests cost one upstream call', async () => {
    const { server } = await start({ cloudflare: SHORT });
    demo.state.resetCalls();
    const responses = await Promise.all(
      Array.from({ length: 1000 }, () =>
        request(server).get('/api/cloudflare/v1/pages/acme-web/deployments'),
      ),
    );
    expect(responses.every(r => r.status === 200)).toBe(true);
    expect(demo.state.totalCalls()).toBe(1);
  });
});
