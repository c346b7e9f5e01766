import request from 'supertest';
import { useDemoBackend } from '../__testUtils__/harness';

/*
 * What only Browser Rendering routes do. Permissions, both views, bad inputs and secret canaries
 * are checked for every route by ./index.test.ts.
 */

jest.setTimeout(60_000);

const { demo, start } = useDemoBackend();

const POOLS = '/api/cloudflare/v1/browser-rendering/pools';
const QUOTAS = '/api/cloudflare/v1/browser-rendering/quotas';

describe('Browser Rendering routes (the real client against the demo account)', () => {
  it("pages the sessions by Cloudflare's offset, without loss or repeat", async () => {
    const { server } = await start();
    const ids: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await request(server).get(
        `${POOLS}?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      ids.push(...res.body.items.map((s: any) => s.sessionId));
      cursor = res.body.cursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(ids).toEqual(
      demo.state.data.browserRendering.sessions.map(s => s.sessionId),
    );
  });

  it('states the documented limits of the configured plan and the sessions open now', async () => {
    const { server } = await start({
      cloudflare: { browserRendering: { name: 'acme-browser', plan: 'free' } },
    });
    const res = await request(server).get(QUOTAS);
    expect(res.status).toBe(200);
    expect(res.body.item).toMatchObject({
      plan: 'free',
      openSessions: 1,
      sessionsRead: 5,
      complete: true,
    });
    const concurrent = res.body.item.limits.find(
      (l: any) => l.id === 'concurrent-browsers',
    );
    expect(concurrent).toMatchObject({ applies: '3', used: 1 });
    const time = res.body.item.limits.find((l: any) => l.id === 'browser-time');
    expect(time).toEqual({
      id: 'browser-time',
      title: 'Browser time',
      free: '10 minutes a day',
      paid: 'Billed by the hour (no daily cap)',
      applies: '10 minutes a day',
      usage: 'No API: see the dashboard',
    });
  });
});
