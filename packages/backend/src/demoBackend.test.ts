import { spawn, ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import {
  DemoAccountServer,
  startDemoAccountServer,
} from '@cloudflare-backstage/cloudflare-demo-account';

/**
 * Starts the real demo backend (the same `backstage-cli package start` that ./scripts/demo.sh runs,
 * with app-config.yaml: SQLite in memory, guest sign-in, the examples/ catalog) on a free port, with
 * its own demo Cloudflare account on another free port (never whatever may listen on 8787), and
 * checks that it serves the catalog with the example Components. The only slow test of the repo.
 */

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
          DEMO_USER: 'guest',
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
      const identity = await until(
        'a guest token',
        async () => {
          const res = await fetch(
            `${baseUrl}/api/auth/guest/refresh?env=development`,
            { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
          );
          return res.ok
            ? ((await res.json()).backstageIdentity as {
                token: string;
                identity: { userEntityRef: string };
              })
            : undefined;
        },
        150_000,
      );
      // The guest resolves to the example user (examples/org.yaml), a member of group readers.
      expect(identity.identity.userEntityRef).toBe('user:default/guest');
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
