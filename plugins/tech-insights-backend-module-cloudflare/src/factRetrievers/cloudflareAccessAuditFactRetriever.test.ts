import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { DEMO_API_TOKEN } from '@cloudflare-backstage/cloudflare-demo-account';
import { DateTime } from 'luxon';
import {
  demoCatalog,
  factsOf,
  loggedText,
  retrieverContext,
  useDemoAccount,
} from '../__testUtils__/demo';
import {
  cloudflareAccessAuditFactRetriever,
  createCloudflareAccessAuditFactRetriever,
} from './cloudflareAccessAuditFactRetriever';

const HOUR_MS = 3_600_000;

describe('cloudflareAccessAuditFactRetriever', () => {
  const demo = useDemoAccount();
  let catalog: InMemoryCatalogClient;
  beforeEach(async () => {
    catalog = await demoCatalog();
  });
  const retriever = createCloudflareAccessAuditFactRetriever({
    catalog: () => catalog,
  });

  it('targets the Zero Trust posture Resource by default', () => {
    expect(cloudflareAccessAuditFactRetriever.id).toBe(
      'cloudflareAccessAuditFactRetriever',
    );
    expect(retriever.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(retriever.entityFilter).toEqual({
      kind: 'resource',
      'spec.type': 'cloudflare-zero-trust',
    });
    expect(Object.keys(retriever.schema).sort()).toEqual([
      'auditEventsLast24h',
      'auditLogAvailable24h',
      'lastAuditEventAt',
    ]);
  });

  it('passes: the demo account logged Access requests within the last 24 hours', async () => {
    const { ctx } = retrieverContext();
    const facts = await retriever.handler(ctx);
    const since = Date.now() - 24 * HOUR_MS;
    const expected = demo.state.data.zeroTrust.accessRequests.filter(
      r => Date.parse(r.created_at!) >= since,
    );
    const newest = Math.max(
      ...demo.state.data.zeroTrust.accessRequests.map(r =>
        Date.parse(r.created_at!),
      ),
    );

    // only the Resource of the configured account gets the account's facts
    expect(facts.map(f => `${f.entity.kind}:${f.entity.name}`)).toEqual([
      'Resource:cf-zt-access',
    ]);
    const f = factsOf(facts, 'cf-zt-access')!;
    expect(f.auditEventsLast24h).toBe(expected.length);
    expect(f.auditLogAvailable24h).toBe(true);
    expect((f.lastAuditEventAt as DateTime).toMillis()).toBe(newest);
  });

  it('fails when the log holds nothing of the last 24 hours, and still reports the newest entry', async () => {
    for (const r of demo.state.data.zeroTrust.accessRequests) {
      r.created_at = new Date(
        Date.parse(r.created_at!) - 48 * HOUR_MS,
      ).toISOString();
    }
    const { ctx } = retrieverContext();
    const f = factsOf(await retriever.handler(ctx), 'cf-zt-access')!;
    expect(f.auditEventsLast24h).toBe(0);
    expect(f.auditLogAvailable24h).toBe(false);
    expect(f.lastAuditEventAt).toBeInstanceOf(DateTime);
  });

  it('leaves lastAuditEventAt out when the log is empty', async () => {
    demo.state.data.zeroTrust.accessRequests = [];
    const { ctx } = retrieverContext();
    const f = factsOf(await retriever.handler(ctx), 'cf-zt-access')!;
    expect(f).toEqual({ auditEventsLast24h: 0, auditLogAvailable24h: false });
  });

  it('can put the facts on the System instead', async () => {
    const { ctx } = retrieverContext();
    const facts = await createCloudflareAccessAuditFactRetriever({
      catalog: () => catalog,
      entityFilter: { kind: 'system', 'metadata.name': 'acme-org' },
    }).handler(ctx);
    expect(facts.map(f => f.entity)).toEqual([
      { namespace: 'default', kind: 'System', name: 'acme-org' },
    ]);
  });

  it('gives no fact (not a false pass) when the Access log cannot be read', async () => {
    demo.state.addFault({
      route: '/access/logs/access_requests',
      fault: { kind: 'rate-limit', retryAfterSeconds: 30 },
    });
    const { ctx, logger } = retrieverContext();
    expect(await retriever.handler(ctx)).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('no facts for resource:default/cf-zt-access'),
    );
    expect(loggedText(logger)).not.toContain(DEMO_API_TOKEN);
  });

  it('does nothing when no entity matches', async () => {
    const { ctx, logger } = retrieverContext();
    const facts = await createCloudflareAccessAuditFactRetriever({
      catalog: () => new InMemoryCatalogClient({ entities: [] }),
    }).handler(ctx);
    expect(facts).toEqual([]);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining('no entity matches'),
    );
  });
});
