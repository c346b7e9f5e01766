import request from 'supertest';
import {
  DEMO_ACCOUNT_ID,
  DEMO_API_TOKEN,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { useServedDemoAccount } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';
import { startPlugin } from '../__testUtils__/harness';

jest.setTimeout(30_000);

const TIMEOUT_MS = 500;
const demo = useServedDemoAccount();

const config = (maxRetries = 0) => ({
  cloudflare: {
    accountId: DEMO_ACCOUNT_ID,
    apiToken: DEMO_API_TOKEN,
    apiBaseUrl: demo.baseUrl,
    fetch: { timeoutMs: TIMEOUT_MS, maxRetries },
  },
});

const PATH = '/api/cloudflare/v1/pages/acme-web/deployments';

describe('a read whose body stalls (demo account stall-body)', () => {
  it('answers 503 JSON with Retry-After within cloudflare.fetch.timeoutMs (nothing kept yet), and so does an identical request arriving meanwhile', async () => {
    const { server } = await startPlugin({ config: config() });
    demo.state.addFault({
      route: '/pages/projects/acme-web/deployments',
      fault: { kind: 'stall-body' },
    });
    const started = Date.now();
    const timed = (p: PromiseLike<request.Response>) =>
      Promise.resolve(p).then(res => ({ res, ms: Date.now() - started }));
    const first = timed(request(server).get(PATH));
    await new Promise(r => setTimeout(r, 150));
    const second = timed(request(server).get(PATH));
    const answers = await Promise.all([first, second]);
    for (const { res, ms } of answers) {
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.headers['retry-after']).toBe('30');
      expect(res.body.error).toMatchObject({
        name: 'ServiceUnavailableError',
        message: expect.stringMatching(
          /did not answer in time .*no earlier answer is kept; retry after 30 s/,
        ),
      });
      expect(res.text).not.toContain('"success"');
      // Within the timeout (plus the test's own overhead), not the socket's minutes.
      expect(ms).toBeLessThan(TIMEOUT_MS + 1_000);
    }
    // The second request joined the first read (one upstream call), and was not held beyond it.
    expect(
      demo.state.callCounts()[
        'GET /accounts/:account_id/pages/projects/:project_name/deployments'
      ],
    ).toBe(1);

    // Cloudflare recovers: the failure was not cached.
    demo.state.clearFaults();
    const ok = await request(server).get(PATH);
    expect(ok.status).toBe(200);
  });

  it('bounds each retry of a stalled body by the timeout', async () => {
    const { server } = await startPlugin({ config: config(1) });
    demo.state.addFault({
      route: '/pages/projects/acme-web/deployments',
      fault: { kind: 'stall-body' },
      times: 1,
    });
    const res = await request(server).get(PATH);
    expect(res.status).toBe(200);
    expect(
      demo.state.callCounts()[
        'GET /accounts/:account_id/pages/projects/:project_name/deployments'
      ],
    ).toBe(2);
  });
});
