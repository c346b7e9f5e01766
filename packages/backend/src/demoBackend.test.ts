import { spawn, ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import {
  DEMO_API_TOKEN,
  DemoAccountServer,
  startDemoAccountServer,
} from '@cloudflare-backstage/cloudflare-demo-account';

/**
 * Starts the real demo backend (the same `backstage-cli package start` that ./scripts/demo.sh runs,
 * with app-config.yaml: SQLite in memory, guest sign-in, the examples/ catalog) on a free port, with
 * its own demo Cloudflare account on another free port (never whatever may listen on 8787), and
 * checks that it serves the catalog with the example Components. Signed in as alice (group security,
 * who may read everything, unmasked, and export evidence), it then reads every route of the suite and
 * checks that no secret canary of the demo account, nor its API token, is in any answer or in anything
 * the backend logged. The only slow test of the repo.
 */

/** Every secret canary of the demo account starts so (see `SECRET_CANARIES`). */
const CANARY_PREFIX = 'CANARY-';

const ROOT = path.resolve(__dirname, '../../..');
const BACKEND = path.resolve(__dirname, '..');
const EXAMPLE_COMPONENTS = [
  'acme-api',
  'acme-web',
  'acme-worker-consumer',
  'acme-edge-router',
  'acme-ai-assistant',
  'acme-etl',
  'legacy-billing',
];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() =>
        typeof addr === 'object' && addr
          ? resolve(addr.port)
          : reject(new Error('no free port')),
      );
    });
  });
}

