import request from 'supertest';
import express from 'express';
import { useDemoBackend } from '../__testUtils__/harness';

jest.setTimeout(60_000);

const { demo, start } = useDemoBackend();

const USERS = '/api/cloudflare/v1/zero-trust/users';

describe('bodies of warm reads, built once per answer and view', () => {
  it('answers the bytes and ETag res.json would, and 304 to a matching If-None-Match', async () => {
    const { server } = await start();
    const first = await request(server).get(USERS);
    const second = await request(server).get(USERS);
    expect(second.text).toBe(first.text);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(first.headers['content-type']).toBe(
      'application/json; charset=utf-8',
    );

    // The same envelope through Express's own res.json: same bytes, same ETag.
    const app = express().get('/', (_req, res) => {
      res.json(JSON.parse(first.text));
    });
    const reference = await request(app).get('/');
    expect(first.text).toBe(reference.text);
    expect(first.headers.etag).toBe(reference.headers.etag);

    const unchanged = await request(server)
      .get(USERS)
      .set('If-None-Match', first.headers.etag);
    expect(unchanged.status).toBe(304);
  });

  it('never hands one view the body built for the other', async () => {
    const { server } = await start();
    const email = demo.state.data.zeroTrust.users[0].email!;
    const unmasked = await request(server).get(`${USERS}?view=unmasked`);
    expect(unmasked.text).toContain(email);
    const masked = await request(server).get(USERS);
    expect(masked.status).toBe(200);
    expect(masked.body.view).toBe('masked');
    expect(masked.text).not.toContain(email);
    expect(masked.headers.etag).not.toBe(unmasked.headers.etag);
    const again = await request(server).get(`${USERS}?view=unmasked`);
    expect(again.text).toBe(unmasked.text);
  });
});
