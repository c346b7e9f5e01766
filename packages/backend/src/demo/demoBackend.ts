import { spawn, ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  DemoAccountServer,
  startDemoAccountServer,
} from '@cloudflare-backstage/cloudflare-demo-account';

const BACKEND = resolvePackagePath('backend');
const ROOT = path.resolve(BACKEND, '../..');

/** The demo users of examples/org.yaml, one per group of the spec's permission matrix (section 5). */
export const DEMO_USERS = {
  alice: 'security',
  pat: 'platform',
  eve: 'engineering',
  rob: 'readers',
} as const;

/** A demo user's name. */
export type DemoUser = keyof typeof DEMO_USERS;

/** What one call of the running backend answered. */
export interface Answer {
  what: string;
  status: number;
  headers: Headers;
  body: string;
}

/** The running demo backend, its demo account, and what it logged. */
export interface DemoBackend {
  baseUrl: string;
  account: DemoAccountServer;
  /** Everything the backend wrote to stdout and stderr so far. */
  output(): string;
  /** Polls `fn` every second until it returns a value, the backend exits, or `timeoutMs` passes. */
  until<T>(
    what: string,
    fn: () => Promise<T | undefined>,
    timeoutMs: number,
  ): Promise<T>;
  /**
   * A Backstage token of a demo user: the guest sign-in is switched to that user by rewriting a
   * config file the backend watches, and the token is taken once it carries the user's group.
   */
  signInAs(user: DemoUser): Promise<string>;
  /** Stops the backend's whole process group and the demo account. */
  stop(): Promise<void>;
}

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

/** Options of {@link startDemoBackend}. */
export interface DemoBackendOptions {
  /**
   * A demo account already running, e.g. one shared by several backends; `stop()` leaves it
   * running. Default: a new one on a free port, closed by `stop()`.
   */
  account?: DemoAccountServer;
  /** Config files read after app-config.yaml (e.g. another database and cache). */
  configFiles?: string[];
  /**
   * False runs the backend as production does, one plain `node` process (with the CLI's
   * TypeScript transform) that never restarts, instead of `backstage-cli package start`, which
   * restarts the backend whenever a source file changes. Default true.
   */
  watch?: boolean;
}

/**
 * Starts the real demo backend (the same `backstage-cli package start` that ./scripts/demo.sh runs,
 * with app-config.yaml: SQLite in memory, guest sign-in, the examples/ catalog) on a free port, with
 * its own demo Cloudflare account on another free port (never whatever may listen on 8787). A
 * second, watched config file holds the guest's user, so one backend serves every demo user.
 */
