import Cloudflare from 'cloudflare';
import { setupServer } from 'msw/node';
import { ok } from './envelope';
import { get, toHandlers } from './route';
import { DemoAccountState, DEMO_API_TOKEN } from './state';
import { DEMO_ACCOUNT_ID } from './data';
import { TEST_BASE_URL, sdk } from './__testUtils__/sdk';

describe('toHandlers', () => {
  const state = new DemoAccountState();
  const server = setupServer(
    ...toHandlers(state, [
      get('/accounts/:account_id/ping', ({ params }) =>
        ok({ account: params.account_id }),
      ),
    ]),
  );
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('answers a known token with the envelope', async () => {
    const res = await sdk().get(`/accounts/${DEMO_ACCOUNT_ID}/ping`);
    expect(res).toEqual({
      success: true,
      errors: [],
      messages: [],
      result: { account: DEMO_ACCOUNT_ID },
    });
    expect(state.callCounts()['GET /accounts/:account_id/ping']).toBe(1);
  });

  it('answers a wrong token with 401 Invalid API Token', async () => {
    await expect(
      sdk({ token: 'nope' }).get(`/accounts/${DEMO_ACCOUNT_ID}/ping`),
    ).rejects.toMatchObject({
      status: 401,
      errors: [{ code: 1000, message: 'Invalid API Token' }],
    });
  });

  it('answers another account with 403', async () => {
    await expect(
      sdk().get(`/accounts/ffffffffffffffffffffffffffffffff/ping`),
    ).rejects.toBeInstanceOf(Cloudflare.PermissionDeniedError);
  });

  it('answers a request without credentials with 400', async () => {
    const res = await fetch(
      `${TEST_BASE_URL}/accounts/${DEMO_ACCOUNT_ID}/ping`,
    );
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].code).toBe(9106);
    expect(DEMO_API_TOKEN).toBeTruthy();
  });
});
