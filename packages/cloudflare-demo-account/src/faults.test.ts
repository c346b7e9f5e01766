import Cloudflare from 'cloudflare';
import { TEST_BASE_URL, sdk, useDemoAccount } from './__testUtils__/sdk';
import { parseFault } from './faults';
import { demoFetch } from './testUtils';
import { DEMO_API_TOKEN } from './state';

/**
 * Jest runs tests in a separate realm, where Node's abort `DOMException` is not `instanceof Error`,
 * so the SDK's `castToError` would drop its name. This fetch re-creates the error in the test realm;
 * outside jest the SDK sees Node's error as is.
 */
const realmSafeFetch: typeof fetch = (input, init) =>
  fetch(input, init).catch((e: { name?: string; message?: string }) => {
    throw Object.assign(new Error(e.message), { name: e.name });
  });

const timeoutClient = () =>
  new Cloudflare({
    apiToken: DEMO_API_TOKEN,
    baseURL: TEST_BASE_URL,
    maxRetries: 0,
    timeout: 200,
    fetch: realmSafeFetch,
  });

const withFault = (fault: string) => ({ headers: { 'cf-demo-fault': fault } });

describe('fault knobs', () => {
  const demo = useDemoAccount();
  const account_id = demo.account_id;
  const listScripts = (client: Cloudflare, options = {}) =>
    client.workers.scripts.list({ account_id }, options);

  it('parses the header syntax', () => {
    expect(parseFault('rate-limit:7')).toEqual({
      kind: 'rate-limit',
      retryAfterSeconds: 7,
    });
    expect(parseFault('server-error:503')).toEqual({
      kind: 'server-error',
      status: 503,
    });
    expect(parseFault('latency')).toBeUndefined();
    expect(parseFault('nope')).toBeUndefined();
  });

  describe('rate-limit', () => {
    it('answers 429 with Retry-After per request', async () => {
      const err = await listScripts(sdk(), withFault('rate-limit:7')).catch(
        e => e,
      );
      expect(err).toBeInstanceOf(Cloudflare.RateLimitError);
      expect(err.headers.get('retry-after')).toBe('7');
      expect(err.errors[0].code).toBe(10429);
    });

    // The SDK's retry after Retry-After is tested over real HTTP in server.test.ts: under msw,
    // cancelling a mocked body (which the SDK does before a retry) never settles.
  });

  describe('server-error', () => {
    it('answers 5xx per request', async () => {
      const err = await listScripts(sdk(), withFault('server-error:503')).catch(
        e => e,
      );
      expect(err).toBeInstanceOf(Cloudflare.InternalServerError);
      expect(err.status).toBe(503);
    });

    it('answers 500 per route until removed', async () => {
      const remove = demo.state.addFault({
        route: '/workers/scripts',
        fault: { kind: 'server-error' },
      });
      await expect(listScripts(sdk())).rejects.toMatchObject({ status: 500 });
      await expect(listScripts(sdk())).rejects.toMatchObject({ status: 500 });
      remove();
      await expect(listScripts(sdk())).resolves.toBeDefined();
    });
  });

  describe('hang', () => {
    it('makes the client time out, per request', async () => {
      const err = await listScripts(timeoutClient(), withFault('hang')).catch(
        e => e,
      );
      expect(err).toBeInstanceOf(Cloudflare.APIConnectionTimeoutError);
    });

    it('makes the client time out, per route', async () => {
      demo.state.addFault({
        route: '/pages/projects',
        fault: { kind: 'hang' },
        times: 1,
      });
      const err = await timeoutClient()
        .pages.projects.list({ account_id })
        .catch(e => e);
      expect(err).toBeInstanceOf(Cloudflare.APIConnectionTimeoutError);
    });
  });

  describe('malformed-json', () => {
    // Compared by name: the SyntaxError comes from Node's realm, not jest's.
    it('makes the SDK throw a SyntaxError, per request', async () => {
      const err = await listScripts(sdk(), withFault('malformed-json')).catch(
        e => e,
      );
      expect(err.name).toBe('SyntaxError');
      expect(err).not.toBeInstanceOf(Cloudflare.APIError);
    });

    it('makes the SDK throw a SyntaxError, per route', async () => {
      demo.state.addFault({
        route: '/user/tokens',
        fault: { kind: 'malformed-json' },
      });
      await expect(sdk().user.tokens.list()).rejects.toMatchObject({
        name: 'SyntaxError',
      });
    });
  });

  describe('fail-page', () => {
    it('fails page 2 mid-pagination, per request', async () => {
      const seen: string[] = [];
      const iterate = async () => {
        for await (const d of sdk().pages.projects.deployments.list(
          'acme-web',
          { account_id, per_page: 5 },
          withFault('fail-page:2'),
        ))
          seen.push(d.id);
      };
      await expect(iterate()).rejects.toMatchObject({ status: 500 });
      expect(seen).toHaveLength(5);
    });

    it('fails the cursor page mid-pagination, per route', async () => {
      demo.state.addFault({
        route: '/devices/physical-devices',
        fault: { kind: 'fail-page' },
      });
      const seen: string[] = [];
      const iterate = async () => {
        for await (const d of sdk().zeroTrust.devices.devices.list({
          account_id,
        }))
          seen.push(d.id);
      };
      await expect(iterate()).rejects.toMatchObject({ status: 500 });
      expect(seen).toHaveLength(10);
    });

    it('counts cursor pages, so a later page can be the one that fails', async () => {
      demo.state.addFault({
        route: '/devices/physical-devices',
        fault: { kind: 'fail-page', page: 3 },
      });
      const seen: string[] = [];
      const iterate = async () => {
        for await (const d of sdk().zeroTrust.devices.devices.list({
          account_id,
        }))
          seen.push(d.id);
      };
      await expect(iterate()).rejects.toMatchObject({ status: 500 });
      expect(seen).toHaveLength(20);
    });
  });

  describe('latency', () => {
    it('delays a response, per request', async () => {
      const started = Date.now();
      await listScripts(sdk(), withFault('latency:150'));
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    });

    it('delays a response, per route', async () => {
      // A long delay, so the undelayed second call is told apart even on a loaded machine.
      demo.state.addFault({
        route: '/user/tokens/verify',
        fault: { kind: 'latency', ms: 800 },
        times: 1,
      });
      const started = Date.now();
      await sdk().user.tokens.verify();
      expect(Date.now() - started).toBeGreaterThanOrEqual(790);
      const again = Date.now();
      await sdk().user.tokens.verify();
      expect(Date.now() - again).toBeLessThan(600);
    });
  });

  describe('envelope faults the SDK turns into short lists', () => {
    const pages = async (client: Cloudflare, fault?: string) => {
      const names: string[] = [];
      for await (const p of client.pages.projects.list(
        { account_id, per_page: 1 } as any,
        fault ? withFault(fault) : {},
      ))
        names.push(p.name ?? '');
      return names;
    };

    it('html-200: a 200 text/html page, per request', async () => {
      const res = await fetch(
        `${TEST_BASE_URL}/accounts/${account_id}/workers/scripts`,
        {
          headers: {
            authorization: `Bearer ${DEMO_API_TOKEN}`,
            'cf-demo-fault': 'html-200',
          },
        },
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await res.text()).toMatch(/^<!DOCTYPE html>/);
    });

    it.each(['html-200', 'success-false-200', 'result-null'])(
      '%s: the SDK lists nothing, per request and per route',
      async fault => {
        expect(await listScripts(sdk(), withFault(fault))).toMatchObject({
          result: [],
        });
        demo.state.addFault({
          route: '/workers/scripts',
          fault: parseFault(fault)!,
          times: 1,
        });
        expect(await listScripts(sdk())).toMatchObject({ result: [] });
        expect((await listScripts(sdk())).result.length).toBeGreaterThan(0);
      },
    );

    it('short-page: page n comes back short while result_info claims more', async () => {
      const all = await pages(sdk());
      expect(all.length).toBe(3);
      expect(await pages(sdk(), 'short-page')).toEqual(all.slice(0, 1));
      expect(await pages(sdk(), 'short-page:1')).toEqual([]);
      demo.state.addFault({
        route: '/pages/projects',
        fault: { kind: 'short-page', page: 1, keep: 0 },
      });
      const page = await sdk().pages.projects.list({ account_id });
      expect(page.result).toEqual([]);
      expect(page.result_info).toMatchObject({ total_count: 3, page: 1 });
      expect(parseFault('short-page:1:3')).toEqual({
        kind: 'short-page',
        page: 1,
        keep: 3,
      });
    });
  });

  describe('stall-body', () => {
    // msw's in-process interception waits for the whole body, so this knob is tried through
    // demoFetch (no interception) and over HTTP (server.test.ts).
    const firstChunkThenStall = async (res: Response) => {
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      const first = await reader.read();
      expect(new TextDecoder().decode(first.value)).toMatch(
        /^\{"success":true/,
      );
      const next = await Promise.race([
        reader.read().then(() => 'more'),
        new Promise(r => setTimeout(() => r('stalled'), 200)),
      ]);
      expect(next).toBe('stalled');
      reader.cancel().catch(() => undefined);
    };
    const scriptsUrl = `${TEST_BASE_URL}/accounts/${account_id}/workers/scripts`;
    const auth = { authorization: `Bearer ${DEMO_API_TOKEN}` };

    it('sends headers, then a body that never ends, per request', async () => {
      const res = await demoFetch(demo.state)(scriptsUrl, {
        headers: { ...auth, 'cf-demo-fault': 'stall-body' },
      });
      expect(res.headers.get('content-type')).toMatch(/json/);
      await firstChunkThenStall(res);
    });

    it('sends headers, then a body that never ends, per route', async () => {
      demo.state.addFault({
        route: '/workers/scripts',
        fault: { kind: 'stall-body' },
        times: 1,
      });
      await firstChunkThenStall(
        await demoFetch(demo.state)(scriptsUrl, { headers: auth }),
      );
      const again = await demoFetch(demo.state)(scriptsUrl, { headers: auth });
      expect((await again.json()).result.length).toBeGreaterThan(0);
    });
  });
});
