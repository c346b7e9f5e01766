import { spawn, ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { MASKED } from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  DemoAccountServer,
  startDemoAccountServer,
} from '@cloudflare-backstage/cloudflare-demo-account';

const ROOT = path.resolve(__dirname, '../../../..');
const BACKEND = path.resolve(__dirname, '../..');

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

/**
 * Starts the real demo backend (the same `backstage-cli package start` that ./scripts/demo.sh runs,
 * with app-config.yaml: SQLite in memory, guest sign-in, the examples/ catalog) on a free port, with
 * its own demo Cloudflare account on another free port (never whatever may listen on 8787). A
 * second, watched config file holds the guest's user, so one backend serves every demo user.
 */
export async function startDemoBackend(): Promise<DemoBackend> {
  const account = await startDemoAccountServer({ port: 0 });
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
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/@backstage/cli/bin/backstage-cli'),
      'package',
      'start',
      '--config',
      path.join(ROOT, 'app-config.yaml'),
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
    await account.close();
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

/** Ids of the demo account's storage resources that the routes take. */
export function storageIds(account: DemoAccountServer) {
  const { kv, d1 } = account.state.data;
  const kvId = (title: string) =>
    kv.namespaces.find(n => n.title === title)!.id;
  return {
    /** acme-cache: 2,500 keys, three pages of the keys listing. */
    cache: kvId('acme-cache'),
    /** acme-config: credential-like key names. */
    config: kvId('acme-config'),
    /** acme-core: the D1 database of acme-api. */
    core: d1.databases.find(d => d.name === 'acme-core')!.uuid,
  };
}

/** The storage read routes of issue 10, by route id, as paths into the demo account. */
export function storageRoutes(account: DemoAccountServer, cf: string) {
  const ids = storageIds(account);
  return {
    'kv.namespaces': `${cf}/kv/namespaces`,
    'kv.keys': `${cf}/kv/${ids.cache}/keys?limit=100`,
    'kv.sample': `${cf}/kv/${ids.config}/sample`,
    'd1.databases': `${cf}/d1/databases`,
    'd1.metadata': `${cf}/d1/${ids.core}/metadata`,
    'r2.buckets': `${cf}/r2/buckets`,
    'r2.lifecycle': `${cf}/r2/acme-prod-artifacts/lifecycle`,
  };
}

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

type Call = ReturnType<typeof recorder>['call'];
type Tokens = Record<DemoUser, string>;
type Ids = ReturnType<typeof storageIds>;
const json = (a: Answer) => JSON.parse(a.body);

/**
 * KV as the demo account holds it: five namespaces with their key counts and tags, acme-cache's
 * 2,500 keys in three pages by Cloudflare's cursor, and acme-config's credential-like key names
 * masked, unmasked for security only. Read as eve (engineering).
 */
export async function expectKvAnswers(
  call: Call,
  tokens: Tokens,
  ids: Ids,
  cf: string,
) {
  const token = tokens.eve;
  const namespaces = json(await call(`GET ${cf}/kv/namespaces`, token));
  expect(namespaces).toMatchObject({ area: 'kv', view: 'masked' });
  expect(namespaces.items.map((n: any) => n.keysApprox)).toEqual([
    2500, 41, 5, 2, 1,
  ]);
  expect(
    namespaces.items.find((n: any) => n.title === 'acme-sessions').tags.pii,
  ).toBe('true');

  // acme-cache's 2,500 keys in three pages, by Cloudflare's cursor.
  const names = new Set<string>();
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = json(
      await call(
        `GET ${cf}/kv/${ids.cache}/keys?limit=1000${
          cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
        }`,
        token,
      ),
    );
    page.items.forEach((k: { name: string }) => names.add(k.name));
    cursor = page.cursor;
    pages += 1;
  } while (cursor && pages < 10);
  expect({ pages, keys: names.size }).toEqual({ pages: 3, keys: 2500 });

  // Credential-like key names: masked for everyone, shown unmasked to security only.
  const sample = json(await call(`GET ${cf}/kv/${ids.config}/sample`, token));
  expect(sample.items).toContainEqual(
    expect.objectContaining({
      credentialName: MASKED,
      redaction: 'credential-key-name',
    }),
  );
  expect(sample.masked.credentialName).toBeGreaterThanOrEqual(1);
  expect(sample.items.every((k: any) => k.valueRead === false)).toBe(true);
  const unmasked = json(
    await call(`GET ${cf}/kv/${ids.config}/sample?view=unmasked`, tokens.alice),
  );
  expect(unmasked.items.map((k: any) => k.credentialName)).toContain(
    'stripe_api_key',
  );
  expect(unmasked.masked).toEqual({});
}

/** D1: the databases, and acme-core's metadata with its Time Travel bookmark. Read as eve. */
export async function expectD1Answers(
  call: Call,
  tokens: Tokens,
  ids: Ids,
  cf: string,
) {
  const token = tokens.eve;
  const databases = json(await call(`GET ${cf}/d1/databases`, token));
  expect(databases.items.map((d: any) => d.name)).toContain('acme-core');
  const core = json(await call(`GET ${cf}/d1/${ids.core}/metadata`, token));
  expect(core.item).toMatchObject({
    uuid: ids.core,
    name: 'acme-core',
    version: 'production',
    fileSize: expect.any(Number),
    bookmark: expect.stringMatching(/^[0-9a-f-]+$/),
  });
}

/**
 * R2: six buckets in three jurisdictions, acme-prod-artifacts' lifecycle and lock rules, and a
 * bucket outside the default jurisdiction read where it lives. Read as eve.
 */
export async function expectR2Answers(call: Call, tokens: Tokens, cf: string) {
  const token = tokens.eve;
  const buckets = json(await call(`GET ${cf}/r2/buckets`, token));
  expect(buckets).toMatchObject({ area: 'r2' });
  expect(buckets.items).toHaveLength(6);
  expect(buckets.items).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        name: 'acme-eu-customer-data',
        jurisdiction: 'eu',
      }),
      expect.objectContaining({
        name: 'acme-fedramp-ledger',
        jurisdiction: 'fedramp',
      }),
    ]),
  );
  const lifecycle = json(
    await call(`GET ${cf}/r2/acme-prod-artifacts/lifecycle`, token),
  );
  expect(lifecycle.item.rules[0]).toMatchObject({
    enabled: true,
    expiration: { afterDays: 180 },
    transitions: [{ afterDays: 30, storageClass: 'InfrequentAccess' }],
    abortMultipartAfterDays: 7,
  });
  expect(lifecycle.item.lockRules[0]).toMatchObject({
    id: 'evidence-lock',
    days: 365,
  });
  const eu = `${cf}/r2/acme-eu-customer-data/lifecycle`;
  expect((await call(`GET ${eu}?jurisdiction=eu`, token)).status).toBe(200);
}
