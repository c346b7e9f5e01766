import { ConfigReader } from '@backstage/config';
import {
  DEMO_ACCOUNT_ID,
  SECRET_CANARIES,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { useDemoAccount } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';
import {
  browserRenderingQuotasSchema,
  browserSessionSchema,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { CloudflareClient, CloudflareClientOptions } from '../CloudflareClient';
import {
  CloudflareClientAreaSettings,
  readCloudflareClientConfig,
} from '../config';
import { TEST_BASE_URL, expectNoCanary } from '../__testUtils__/demo';
import { DEFAULT_REDACTION_RULES } from '../redaction';

const SESSIONS = 'GET /accounts/:account_id/browser-rendering/devtools/session';

function client(
  areaSettings?: CloudflareClientAreaSettings,
  options: CloudflareClientOptions = {},
) {
  return new CloudflareClient(
    {
      accountId: DEMO_ACCOUNT_ID,
      apiToken: 'demo-acme-org-read-token-0000000000000000',
      apiBaseUrl: TEST_BASE_URL,
      timeoutMs: 5_000,
      maxRetries: 0,
      backoff: 'jitter',
      redaction: DEFAULT_REDACTION_RULES,
      areaSettings,
    },
    options,
  );
}

describe('BrowserRenderingApi', () => {
  const demo = useDemoAccount();

  it('lists sessions open or ended, with age and close reason; never a session URL', async () => {
    const c = client();
    const page = await c.browserRendering.listSessions({ limit: 50 });
    expect(page.items).toHaveLength(5);
    expect(page.nextOffset).toBeUndefined();
    for (const s of page.items)
      expect(browserSessionSchema.parse(s)).toEqual(s);
    const [open, ended, , idle] = page.items;
    expect(open).toMatchObject({ open: true });
    expect(open).not.toHaveProperty('endedAt');
    expect(open.ageSeconds).toBeGreaterThanOrEqual(119);
    expect(ended).toMatchObject({
      open: false,
      ageSeconds: 95,
      closeReason: 1000,
      closeReasonText: 'Normal Closure',
    });
    expect(idle).toMatchObject({
      closeReason: 1011,
      closeReasonText: 'BrowserIdle',
    });
    const raw = demo.state.data.browserRendering.sessions[1];
    expect(ended.startedAt).toBe(new Date(raw.startTime!).toISOString());
    expect(JSON.stringify(page)).not.toMatch(/live\.browser\.run|wss:/);
    expectNoCanary(page);
    expect(JSON.stringify(demo.state.data.browserRendering.sessions)).toContain(
      SECRET_CANARIES.browserSessionWsToken,
    );
    // Both URLs of each of the five sessions dropped and counted.
    expect(c.stats().redactionsByArea).toEqual({ browserRendering: 10 });
  });

  it('pages by limit and offset as Cloudflare does, offering the next offset after a full page', async () => {
    const c = client();
    const first = await c.browserRendering.listSessions({ limit: 2 });
    expect(first.nextOffset).toBe(2);
    const third = await c.browserRendering.listSessions({
      limit: 2,
      offset: 4,
    });
    expect(third.items).toHaveLength(1);
    expect(third.nextOffset).toBeUndefined();
    expect(demo.state.callCounts()[SESSIONS]).toBe(2);
  });

  it('reads an enveloped answer too (the SDK does not unwrap this endpoint), and fails anything else', async () => {
    /** The demo's bare answer, re-served as `wrap` makes it. */
    const served = (wrap: (sessions: unknown) => unknown) =>
      client(undefined, {
        fetch: async (url, init) => {
          const res = await fetch(url, init);
          return Response.json(wrap(await res.json()));
        },
      });
    const page = await served(result => ({
      success: true,
      errors: [],
      messages: [],
      result,
    })).browserRendering.listSessions({ limit: 2 });
    expect(page.items.map(s => s.open)).toEqual([true, false]);
    expectNoCanary(page);

    await expect(
      served(sessions => ({ sessions })).browserRendering.listSessions(),
    ).rejects.toMatchObject({ operation: 'browserRendering.listSessions' });
  });

  it('states the documented limits of the configured plan with the sessions open now', async () => {
    const quotas = await client({
      browserRendering: { name: 'acme-browser', plan: 'paid' },
    }).browserRendering.quotas();
    expect(browserRenderingQuotasSchema.parse(quotas)).toEqual(quotas);
    expect(quotas).toMatchObject({
      plan: 'paid',
      source: 'https://developers.cloudflare.com/browser-rendering/limits/',
      openSessions: 1,
      sessionsRead: 5,
      complete: true,
    });
    expect(quotas.sessionsStartedToday).toBeLessThanOrEqual(5);
    const byId = Object.fromEntries(quotas.limits.map(l => [l.id, l]));
    expect(byId['concurrent-browsers']).toMatchObject({
      free: '3',
      paid: '120',
      applies: '120',
      used: 1,
    });
    expect(byId['browser-time']).toMatchObject({
      applies: 'Billed by the hour (no daily cap)',
      usage: 'No API: see the dashboard',
    });
    expect(byId['browser-time']).not.toHaveProperty('used');
    expect(byId['new-browsers'].used).toBeUndefined();
    expectNoCanary(quotas);
  });

  it('applies no plan when none is configured, and bounds its reads to 5 pages of 100', async () => {
    const [s] = demo.state.data.browserRendering.sessions;
    demo.state.data.browserRendering.sessions = Array.from(
      { length: 620 },
      (_, i) => ({ ...s, sessionId: `session-${i}` }),
    );
    const c = client();
    const quotas = await c.browserRendering.quotas();
    expect(quotas.plan).toBeUndefined();
    expect(quotas.limits.every(l => l.applies === undefined)).toBe(true);
    expect(quotas).toMatchObject({
      sessionsRead: 500,
      complete: false,
      openSessions: 500,
    });
    expect(
      quotas.limits.find(l => l.id === 'concurrent-browsers')?.usage,
    ).toMatch(/at least/);
    expect(demo.state.callCounts()[SESSIONS]).toBe(5);
  });

  it('is named by configuration, else by the account id', () => {
    expect(client().browserRendering.settings()).toEqual({
      name: DEMO_ACCOUNT_ID,
    });
    expect(
      client({
        browserRendering: { name: 'acme-browser', plan: 'free' },
      }).browserRendering.settings(),
    ).toEqual({ name: 'acme-browser', plan: 'free' });
  });

  it('reads cloudflare.browserRendering.* from configuration and refuses bad values by key', () => {
    const cfg = (browserRendering: object) =>
      readCloudflareClientConfig(
        new ConfigReader({
          cloudflare: {
            accountId: DEMO_ACCOUNT_ID,
            apiToken: 'demo-acme-org-read-token-0000000000000000',
            browserRendering,
          },
        }),
      );
    expect(cfg({ name: 'acme-browser', plan: 'paid' }).areaSettings).toEqual({
      browserRendering: { name: 'acme-browser', plan: 'paid' },
    });
    expect(cfg({}).areaSettings).toEqual({});
    expect(() => cfg({ plan: 'enterprise' })).toThrow(
      "Invalid Cloudflare configuration at 'cloudflare.browserRendering.plan': must be 'free' or 'paid'",
    );
    expect(() => cfg({ name: 'Acme Browser' })).toThrow(
      /cloudflare\.browserRendering\.name/,
    );
  });
});
