import {
  ALL_SECRET_CANARIES,
  DEMO_API_TOKEN,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { CLOUDFLARE_ROUTES } from '@cloudflare-backstage/plugin-cloudflare-common';
import { DEMO_READS, mayRead } from './__testUtils__/demoRoutes';
import {
  DemoBackend,
  startDemoBackend,
  waitFor,
  withLog as withBackendLog,
} from './demo/demoBackend';

/**
 * The suite's actions as an AI agent meets them: the demo backend's MCP endpoint
 * (`@backstage/plugin-mcp-actions-backend`, `POST /api/mcp-actions/v1`, JSON-RPC `tools/list` and
 * `tools/call`) lists and calls them with the caller's token, and the permission matrix of spec
 * section 5 holds as for the routes: alice (security) sees and reads everything, unmasked too;
 * eve (engineering) does not see the Zero Trust and Secrets Store reads nor the evidence actions,
 * and her unmasked read is refused. No secret canary is in any answer.
 */

jest.setTimeout(300_000);

const SECRETS = ['CANARY-', DEMO_API_TOKEN, ...ALL_SECRET_CANARIES];

interface ToolResult {
  isError?: boolean;
  content: Array<{ type: string; text: string }>;
  structuredContent?: any;
}

describe('demo actions over MCP', () => {
  let demo: DemoBackend;
  const tokens = {} as Record<'alice' | 'eve', string>;
  const answers: string[] = [];
  let id = 0;
  const withLog = (fn: () => Promise<void>) => withBackendLog(() => demo, fn);

  /** One JSON-RPC call of the MCP endpoint (stateless streamable HTTP: an SSE answer). */
  async function mcp(token: string, method: string, params: object = {}) {
    const res = await fetch(`${demo.baseUrl}/api/mcp-actions/v1`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        Accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: (id += 1), method, params }),
    });
    const text = await res.text();
    answers.push(text);
    expect(res.status).toBe(200);
    const data = text
      .split('\n')
      .filter(l => l.startsWith('data: '))
      .map(l => JSON.parse(l.slice(6)));
    const message = data.length ? data[data.length - 1] : JSON.parse(text);
    if (message.error) throw new Error(JSON.stringify(message.error));
    return message.result;
  }
  const tools = async (token: string): Promise<string[]> =>
    (await mcp(token, 'tools/list')).tools.map((t: any) => t.name);
  const call = (token: string, name: string, args: object = {}) =>
    mcp(token, 'tools/call', { name, arguments: args }) as Promise<ToolResult>;

  beforeAll(async () => {
    demo = await startDemoBackend();
  });

  afterAll(async () => {
    await demo?.stop();
  }, 30_000);

  it(
    'lists the actions each group may use',
    withLog(async () => {
      tokens.alice = await demo.signInAs('alice');
      tokens.eve = await demo.signInAs('eve');
      const alice = await tools(tokens.alice);
      const eve = await tools(tokens.eve);
      for (const name of [
        'cloudflare.read-kv-namespaces',
        'cloudflare.read-workers-deployments',
        'cloudflare.get-entity-cloudflare-posture',
      ]) {
        expect(alice).toContain(name);
        expect(eve).toContain(name);
      }
      for (const name of [
        'cloudflare.read-zero-trust-users',
        'cloudflare.read-secrets-store-stores',
        'cloudflare.export-evidence',
        'cloudflare.verify-evidence',
      ]) {
        expect(alice).toContain(name);
        expect(eve).not.toContain(name);
      }
      // one action per route, besides the catalog's
      expect(alice.filter(n => n.startsWith('cloudflare.read-'))).toHaveLength(
        33,
      );
    }),
  );

  it(
    'reads masked for both, unmasked only for security, and a denied area is not there for eve',
    withLog(async () => {
      const masked = await call(tokens.eve, 'cloudflare.read-kv-namespaces');
      expect(masked.isError).toBeFalsy();
      expect(masked.structuredContent).toMatchObject({
        area: 'kv',
        view: 'masked',
      });
      expect(masked.structuredContent.items.length).toBeGreaterThan(0);
      const unmasked = await call(tokens.alice, 'cloudflare.read-kv-keys', {
        namespace: '1b2c3d4e5f6a47b8c9d0e1f2a3b4c5d6',
        view: 'unmasked',
      });
      expect(unmasked.structuredContent).toMatchObject({ view: 'unmasked' });
      const refused = await call(tokens.eve, 'cloudflare.read-kv-keys', {
        namespace: '1b2c3d4e5f6a47b8c9d0e1f2a3b4c5d6',
        view: 'unmasked',
      });
      expect(refused.isError).toBe(true);
      expect(refused.content[0].text).toMatch(/^NotAllowedError: /);
      const hidden = await call(tokens.eve, 'cloudflare.read-zero-trust-users');
      expect(hidden.isError).toBe(true);
      expect(hidden.content[0].text).toMatch(/^NotFoundError: /);
      const zt = await call(tokens.alice, 'cloudflare.read-zero-trust-users');
      expect(zt.structuredContent).toMatchObject({ area: 'zeroTrust' });
    }),
  );

  it(
    'answers every read action as the permission matrix says, as the routes do',
    withLog(async () => {
      for (const route of CLOUDFLARE_ROUTES) {
        const read = DEMO_READS[route.id](demo.account.state.data);
        const name = `cloudflare.read-${route.id
          .replace('.', '-')
          .replace(/[A-Z]/g, c => `-${c.toLowerCase()}`)}`;
        const args = {
          ...read.params,
          ...Object.fromEntries(new URLSearchParams(read.query ?? '')),
          ...(read.body ? { body: read.body } : {}),
        };
        for (const user of ['alice', 'eve'] as const) {
          const result = await call(tokens[user], name, args);
          const allowed = mayRead(user, route.area);
          // Allowed: the masked envelope of the area. Denied: the action is not there for them.
          expect({
            route: route.id,
            user,
            area: result.structuredContent?.area,
            view: result.structuredContent?.view,
            error: result.isError
              ? result.content[0].text.split(':')[0]
              : undefined,
          }).toEqual({
            route: route.id,
            user,
            area: allowed ? route.area : undefined,
            view: allowed ? 'masked' : undefined,
            error: allowed ? undefined : 'NotFoundError',
          });
        }
      }
    }),
  );

  it(
    "answers an entity's Cloudflare resources as far as the caller may read them",
    withLog(async () => {
      await waitFor(
        demo,
        'the Cloudflare Resource entities',
        '/api/catalog/entities/by-name/resource/default/cf-kv-acme-cache',
        tokens.alice,
      );
      const posture = async (token: string) =>
        (
          await call(token, 'cloudflare.get-entity-cloudflare-posture', {
            entity: 'acme-api',
          })
        ).structuredContent;
      // Tech Insights computes the entity's facts on its own schedule once the entities exist: ask
      // again until its checks have run (bounded), rather than racing the first retriever run.
      let alice = await posture(tokens.alice);
      for (let i = 0; i < 60 && !alice.checks?.checks?.length; i++) {
        await new Promise(r => setTimeout(r, 1000));
        alice = await posture(tokens.alice);
      }
      const eve = await posture(tokens.eve);
      expect(alice.entity.ref).toBe('component:default/acme-api');
      const byArea = (p: any, area: string) =>
        p.resources.find((r: any) => r.area === area);
      expect(byArea(alice, 'kv')).toMatchObject({
        readable: true,
        read: 'cloudflare.read-kv-namespaces',
      });
      expect(byArea(alice, 'kv').values.length).toBe(1);
      expect(byArea(eve, 'kv')).toMatchObject({ readable: true });
      expect(byArea(alice, 'secretsStore')).toMatchObject({ readable: true });
      expect(byArea(eve, 'secretsStore')).toMatchObject({
        readable: false,
        reason: 'needs cloudflare.read.secretsstore.meta',
      });
      expect(byArea(eve, 'secretsStore').values).toBeUndefined();
      // Tech Insights' checks of the entity and of each resource, run on behalf of the caller
      // (a resource's own checks appear once its retrievers have run: at least an empty list).
      expect(alice.checks.checks).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            id: expect.any(String),
            passed: expect.any(Boolean),
            criterion: expect.any(String),
            remediation: expect.stringMatching(/^\/cloudflare\/remediation#/),
          }),
        ]),
      );
      expect(byArea(alice, 'r2').checks).toEqual({
        checks: expect.any(Array),
      });
    }),
  );

  it(
    'exports and verifies evidence for security',
    withLog(async () => {
      const exported = await call(tokens.alice, 'cloudflare.export-evidence', {
        kind: 'r2-lifecycle',
        scope: { bucket: 'acme-prod-artifacts' },
      });
      expect(exported.isError).toBeFalsy();
      const { id: snapshot, sha256 } = exported.structuredContent;
      expect(sha256).toMatch(/^[0-9a-f]{64}$/);
      const verified = await call(tokens.alice, 'cloudflare.verify-evidence', {
        id: snapshot,
      });
      expect(verified.structuredContent).toMatchObject({ valid: true });
      const eve = await call(tokens.eve, 'cloudflare.export-evidence', {
        kind: 'r2-lifecycle',
      });
      expect(eve.content[0].text).toMatch(/^NotFoundError: /);
    }),
  );

  it('puts no secret in any answer', () => {
    expect(answers.length).toBeGreaterThan(10);
    for (const text of answers) {
      for (const secret of SECRETS) expect(text).not.toContain(secret);
    }
  });
});
