import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { DateTime } from 'luxon';
import {
  DEMO_API_TOKEN,
  SECRET_CANARIES,
} from '@cloudflare-backstage/cloudflare-demo-account';
import {
  demoCatalog,
  demoCloudflareConfig,
  factsOf,
  loggedText,
  retrieverContext,
  useDemoAccount,
} from '../__testUtils__/demo';
import {
  cloudflareApiTokenHygieneFactRetriever,
  createCloudflareApiTokenHygieneFactRetriever,
  ttlOver180d,
  unused90d,
} from './cloudflareApiTokenHygieneFactRetriever';

const DAY_MS = 86_400_000;

describe('cloudflareApiTokenHygieneFactRetriever', () => {
  const demo = useDemoAccount();
  let catalog: InMemoryCatalogClient;
  beforeEach(async () => {
    catalog = await demoCatalog();
  });
  const retriever = createCloudflareApiTokenHygieneFactRetriever({
    catalog: () => catalog,
  });

  it('is a documented, versioned retriever on the Zero Trust posture Resource', () => {
    expect(cloudflareApiTokenHygieneFactRetriever.id).toBe(
      'cloudflareApiTokenHygieneFactRetriever',
    );
    expect(retriever.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(retriever.entityFilter).toEqual({
      kind: 'resource',
      'spec.type': 'cloudflare-zero-trust',
    });
    expect(Object.keys(retriever.schema)).toEqual(
      expect.arrayContaining([
        'tokensTotal',
        'tokensTtlOver180d',
        'tokensUnused90d',
        'tokensHygienic',
        'globalApiKeyInUse',
        'globalApiKeyEvents',
        'globalApiKeyLastUsed',
      ]),
    );
  });

  it('fails the demo account, listing the offending tokens by id, never by name', async () => {
    const { ctx, logger } = retrieverContext();
    const facts = await retriever.handler(ctx);
    const { user, account } = demo.state.data.tokens;
    const active = [...user, ...account].filter(t => t.status === 'active');
    const ref = (owner: 'user' | 'account', name: string) =>
      `${owner}:${
        demo.state.data.tokens[owner].find(t => t.name === name)!.id
      }`;

    const { globalApiKeyLastUsed, ...rest } = factsOf(facts, 'cf-zt-access')!;
    expect(rest).toEqual({
      tokensTotal: active.length,
      tokensTtlOver180d: 2,
      tokensUnused90d: 2,
      tokensTtlOver180dIds: [
        ref('user', 'legacy-terraform'),
        ref('account', 'acme-old-export'),
      ],
      tokensUnused90dIds: [
        ref('user', 'old-ci-deploy'),
        ref('account', 'acme-old-export'),
      ],
      globalApiKeyInUse: true,
      globalApiKeyEvents: 1,
      tokensHygienic: false,
    });
    // the demo's one Global API Key request, 10 days ago
    expect(
      DateTime.now().diff(globalApiKeyLastUsed as DateTime, 'days').days,
    ).toBeCloseTo(10, 0);
    const text = loggedText(logger) + JSON.stringify(facts);
    for (const t of [...user, ...account]) expect(text).not.toContain(t.name);
    const emails = demo.state.data.auditLogs.v2.flatMap(e =>
      e.actor?.email ? [e.actor.email] : [],
    );
    expect(emails.length).toBeGreaterThan(0);
    for (const email of emails) expect(text).not.toContain(email);
    expect(text).not.toContain(SECRET_CANARIES.apiTokenValue);
    expect(text).not.toContain(DEMO_API_TOKEN);
  });

  it('passes once the offending tokens are gone', async () => {
    const bad = ['legacy-terraform', 'old-ci-deploy', 'acme-old-export'];
    demo.state.data.tokens.user = demo.state.data.tokens.user.filter(
      t => !bad.includes(t.name!),
    );
    demo.state.data.tokens.account = demo.state.data.tokens.account.filter(
      t => !bad.includes(t.name!),
    );
    const { ctx } = retrieverContext();
    expect(factsOf(await retriever.handler(ctx), 'cf-zt-access')).toMatchObject(
      {
        tokensTtlOver180d: 0,
        tokensUnused90d: 0,
        tokensHygienic: true,
      },
    );
  });

  it('ignores disabled and expired tokens', async () => {
    for (const t of demo.state.data.tokens.user) {
      if (t.name === 'legacy-terraform') t.status = 'disabled';
    }
    const exported = demo.state.data.tokens.account.find(
      t => t.name === 'acme-old-export',
    )!;
    const { ctx } = retrieverContext();
    expect(factsOf(await retriever.handler(ctx), 'cf-zt-access')).toMatchObject(
      {
        tokensTtlOver180dIds: [`account:${exported.id}`],
      },
    );
  });

  it('reads the Global API Key from the audit log: none in 30 days passes, an older use does not count', async () => {
    const isKey = (e: { actor?: { context?: string } | null }) =>
      e.actor?.context === 'api_key';
    const used = demo.state.data.auditLogs.v2.find(isKey)!;
    const { ctx } = retrieverContext();
    used.action!.time = DateTime.now().minus({ days: 31 }).toISO()!;
    const facts = factsOf(await retriever.handler(ctx), 'cf-zt-access')!;
    expect(facts).toMatchObject({
      globalApiKeyInUse: false,
      globalApiKeyEvents: 0,
    });
    expect(facts).not.toHaveProperty('globalApiKeyLastUsed');

    // two uses in the window, among hundreds of token and dashboard entries the filter leaves out
    used.action!.time = DateTime.now().minus({ days: 2 }).toISO()!;
    demo.state.data.auditLogs.v2.push({
      ...used,
      id: 'second-global-key-use',
      action: {
        ...used.action,
        time: DateTime.now().minus({ days: 20 }).toISO()!,
      },
    });
    expect(factsOf(await retriever.handler(ctx), 'cf-zt-access')).toMatchObject(
      { globalApiKeyInUse: true, globalApiKeyEvents: 2 },
    );
    expect(
      demo.state.data.auditLogs.v2.filter(e => !isKey(e)).length,
    ).toBeGreaterThan(100);
  });

  it('ignores a Global API Key in our own config: only Cloudflare says whether one is used', async () => {
    demo.state.data.auditLogs.v2 = demo.state.data.auditLogs.v2.filter(
      e => e.actor?.context !== 'api_key',
    );
    const { ctx, logger } = retrieverContext(
      demoCloudflareConfig({
        apiKey: 'legacy-global-api-key-0123456789abcdef',
        apiEmail: 'ops@acme-org.org',
      }),
    );
    const facts = await retriever.handler(ctx);
    expect(factsOf(facts, 'cf-zt-access')).toMatchObject({
      globalApiKeyInUse: false,
    });
    expect(loggedText(logger)).not.toContain('legacy-global-api-key');
  });

  it('never passes a connection configured with the Global API Key (the demo refuses it: no fact)', async () => {
    const { ctx } = retrieverContext(
      demoCloudflareConfig({
        apiToken: undefined as any,
        apiKey: DEMO_API_TOKEN,
        apiEmail: 'ops@acme-org.org',
      }),
    );
    const facts = await retriever.handler(ctx);
    expect(facts.filter(f => f.facts.tokensHygienic === true)).toEqual([]);
  });

  it('gives no fact when the token list fails on its second page', async () => {
    demo.state.addFault({
      route: '/user/tokens',
      fault: { kind: 'fail-page', page: 2 },
    });
    const { ctx, logger } = retrieverContext();
    expect(await retriever.handler(ctx)).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('Cloudflare could not be read'),
    );
  });

  it('judges lifetimes and use by the recipe of the reference', () => {
    const now = Date.parse('2026-06-01T00:00:00Z');
    const iso = (ms: number) => new Date(ms).toISOString();
    const base = {};
    expect(
      ttlOver180d({
        ...base,
        issued_on: iso(now),
        expires_on: iso(now + 180 * DAY_MS),
      }),
    ).toBe(false);
    expect(
      ttlOver180d({
        ...base,
        issued_on: iso(now),
        expires_on: iso(now + 181 * DAY_MS),
      }),
    ).toBe(true);
    expect(ttlOver180d({ ...base, issued_on: iso(now) })).toBe(true);
    expect(ttlOver180d({ ...base, expires_on: iso(now) })).toBe(false);
    expect(unused90d({ ...base }, now)).toBe(true);
    expect(
      unused90d({ ...base, last_used_on: iso(now - 91 * DAY_MS) }, now),
    ).toBe(true);
    expect(
      unused90d({ ...base, last_used_on: iso(now - 89 * DAY_MS) }, now),
    ).toBe(false);
  });
});
