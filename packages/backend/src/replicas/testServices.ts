import { connect } from 'node:net';

/**
 * Where the replica test finds PostgreSQL and Redis: the connection strings scripts/services.sh
 * exports (it starts a throw-away server of each when none listens on the default port), else the
 * default ports of this machine.
 */
export interface TestServices {
  postgresUrl: string;
  redisUrl: string;
}

/** The variable @backstage/backend-test-utils' TestDatabases reads for PostgreSQL 15. */
export const POSTGRES_URL_VARIABLE =
  'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';
/** The variable @backstage/backend-test-utils' TestCaches reads for Redis 7. */
export const REDIS_URL_VARIABLE =
  'BACKSTAGE_TEST_CACHE_REDIS7_CONNECTION_STRING';

const HOW_TO_RUN =
  'run the tests with ./scripts/test.sh (scripts/services.sh starts PostgreSQL and Redis when none listens on the default ports)';

/** The test services' connection strings, from the environment or the default ports. */
export function testServiceUrls(
  env: NodeJS.ProcessEnv = process.env,
): TestServices {
  return {
    postgresUrl:
      env[POSTGRES_URL_VARIABLE] ?? 'postgresql://postgres@127.0.0.1:5432',
    redisUrl: env[REDIS_URL_VARIABLE] ?? 'redis://127.0.0.1:6379',
  };
}

/** Opens a TCP connection to `url`'s host and port and sends `probe`; resolves with the first reply. */
function probe(url: string, defaultPort: number, send?: string) {
  const { hostname, port } = new URL(url);
  return new Promise<string>((resolve, reject) => {
    const socket = connect(
      Number(port || defaultPort),
      hostname || '127.0.0.1',
    );
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('no answer within 3 s'));
    }, 3000);
    const done = (fn: () => void) => {
      clearTimeout(timer);
      socket.destroy();
      fn();
    };
    socket.once('error', e => done(() => reject(e)));
    socket.once('connect', () => {
      if (send === undefined) done(() => resolve(''));
      else socket.write(send);
    });
    socket.once('data', d => done(() => resolve(d.toString('utf8'))));
  });
}

/** Sends one command to Redis (inline form of its protocol) and resolves with the raw reply. */
export function redisCommand(redisUrl: string, ...args: string[]) {
  const command = `*${args.length}\r\n${args
    .map(a => `$${Buffer.byteLength(a)}\r\n${a}\r\n`)
    .join('')}`;
  return probe(redisUrl, 6379, command);
}

/**
 * Checks both services answer (PostgreSQL accepts a connection, Redis answers PING) and returns
 * their connection strings; throws, naming the service and how to get it, when one does not.
 */
export async function requireTestServices(
  env: NodeJS.ProcessEnv = process.env,
): Promise<TestServices> {
  const urls = testServiceUrls(env);
  const problems: string[] = [];
  await probe(urls.postgresUrl, 5432).catch(e =>
    problems.push(
      `PostgreSQL at ${redactUrl(
        urls.postgresUrl,
      )} (${POSTGRES_URL_VARIABLE}): ${e.message}`,
    ),
  );
  await redisCommand(urls.redisUrl, 'PING')
    .then(reply => {
      if (!reply.startsWith('+PONG'))
        throw new Error(`PING answered ${JSON.stringify(reply.trim())}`);
    })
    .catch(e =>
      problems.push(
        `Redis at ${redactUrl(urls.redisUrl)} (${REDIS_URL_VARIABLE}): ${
          e.message
        }`,
      ),
    );
  if (problems.length > 0) {
    throw new Error(
      `The replica test needs PostgreSQL and Redis; unreachable: ${problems.join(
        '; ',
      )}. To get them, ${HOW_TO_RUN}.`,
    );
  }
  return urls;
}

/** `url` without its password, for messages. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
