/**
 * @jest-environment node
 */
import { ResponseError } from '@backstage/errors';
import { TechInsightsScorecardClient } from './TechInsightsScorecardClient';

const discoveryApi = {
  getBaseUrl: async (id: string) => `http://backstage/api/${id}`,
};
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

/** Backstage's JSON answer to a denied request. */
const forbidden = () =>
  json(
    {
      error: { name: 'NotAllowedError', message: 'Unauthorized' },
      response: { statusCode: 403 },
    },
    403,
  );

describe('TechInsightsScorecardClient', () => {
  it('calls the Tech Insights REST routes', async () => {
    const fetch = jest
      .fn()
      .mockResolvedValueOnce(json([{ id: 'c1' }]))
      .mockResolvedValueOnce(json([{ result: true }]))
      .mockResolvedValueOnce(
        json([{ entity: 'component:default/a', results: [] }]),
      )
      .mockResolvedValueOnce(json({ f1: { id: 'f1', facts: {} } }));
    const client = new TechInsightsScorecardClient({
      discoveryApi,
      fetchApi: { fetch },
    });

    expect(await client.getChecks()).toEqual([{ id: 'c1' }]);
    expect(fetch.mock.calls[0]).toEqual([
      'http://backstage/api/tech-insights/checks',
      undefined,
    ]);

    await client.runChecks('component:default/acme-api', ['c1']);
    expect(fetch.mock.calls[1][0]).toBe(
      'http://backstage/api/tech-insights/checks/run/default/component/acme-api',
    );
    expect(JSON.parse(fetch.mock.calls[1][1].body)).toEqual({ checks: ['c1'] });

    await client.runBulkChecks(['component:default/a'], ['c1']);
    expect(fetch.mock.calls[2][0]).toBe(
      'http://backstage/api/tech-insights/checks/run',
    );
    expect(JSON.parse(fetch.mock.calls[2][1].body)).toEqual({
      checks: ['c1'],
      entities: [{ kind: 'component', namespace: 'default', name: 'a' }],
    });

    await client.getLatestFacts(
      { kind: 'resource', namespace: 'default', name: 'cf-worker-x' },
      ['f1', 'f2'],
    );
    expect(fetch.mock.calls[3][0]).toBe(
      'http://backstage/api/tech-insights/facts/latest?entity=resource%3Adefault%2Fcf-worker-x&ids%5B%5D=f1&ids%5B%5D=f2',
    );
  });

  it('refreshes one entity through the suite route and returns what it triggered', async () => {
    const answer = {
      entityRef: 'resource:default/cf-r2-acme-regulated-exports',
      retrievers: ['cloudflareR2LifecycleFactRetriever'],
      triggeredAt: '2026-12-05T00:00:00.000Z',
    };
    const fetch = jest.fn().mockResolvedValue(json(answer, 202));
    const client = new TechInsightsScorecardClient({
      discoveryApi,
      fetchApi: { fetch },
    });

    await expect(
      client.refresh({
        kind: 'Resource',
        namespace: 'default',
        name: 'cf-r2-acme-regulated-exports',
      }),
    ).resolves.toEqual(answer);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('http://backstage/api/tech-insights/cloudflare/refresh');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body)).toEqual({
      entityRef: 'resource:default/cf-r2-acme-regulated-exports',
    });
  });

  it('reads the posture history of the last days, of given entities only', async () => {
    const answer = {
      days: [
        {
          date: '2026-12-05',
          scorecards: { coverage: { passed: 3, evaluated: 4 } },
        },
      ],
      truncated: false,
    };
    const fetch = jest.fn(async (_url: RequestInfo | URL) => json(answer));
    const client = new TechInsightsScorecardClient({
      discoveryApi,
      fetchApi: { fetch },
    });

    await expect(client.getHistory()).resolves.toEqual(answer);
    await client.getHistory({
      days: 30,
      entityRefs: [
        'component:default/acme-api',
        { kind: 'Resource', namespace: 'default', name: 'cf-r2-x' },
      ],
    });
    expect(fetch.mock.calls.map(c => c[0])).toEqual([
      'http://backstage/api/tech-insights/cloudflare/history?days=180',
      'http://backstage/api/tech-insights/cloudflare/history?days=30&entityRefs=component%3Adefault%2Facme-api%2Cresource%3Adefault%2Fcf-r2-x',
    ]);
  });

  it('rejects a denied refresh with the 403 ResponseError', async () => {
    const fetch = jest.fn().mockResolvedValue(forbidden());
    const client = new TechInsightsScorecardClient({
      discoveryApi,
      fetchApi: { fetch },
    });
    const error = await client
      .refresh('component:default/acme-api')
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
  });

  it('throws ResponseError on failure', async () => {
    const fetch = jest.fn().mockResolvedValue(forbidden());
    const client = new TechInsightsScorecardClient({
      discoveryApi,
      fetchApi: { fetch },
    });
    await expect(client.getChecks()).rejects.toBeInstanceOf(ResponseError);
  });
});
