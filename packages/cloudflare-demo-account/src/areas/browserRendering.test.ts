import Cloudflare from 'cloudflare';
import { sdk, useDemoAccount } from '../__testUtils__/sdk';
import { createRng } from '../rng';
import { generateBrowserRenderingData } from '../fixtures/browserRendering';

describe('Browser Rendering area', () => {
  const demo = useDemoAccount();
  const account_id = demo.account_id;

  it('lists DevTools sessions as a bare array the SDK reads', async () => {
    const sessions = await sdk().browserRendering.devtools.session.list({
      account_id,
    });
    expect(Array.isArray(sessions)).toBe(true);
    expect(sessions).toHaveLength(5);
    expect(sessions[0].endTime).toBeUndefined();
    expect(sessions[1]).toMatchObject({
      closeReason: 1000,
      closeReasonText: 'Normal Closure',
    });
    expect(sessions[1].webSocketDebuggerUrl).toMatch(/^wss:\/\//);
    expect(sessions[1].devtoolsFrontendUrl).toMatch(/^https:\/\//);
    expect(typeof sessions[1].startTime).toBe('number');
  });

  it('honours limit and offset', async () => {
    const page = await sdk().browserRendering.devtools.session.list({
      account_id,
      limit: 2,
      offset: 3,
    });
    expect(page.map(s => s.closeReasonText)).toEqual([
      'BrowserIdle',
      'Normal Closure',
    ]);
  });

  it('reads one session; unknown ids give NotFoundError', async () => {
    const id = '5a1c8d2f-3b4e-4f60-9b0c-1d2e3f4a5b6c';
    const s = await sdk().browserRendering.devtools.session.get(id, {
      account_id,
    });
    expect(s?.sessionId).toBe(id);
    await expect(
      sdk().browserRendering.devtools.session.get('nope', { account_id }),
    ).rejects.toBeInstanceOf(Cloudflare.NotFoundError);
  });

  it('generates scale-mode data deterministically from the seed', () => {
    const first = generateBrowserRenderingData(createRng(7), 40);
    const second = generateBrowserRenderingData(createRng(7), 40);
    expect(first.sessions).toHaveLength(40);
    expect(first.sessions.map(s => s.sessionId)).toEqual(
      second.sessions.map(s => s.sessionId),
    );
    expect(generateBrowserRenderingData(createRng(7), 0).sessions).toHaveLength(
      0,
    );
  });
});
