import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { demoApiTokenFor } from '@cloudflare-backstage/cloudflare-demo-account';
import { createCloudflareClientsService } from './createCloudflareClientsService';
import { TEST_FETCH, useTwoDemoAccounts } from './__testUtils__/demoAccounts';

function loggedText(logger: ReturnType<typeof mockServices.logger.mock>) {
  return (['error', 'warn', 'info', 'debug'] as const)
    .flatMap(level =>
      (logger[level] as jest.Mock).mock.calls.map(c => JSON.stringify(c)),
    )
    .join('\n');
}

describe('createCloudflareClientsService', () => {
  const demo = useTwoDemoAccounts();

  function service(
    accounts: Record<string, string>[],
    budget?: { calls: number },
  ) {
    const logger = mockServices.logger.mock();
    const clients = createCloudflareClientsService({
      config: new ConfigReader({
        cloudflare: {
          accounts,
          fetch: TEST_FETCH,
          ...(budget ? { budget } : {}),
        },
      }),
      logger,
    });
    return { clients, logger };
  }

  it('builds one client per account, each reading its own account', async () => {
    const { clients } = service([
      demo.entry(0, 'first'),
      demo.entry(1, 'second'),
    ]);
    expect(clients.list().map(a => [a.id, a.accountId])).toEqual([
      ['first', demo.accountId(0)],
      ['second', demo.accountId(1)],
    ]);
    const first = await clients.get('first').client.workers.listScripts();
    const second = await clients.get('second').client.workers.listScripts();
    expect(first.map(t => t.id)).toEqual(
      demo.server.states[0].data.workers.scripts.map(s => s.id),
    );
    expect(second.map(t => t.id)).toEqual(
      demo.server.states[1].data.workers.scripts.map(s => s.id),
    );
    expect([first.length, second.length]).toEqual([3, 2]);
    expect(demo.server.states[0].totalCalls()).toBe(1);
    expect(demo.server.states[1].totalCalls()).toBe(1);
  });

  it('gives accounts with distinct API tokens distinct budgets', async () => {
    const { clients } = service([
      demo.entry(0, 'first'),
      demo.entry(1, 'second'),
    ]);
    await clients.get('first').client.tokens.listAccountTokens();
    await clients.get('first').client.tokens.listAccountTokens();
    const [first, second] = clients.health();
    expect(first.budget.spent).toBe(2);
    expect(second.budget.spent).toBe(0);
    expect(second.budget.remaining).toBe(1200);
    expect(first.budget.remaining).toBeLessThan(1200);
  });

  it('gives accounts read with one API token one shared budget, and each its own breaker', async () => {
    const shared = demoApiTokenFor(demo.accountId(0));
    demo.server.states[1].tokens.add(shared);
    try {
      const { clients, logger } = service(
        [demo.entry(0, 'first'), demo.entry(1, 'second', shared)],
        { calls: 100 },
      );
      await clients.get('first').client.tokens.listAccountTokens();
      await clients.get('second').client.tokens.listAccountTokens();
      await clients.get('second').client.tokens.listAccountTokens();
      const [first, second] = clients.health();
      expect(first.budget.spent).toBe(3);
      expect(second.budget).toEqual(first.budget);
      expect(first.budget.limit).toBe(100);
      expect(first.calls).toBe(1);
      expect(second.calls).toBe(2);

      // one account's failures open only its own breaker
      demo.server.states[1].addFault({
        fault: { kind: 'server-error', status: 503 },
      });
      for (let i = 0; i < 5; i += 1) {
        await expect(
          clients.get('second').client.tokens.listAccountTokens(),
        ).rejects.toThrow();
      }
      const after = clients.health();
      expect(after[1].breaker.state).toBe('open');
      expect(after[0].breaker.state).toBe('closed');
      expect(loggedText(logger)).toContain('1 call budget(s)');
      expect(loggedText(logger)).not.toContain(shared);
    } finally {
      demo.server.states[1].tokens.delete(shared);
    }
  });

  it('logs and reports no token, in logs or health', async () => {
    const { clients, logger } = service([
      demo.entry(0, 'first'),
      demo.entry(1, 'second'),
    ]);
    await clients.get('first').client.tokens.listAccountTokens();
    const text = `${loggedText(logger)}\n${JSON.stringify(clients.health())}`;
    for (const i of [0, 1]) {
      expect(text).not.toContain(demoApiTokenFor(demo.accountId(i)));
    }
    expect(text).toContain('2 account(s) (first, second), 2 call budget(s)');
  });

  it('reads the top-level cloudflare block as the account default', () => {
    const logger = mockServices.logger.mock();
    const { id: _unused, ...block } = demo.entry(0, 'ignored');
    const clients = createCloudflareClientsService({
      config: new ConfigReader({
        cloudflare: { ...block, fetch: TEST_FETCH },
      }),
      logger,
    });
    expect(clients.list().map(a => [a.id, a.accountId])).toEqual([
      ['default', demo.accountId(0)],
    ]);
  });

  it('lists no account when none is configured, and says so', () => {
    const logger = mockServices.logger.mock();
    const clients = createCloudflareClientsService({
      config: new ConfigReader({}),
      logger,
    });
    expect(clients.list()).toEqual([]);
    expect(() => clients.get()).toThrow('no Cloudflare account is configured');
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('No Cloudflare account is configured'),
    );
  });

  it('fails on invalid configuration naming the key, not the value', () => {
    const token = demoApiTokenFor(demo.accountId(0));
    expect(() =>
      createCloudflareClientsService({
        config: new ConfigReader({
          cloudflare: {
            accounts: [demo.entry(0, 'first'), { ...demo.entry(1, 'first') }],
          },
        }),
        logger: mockServices.logger.mock(),
      }),
    ).toThrow(/cloudflare\.accounts\[1\]\.id/);
    let message = '';
    try {
      createCloudflareClientsService({
        config: new ConfigReader({
          cloudflare: {
            accounts: [{ ...demo.entry(0, 'first'), accountId: 'nope' }],
          },
        }),
        logger: mockServices.logger.mock(),
      });
    } catch (e) {
      message = String(e);
    }
    expect(message).toContain('cloudflare.accounts[0].accountId');
    expect(message).not.toContain(token);
  });
});
