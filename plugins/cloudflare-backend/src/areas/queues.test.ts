import request from 'supertest';
import { useDemoBackend } from '../__testUtils__/harness';

/*
 * What only Queues routes do: the list carries each queue's event subscriptions, and the metrics
 * route finds a queue by its name and reads its dead-letter queues' backlog too, never a message.
 * Permissions, both views, the 404, bad inputs and secret canaries are checked for every route by
 * ./index.test.ts.
 */

jest.setTimeout(60_000);

const { demo, start } = useDemoBackend();

describe('Queues routes (the real client against the demo account)', () => {
  it('lists the queues with producers, consumers and the event subscriptions publishing into them', async () => {
    const { server } = await start();
    const res = await request(server).get('/api/cloudflare/v1/queues');
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(
      res.body.items.map((q: any) => [q.name, q]),
    );
    expect(Object.keys(byName)).toHaveLength(6);
    expect(byName['acme-events'].consumers[0].deadLetterQueue).toBe(
      'acme-events-dlq',
    );
    expect(
      byName['acme-audit-eu'].eventSubscriptions.map((s: any) => s.name),
    ).toEqual(['acme-kv-namespace-audit', 'acme-r2-bucket-audit']);
  });

  it("answers a queue's backlog and its dead-letter queue's by name, reading no message", async () => {
    const { server } = await start();
    const res = await request(server).get(
      '/api/cloudflare/v1/queues/acme-events/metrics',
    );
    expect(res.status).toBe(200);
    expect(res.body.item).toMatchObject({
      queueName: 'acme-events',
      backlogCount: 1243,
      deadLetterQueues: [{ queueName: 'acme-events-dlq', backlogCount: 17 }],
    });
    const calls = Object.keys(demo.state.callCounts());
    expect(calls.filter(c => c.startsWith('POST'))).toEqual([]);
    expect(calls).toContain(
      'GET /accounts/:account_id/queues/:queue_id/metrics',
    );
  });
});