describe('demo backend', () => {
  let account: DemoAccountServer | undefined;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let exitInfo: string | undefined;
  let output = '';

  /** Polls `fn` every second until it returns a value, the backend exits, or `timeoutMs` passes. */
  async function until<T>(
    what: string,
    fn: () => Promise<T | undefined>,
    timeoutMs: number,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    while (Date.now() < deadline) {
      if (exitInfo) {
        throw new Error(`the backend exited (${exitInfo}) before ${what}`);
      }
      try {
        const value = await fn();
        if (value !== undefined) return value;
      } catch (error) {
        lastError = error;
      }
      await new Promise(r => setTimeout(r, 1000));
    }
    throw new Error(
      `timed out after ${timeoutMs / 1000} s waiting for ${what}${
        lastError ? ` (last error: ${lastError})` : ''
      }`,
    );
  }

  /** Stops the backend's whole process group (backstage-cli and the node process it forks). */
  async function stop() {
    if (!child?.pid) return;
    const group = -child.pid;
    const signal = (sig: NodeJS.Signals) => {
      try {
        process.kill(group, sig);
      } catch {
        // already gone
      }
    };
    const within = (ms: number) =>
      Promise.race([exited, new Promise(r => setTimeout(r, ms).unref())]);
    if (!exitInfo) {
      signal('SIGTERM');
      await within(15_000);
    }
    // The CLI may exit before its child, or not at all: nothing of the group may be left.
    signal('SIGKILL');
    await within(5_000);
  }

  afterAll(async () => {
    await stop();
    await account?.close();
  }, 30_000);

  it('starts and answers /api/catalog/entities with the example Components', async () => {
    account = await startDemoAccountServer({ port: 0 });
    const port = await freePort();
    const baseUrl = `http://localhost:${port}`;
    child = spawn(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/@backstage/cli/bin/backstage-cli'),
        'package',
        'start',
        '--config',
        path.join(ROOT, 'app-config.yaml'),
      ],
      {
        cwd: BACKEND,
        detached: true, // its own process group, so stop() reaches every descendant
        env: {
          ...process.env,
          NODE_ENV: 'development',
          DEMO_USER: 'alice',
          APP_CONFIG_backend_listen_port: String(port),
          APP_CONFIG_backend_baseUrl: baseUrl,
          APP_CONFIG_cloudflare_apiBaseUrl: account.baseUrl,
          FORCE_COLOR: '0',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    exited = new Promise(resolve =>
      child!.once('exit', (code, sig) => {
        exitInfo = `code ${code}, signal ${sig}`;
        resolve();
      }),
    );
    child.stdout!.on('data', d => (output += d));
    child.stderr!.on('data', d => (output += d));

    try {
      // A token taken once the catalog has read examples/org.yaml carries alice's group.
      const identity = await until(
        'a guest token with its groups',
        async () => {
          const res = await fetch(
            `${baseUrl}/api/auth/guest/refresh?env=development`,
            { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
          );
          if (!res.ok) return undefined;
          const { backstageIdentity } = await res.json();
          return backstageIdentity.identity.ownershipEntityRefs.length > 1
            ? (backstageIdentity as {
                token: string;
                identity: {
                  userEntityRef: string;
                  ownershipEntityRefs: string[];
                };
              })
            : undefined;
        },
        150_000,
      );
      // DEMO_USER picks the example user the guest sign-in resolves to (examples/org.yaml).
      expect(identity.identity.userEntityRef).toBe('user:default/alice');
      expect(identity.identity.ownershipEntityRefs).toContain(
        'group:default/security',
      );
      const token = identity.token;

      const names = await until(
        'the example Components in the catalog',
        async () => {
          const res = await fetch(
            `${baseUrl}/api/catalog/entities?filter=kind=component`,
            { headers: { Authorization: `Bearer ${token}` } },
          );
          if (!res.ok) return undefined;
          const entities: Array<{ metadata: { name: string } }> =
            await res.json();
          const found = entities.map(e => e.metadata.name).sort();
          return EXAMPLE_COMPONENTS.every(n => found.includes(n))
            ? found
            : undefined;
        },
        120_000,
      );
      expect(names).toEqual(expect.arrayContaining(EXAMPLE_COMPONENTS));

      // Without a token the catalog refuses: the backend really checks credentials.
      const anonymous = await fetch(`${baseUrl}/api/catalog/entities`);
      expect(anonymous.status).toBe(401);

      const health = await fetch(`${baseUrl}/api/cloudflare/health`);
      expect(health.status).toBe(200);

      // The entity provider has ingested the demo account (the catalog read below includes its entities).
      await until(
        'the Cloudflare Resource entities',
        async () => {
          const res = await fetch(
            `${baseUrl}/api/catalog/entities/by-name/resource/default/cf-worker-acme-api`,
            { headers: { Authorization: `Bearer ${token}` } },
          );
          return res.ok ? true : undefined;
        },
        120_000,
      );

      // Every route of the suite, masked and unmasked, the evidence exports and two bad inputs.
      const answers: Array<{ what: string; status: number; body: string }> = [];
      const call = async (what: string, init: RequestInit = {}) => {
        const [method, route] = what.split(' ');
        const res = await fetch(`${baseUrl}${route}`, {
          ...init,
          method,
          headers: {
            Authorization: `Bearer ${token}`,
            'Content-Type': 'application/json',
          },
        });
        answers.push({ what, status: res.status, body: await res.text() });
        return res.status;
      };
      const cf = '/api/cloudflare/v1';
      for (const view of ['masked', 'unmasked']) {
        for (const route of [
          'workers/acme-api/deployments',
          'pages/acme-web/deployments',
          'zero-trust/users',
          'zero-trust/access/audit',
        ]) {
          expect(await call(`GET ${cf}/${route}?view=${view}`)).toBe(200);
          // Every read route answers the one envelope of the common package.
          const envelope = JSON.parse(answers[answers.length - 1].body);
          expect(envelope).toMatchObject({
            account: expect.any(String),
            area: expect.any(String),
            view,
            items: expect.any(Array),
            masked: expect.any(Object),
            fetchedAt: expect.any(String),
          });
          expect(envelope.items.length).toBeGreaterThan(0);
        }
        expect(
          await call(
            `POST ${cf}/zero-trust/export/audit?download=json&view=${view}`,
          ),
        ).toBe(200);
      }
      expect(
        await call(`POST ${cf}/evidence/deployment-provenance?download=json`, {
          body: JSON.stringify({ workers: ['acme-api'], pages: ['acme-web'] }),
        }),
      ).toBe(200);
      expect(await call(`GET ${cf}/evidence`)).toBe(200);
      expect(await call(`GET ${cf}/workers/NOT%20A%20NAME/deployments`)).toBe(
        400,
      );
      expect(await call(`GET ${cf}/workers/no-such-script/deployments`)).toBe(
        404,
      );
      expect(await call('GET /api/catalog/entities')).toBe(200);
      expect(
        await call(
          'POST /api/tech-insights/checks/run/component/default/acme-api',
          { body: '{}' },
        ),
      ).toBe(200);

      const leaks = (text: string) =>
        [CANARY_PREFIX, DEMO_API_TOKEN].filter(secret => text.includes(secret));
      for (const { what, body } of answers) {
        expect({ what, leaks: leaks(body) }).toEqual({ what, leaks: [] });
      }
      expect(answers.map(a => a.body.length).every(n => n > 0)).toBe(true);
      expect({ log: leaks(output) }).toEqual({ log: [] });
    } catch (error) {
      // The backend's log without its request lines, which would drown the cause.
      const log = output
        .split('\n')
        .filter(line => !line.includes('incomingRequest'))
        .join('\n');
      throw new Error(
        `${error}\n--- backend output (tail) ---\n${log.slice(-6000)}`,
      );
    } finally {
      await stop();
    }
  }, 300_000);
});
