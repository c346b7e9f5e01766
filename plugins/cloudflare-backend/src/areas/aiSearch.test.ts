import request from 'supertest';
import { SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import { useDemoBackend } from '../__testUtils__/harness';

/*
 * What only AI Search routes do: instances of every namespace, people's emails and crawler header
 * names masked, header values never returned, and an instance read in the namespace
 * `?namespace=` names. Permissions, both views, the 404, bad inputs and secret canaries are checked
 * for every route by ./index.test.ts.
 */

jest.setTimeout(60_000);

const { start } = useDemoBackend();

const INDEXES = '/api/cloudflare/v1/ai-search/indexes';
const health = (index: string, query = '') =>
  `/api/cloudflare/v1/ai-search/${index}/health${query}`;

describe('AI Search routes (the real client against the demo account)', () => {
  it('lists the instances of every namespace with their connectors; emails and header names masked', async () => {
    const { server } = await start();
    const res = await request(server).get(INDEXES);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: any) => [i.namespace, i.id])).toEqual([
      ['default', 'acme-site-index'],
      ['default', 'acme-docs-search'],
      ['support', 'acme-support-kb'],
    ]);
    const [site, docs] = res.body.items;
    expect(site).toMatchObject({
      createdBy: 'a***@acme-org.org',
      modifiedBy: 's***@acme-org.org',
      source: {
        type: 'web-crawler',
        name: 'https://acme-org.org',
        includeHeaders: ['[masked]'],
      },
      lastActivityAt: expect.any(String),
    });
    expect(docs.source).toEqual({
      type: 'r2',
      name: 'acme-static-assets',
      prefix: 'docs/',
      jurisdiction: 'default',
    });
    expect(res.body.masked).toEqual({
      createdBy: 3,
      modifiedBy: 3,
      'source.includeHeaders': 1,
    });
    expect(JSON.stringify(res.body)).not.toContain(
      SECRET_CANARIES.aiSearchCrawlerHeader,
    );
  });

  it('shows header names, never their values, to holders of cloudflare.read.unmasked', async () => {
    const { server, audit } = await start();
    const res = await request(server).get(`${INDEXES}?view=unmasked`);
    expect(res.body).toMatchObject({ view: 'unmasked', masked: {} });
    expect(res.body.items[0]).toMatchObject({
      createdBy: 'ana.lopez@acme-org.org',
      source: { includeHeaders: ['X-Acme-Crawler-Token'] },
    });
    expect(JSON.stringify(res.body)).not.toContain(
      SECRET_CANARIES.aiSearchCrawlerHeader,
    );
    expect(audit.map(a => `${a.eventId}:${a.status}`)).toEqual([
      'unmasked-read:initiated',
      'unmasked-read:succeeded',
    ]);
  });

  it("answers an instance's health: status, document counts, its last and last successful sync", async () => {
    const { server } = await start();
    const res = await request(server).get(health('acme-docs-search'));
    expect(res.status).toBe(200);
    expect(res.body.item).toMatchObject({
      id: 'acme-docs-search',
      namespace: 'default',
      status: 'error',
      documents: { completed: 1840, error: 12, outdated: 240 },
      sourceErrors: 1,
      sync: {
        lastJob: { outcome: 'failed' },
        lastSuccess: { outcome: 'succeeded', endReason: 'completed' },
        complete: true,
      },
    });
    const since =
      Date.now() - Date.parse(res.body.item.sync.lastSuccess.endedAt);
    expect(since).toBeGreaterThan(7 * 86_400_000);
  });

  it('reads an instance outside the default namespace only where ?namespace= says', async () => {
    const { server } = await start();
    const kb = await request(server).get(
      health('acme-support-kb', '?namespace=support'),
    );
    expect(kb.status).toBe(200);
    expect(kb.body.item).toMatchObject({ namespace: 'support', paused: true });
    const wrong = await request(server).get(health('acme-support-kb'));
    expect(wrong.status).toBe(404);
    expect(wrong.body.error.message).toContain(
      "AI Search instance 'acme-support-kb' (namespace default)",
    );
  });
});
