import { createServer, Server, Socket } from 'node:net';
import {
  POSTGRES_URL_VARIABLE,
  REDIS_URL_VARIABLE,
  redactUrl,
  requireTestServices,
  testServiceUrls,
} from './testServices';

describe('testServices', () => {
  it('reads the connection strings scripts/services.sh exports, else the default ports', () => {
    expect(testServiceUrls({})).toEqual({
      postgresUrl: 'postgresql://postgres@127.0.0.1:5432',
      redisUrl: 'redis://127.0.0.1:6379',
    });
    expect(
      testServiceUrls({
        [POSTGRES_URL_VARIABLE]: 'postgresql://postgres:pw@127.0.0.1:4000',
        [REDIS_URL_VARIABLE]: 'redis://127.0.0.1:4001',
      }),
    ).toEqual({
      postgresUrl: 'postgresql://postgres:pw@127.0.0.1:4000',
      redisUrl: 'redis://127.0.0.1:4001',
    });
  });

  it('keeps passwords out of messages', () => {
    expect(redactUrl('postgresql://postgres:test-only@127.0.0.1:4000')).toBe(
      'postgresql://postgres:***@127.0.0.1:4000',
    );
  });

  describe('requireTestServices', () => {
    let silent: Server;
    const sockets: Socket[] = [];
    let port: number;
    beforeAll(async () => {
      // Accepts connections and never answers: a port that is open but is no Redis.
      silent = createServer(socket => sockets.push(socket));
      await new Promise<void>(r => silent.listen(0, '127.0.0.1', r));
      port = (silent.address() as { port: number }).port;
    });
    afterAll(async () => {
      sockets.forEach(s => s.destroy());
      await new Promise(r => silent.close(r));
    });

    it('fails naming each unreachable service, its variable and how to run the test', async () => {
      const error = await requireTestServices({
        [POSTGRES_URL_VARIABLE]: 'postgresql://postgres:secret@127.0.0.1:1',
        [REDIS_URL_VARIABLE]: `redis://127.0.0.1:${port}`,
      }).catch(e => e);
      expect(error.message).toMatch(
        /PostgreSQL at postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1:1 \(BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING\)/,
      );
      expect(error.message).toMatch(
        /Redis at redis:\/\/127\.0\.0\.1:\d+ \(BACKSTAGE_TEST_CACHE_REDIS7_CONNECTION_STRING\): no answer within 3 s/,
      );
      expect(error.message).toMatch(/scripts\/test\.sh/);
      expect(error.message).not.toMatch(/secret/);
    });
  });
});
