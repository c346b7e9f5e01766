import { spawn, ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

/**
 * Starts the real demo backend (the same `backstage-cli package start` that ./scripts/demo.sh runs,
 * on a free port) and checks that it serves the catalog with the example Components.
 */

const ROOT = path.resolve(__dirname, '../../..');
const BACKEND = path.resolve(__dirname, '..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

async function until<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await fn();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(`Timed out waiting for ${what}${lastError ? `: ${lastError}` : ''}`);
}

describe('demo backend', () => {
  let child: ChildProcess | undefined;
  let output = '';

  afterAll(async () => {
    if (child?.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  });

  it('starts and answers /api/catalog/entities with the example Components', async () => {
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
        detached: true,
        env: {
          ...process.env,
          NODE_ENV: 'development',
          DEMO_USER: 'guest',
          APP_CONFIG_backend_listen_port: String(port),
          APP_CONFIG_backend_baseUrl: baseUrl,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout!.on('data', d => (output += d));
    child.stderr!.on('data', d => (output += d));

    try {
      const token = await until(
        'a guest token',
        async () => {
          const res = await fetch(`${baseUrl}/api/auth/guest/refresh?env=development`, {
            headers: { 'X-Requested-With': 'XMLHttpRequest' },
          });
          return res.ok ? ((await res.json()).backstageIdentity.token as string) : undefined;
        },
        150_000,
      );
      const names = await until(
        'the example Components in the catalog',
        async () => {
          const res = await fetch(`${baseUrl}/api/catalog/entities?filter=kind=component`, {
            headers: { Authorization: `Bearer ${token}` },
          });
          if (!res.ok) return undefined;
          const entities: Array<{ metadata: { name: string } }> = await res.json();
          const found = entities.map(e => e.metadata.name).sort();
          return found.includes('acme-api') && found.includes('acme-web') ? found : undefined;
        },
        60_000,
      );
      expect(names).toEqual(expect.arrayContaining(['acme-api', 'acme-web', 'acme-edge-router', 'legacy-billing']));

      const health = await fetch(`${baseUrl}/api/cloudflare/health`);
      expect(health.status).toBe(200);
    } catch (error) {
      throw new Error(`${error}\n--- backend output (tail) ---\n${output.slice(-4000)}`);
    }
  }, 240_000);
});
