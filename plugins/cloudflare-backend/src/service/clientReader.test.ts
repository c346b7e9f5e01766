import fs from 'node:fs';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  ALL_SECRET_CANARIES,
  DEMO_ACCOUNT_ID,
  DEMO_API_TOKEN,
  parseFault,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { useServedDemoAccount } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';
import { createClientReader } from './clientReader';
import { BadGatewayError, GatewayTimeoutError } from './errors';

jest.setTimeout(30_000);

const demo = useServedDemoAccount();

const reader = (apiToken = DEMO_API_TOKEN) =>
  createClientReader({
    config: new ConfigReader({
      cloudflare: {
        accountId: DEMO_ACCOUNT_ID,
        apiToken,
        apiBaseUrl: demo.baseUrl,
        fetch: { timeoutMs: 500, maxRetries: 0 },
      },
    }),
    logger: mockServices.logger.mock(),
  });

const WORKER_KEYS = [
  'id',
  'createdAt',
  'source',
  'version',
  'versions',
  'authorEmail',
  'commitSha',
  'commitUrl',
  'ciRunUrl',
  'buildOutcome',
];

describe('createClientReader (over the Cloudflare client, against the demo account)', () => {
  it('has no HTTP client of its own', () => {
    const source = fs.readFileSync(
      path.join(__dirname, 'clientReader.ts'),
      'utf8',
    );
    expect(source).not.toMatch(/\bfetch\s*\(/);
    expect(source).not.toMatch(/from 'zod'/);
  });

  it('reads Worker deployments in the route shape, with provenance', async () => {
    const r = reader();
    const items = (await r.workerDeployments('acme-api')) as any[];
    expect(items.length).toBeGreaterThan(0);
    for (const d of items) {
      expect(Object.keys(d).every(k => WORKER_KEYS.includes(k))).toBe(true);
      expect(d).toMatchObject({
        id: expect.any(String),
        createdAt: expect.any(String),
        version: expect.any(String),
      });
      for (const v of d.versions) {
        expect(v).toEqual({
          versionId: expect.any(String),
          percentage: expect.any(Number),
        });
      }
    }
    expect(items.some(d => d.commitSha)).toBe(true);
    expect(items.some(d => d.authorEmail)).toBe(true);
  });

  it('reads Pages deployments in the route shape, in one upstream call', async () => {
    const r = reader();
    const items = (await r.pagesDeployments('acme-web')) as any[];
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]).toMatchObject({
      id: expect.any(String),
      createdAt: expect.any(String),
    });
    expect(items[0]).not.toHaveProperty('createdOn');
    expect(demo.state.totalCalls()).toBe(1);
  });

  it('reads Zero Trust users in the route shape', async () => {
    const users = (await reader().zeroTrustUsers()) as any[];
    expect(users.length).toBeGreaterThan(0);
    expect(users[0]).toMatchObject({
      id: expect.any(String),
      email: expect.any(String),
    });
    expect(users[0]).not.toHaveProperty('access_seat');
  });

  it('pages the Access audit log with an opaque cursor and filters by target', async () => {
    const r = reader();
    const first = await r.accessAudit({ limit: 2 });
    expect(first.events).toHaveLength(2);
    expect(first.cursor).toEqual(expect.any(String));
    const [a, b] = first.events as any[];
    expect(a).toMatchObject({
      ts: expect.any(String),
      actor: { email: expect.any(String) },
    });
    const next = await r.accessAudit({ limit: 2, cursor: first.cursor });
    expect((next.events[0] as any).ts <= b.ts).toBe(true);
    expect((next.events[0] as any).id).not.toBe(a.id);

    const target = (a.target ?? b.target) as string;
    const filtered = await r.accessAudit({ limit: 50, target });
    expect(filtered.events.length).toBeGreaterThan(0);
    expect(filtered.events.every((e: any) => e.target === target)).toBe(true);

    await expect(
      r.accessAudit({ limit: 2, cursor: 'not-a-cursor' }),
    ).rejects.toBeInstanceOf(InputError);
  });

  it('masks with the client masker and counts per field', async () => {
    const r = reader();
    const items = await r.workerDeployments('acme-api');
    const { value, redactions } = r.mask(items, 'masked');
    const emails = (value as any[]).map(d => d.authorEmail).filter(Boolean);
    expect(emails.every((e: string) => /^.\*\*\*@/.test(e))).toBe(true);
    expect(redactions.authorEmail).toBe(emails.length);
    expect(r.mask(items, 'unmasked')).toEqual({ value: items, redactions: {} });
  });

  it.each([
    ['server-error:503', ServiceUnavailableError],
    ['hang', GatewayTimeoutError],
    ['rate-limit:7', ServiceUnavailableError],
    ['malformed-json', BadGatewayError],
  ])('maps upstream fault %s to %p', async (fault, type) => {
    demo.state.addFault({ route: '/deployments', fault: parseFault(fault)! });
    const error = await reader()
      .workerDeployments('acme-api')
      .catch(e => e);
    expect(error).toBeInstanceOf(type);
    expect(error.message).toMatch(/Cloudflare/);
    const text = `${error.message} ${JSON.stringify(error)}`;
    expect(text).not.toContain(DEMO_API_TOKEN);
    for (const canary of ALL_SECRET_CANARIES)
      expect(text).not.toContain(canary);
  });

  it('maps not-found and a refused token', async () => {
    await expect(reader().workerDeployments('nope')).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(reader().pagesDeployments('nope')).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const token = 'wrong-token-0123456789abcdef';
    const error = await reader(token)
      .zeroTrustUsers()
      .catch(e => e);
    expect(error).toBeInstanceOf(BadGatewayError);
    expect(error.message).not.toContain(token);
  });

  it('reports the client call counters', async () => {
    const r = reader();
    await r.zeroTrustUsers();
    expect(r.stats()).toMatchObject({
      calls: expect.any(Number),
      callsByArea: { zeroTrust: expect.any(Number) },
    });
  });
});
