import request from 'supertest';
import { useDemoBackend } from '../__testUtils__/harness';

/*
 * Request bodies: the router parses the JSON body of the methods that carry one, and leaves a GET
 * alone (no route reads its body; parsing it added `req.body` to every cached read).
 */

jest.setTimeout(60_000);

const { start } = useDemoBackend();
const MALFORMED = '{"workers": [';

describe('router bodies', () => {
  it('refuses a malformed JSON body of a POST in its own words', async () => {
    const { server } = await start();
    const res = await request(server)
      .post('/api/cloudflare/v1/evidence/deployment-provenance')
      .set('Content-Type', 'application/json')
      .send(MALFORMED);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      name: 'InputError',
      message: 'Invalid body: must be a JSON document',
    });
  });

  it('answers a GET as if it had no body, whatever body it carries', async () => {
    const { server } = await start();
    const res = await request(server)
      .get('/api/cloudflare/v1/evidence')
      .set('Content-Type', 'application/json')
      .send(MALFORMED);
    expect(res.status).toBe(200);
    expect(res.body).toHaveProperty('items');
  });
});