export async function startDemoBackend(
  options: DemoBackendOptions = {},
): Promise<DemoBackend> {
  const account =
    options.account ?? (await startDemoAccountServer({ port: 0 }));
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'demo-backend-'));
  const userConfig = path.join(dir, 'app-config.demo-user.yaml');
  let writes = 0;
  const writeUser = (user: DemoUser) =>
    writeFileSync(
      userConfig,
      `# write ${(writes += 1)}\nauth:\n  providers:\n    guest:\n      userEntityRef: user:default/${user}\n`,
    );
  writeUser('alice');

  let exitInfo: string | undefined;
  let output = '';
  const command =
    options.watch === false
      ? [
          '--enable-source-maps',
          '--require',
          path.join(
            ROOT,
            'node_modules/@backstage/cli-node/config/nodeTransform.cjs',
          ),
          'src/index.ts',
        ]
      : [
          path.join(ROOT, 'node_modules/@backstage/cli/bin/backstage-cli'),
          'package',
          'start',
        ];
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...command,
      '--config',
      path.join(ROOT, 'app-config.yaml'),
      ...(options.configFiles ?? []).flatMap(file => ['--config', file]),
      '--config',
      userConfig,
    ],
    {
      cwd: BACKEND,
      detached: true, // its own process group, so stop() reaches every descendant
      env: {
        ...process.env,
        NODE_ENV: 'development',
        APP_CONFIG_backend_listen_port: String(port),
        APP_CONFIG_backend_baseUrl: baseUrl,
        APP_CONFIG_cloudflare_apiBaseUrl: account.baseUrl,
        FORCE_COLOR: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>(resolve =>
    child.once('exit', (code, sig) => {
      exitInfo = `code ${code}, signal ${sig}`;
      resolve();
    }),
  );
  child.stdout!.on('data', d => (output += d));
  child.stderr!.on('data', d => (output += d));

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

  async function signInAs(user: DemoUser): Promise<string> {
    const group = `group:default/${DEMO_USERS[user]}`;
    let polls = 0;
    return until(
      `a guest token of ${user} carrying ${group}`,
      async () => {
        // The config loader re-arms its file watch after each reload and can miss a write that
        // lands meanwhile: write again (with new content) every few seconds until it is seen.
        if (polls++ % 3 === 0) writeUser(user);
        const res = await fetch(
          `${baseUrl}/api/auth/guest/refresh?env=development`,
          { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
        );
        if (!res.ok) return undefined;
        const { backstageIdentity } = await res.json();
        const { userEntityRef, ownershipEntityRefs } =
          backstageIdentity.identity;
        return userEntityRef === `user:default/${user}` &&
          ownershipEntityRefs.includes(group)
          ? (backstageIdentity.token as string)
          : undefined;
      },
      150_000,
    );
  }

  async function stop() {
    const signal = (sig: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, sig);
      } catch {
        // already gone
      }
    };
    const within = (ms: number) =>
      Promise.race([exited, new Promise(r => setTimeout(r, ms).unref())]);
    if (child.pid) {
      if (!exitInfo) {
        signal('SIGTERM');
        await within(15_000);
      }
      // The CLI may exit before its child, or not at all: nothing of the group may be left.
      signal('SIGKILL');
      await within(5_000);
    }
    if (!options.account) await account.close();
    rmSync(dir, { recursive: true, force: true });
  }

  return {
    baseUrl,
    account,
    output: () => output,
    until,
    signInAs,
    stop,
  };
}

/**
 * Calls the backend with a token and keeps every answer, so a test can scan them all for secrets.
 * `what` is `METHOD /path`.
 */
export function recorder(baseUrl: string) {
  const answers: Answer[] = [];
  async function call(
    what: string,
    token: string | undefined,
    init: { body?: string; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const [method, route] = what.split(' ');
    const res = await fetch(`${baseUrl}${route}`, {
      method,
      body: init.body,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        'Content-Type': 'application/json',
        ...init.headers,
      },
    });
    const answer = {
      what,
      status: res.status,
      headers: res.headers,
      body: await res.text(),
    };
    answers.push(answer);
    return answer;
  }
  return { answers, call };
}

/** The backend's log without its request lines (which would drown a cause), last `chars` of it. */
export function logTail(output: string, chars = 6000): string {
  return output
    .split('\n')
    .filter(line => !line.includes('incomingRequest'))
    .join('\n')
    .slice(-chars);
}

/** Runs a test body; on failure, adds the backend's log tail to the error. */
export const withLog =
  (demo: () => DemoBackend | undefined, fn: () => Promise<void>) =>
  async () => {
    try {
      await fn();
    } catch (error) {
      throw new Error(
        `${error}\n--- backend output (tail) ---\n${logTail(
          demo()?.output() ?? '',
        )}`,
      );
    }
  };

/** `route` with `key=value` added to its query. */
export const withQuery = (route: string, key: string, value: string) =>
  `${route}${route.includes('?') ? '&' : '?'}${key}=${value}`;

/** Waits until `GET route` with `token` answers 200 and `ready(body)` holds. */
export function waitFor(
  demo: DemoBackend,
  what: string,
  route: string,
  token: string,
  ready: (body: any) => boolean = () => true,
) {
  return demo.until(
    what,
    async () => {
      const res = await fetch(`${demo.baseUrl}${route}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      return res.ok && ready(await res.json()) ? true : undefined;
    },
    120_000,
  );
}
