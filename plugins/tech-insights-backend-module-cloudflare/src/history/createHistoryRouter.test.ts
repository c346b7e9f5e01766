import { JsonRulesEngineFactChecker } from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import {
  FactRetriever,
  TechInsightsStore,
} from '@backstage-community/plugin-tech-insights-node';
import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CLOUDFLARE_SCORECARDS } from '@cloudflare-backstage/plugin-cloudflare-common';
import express from 'express';
import path from 'path';
import request from 'supertest';
import { cloudflareTechInsightsChecks } from '../checks';
import { createCloudflareR2LifecycleFactRetriever } from '../areas/r2';
import {
  createCloudflareCoverageFactRetriever,
  createCloudflareDeploymentAuditFactRetriever,
  createCloudflareDeploymentProvenanceFactRetriever,
} from '../factRetrievers';
import {
  demoCatalog,
  retrieverContext,
  useDemoAccount,
} from '../__testUtils__/demo';
import { createHistoryRouter } from './createHistoryRouter';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
type Knex = Awaited<ReturnType<typeof databases.init>>;
const NOW = new Date('2026-12-05T12:00:00Z');
const TODAY = '2026-12-05T10:00:00.000Z';
const YESTERDAY_EARLY = '2026-12-04T08:00:00.000Z';
const YESTERDAY_LATE = '2026-12-04T20:00:00.000Z';
const MIGRATIONS = path.join(
  path.dirname(
    require.resolve(
      '@backstage-community/plugin-tech-insights-backend/package.json',
    ),
  ),
  'migrations',
);

type Row = { id: string; entity: string; timestamp: string; facts: string };

async function app(
  knex: Knex,
  allow = true,
): Promise<{ get: (q: string) => request.Test; authorize: jest.Mock }> {
  const authorize = jest.fn(async (reqs: unknown[]) =>
    reqs.map(() => ({
      result: allow ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
    })),
  );
  const router = await createHistoryRouter({
    database: mockServices.database({ knex }),
    httpAuth: mockServices.httpAuth(),
    permissions: mockServices.permissions.mock({ authorize: authorize as any }),
    logger: mockServices.logger.mock(),
    checks: cloudflareTechInsightsChecks(),
    now: () => NOW,
  });
  const server = express().use(router).use(mockErrorHandler());
  return {
    authorize,
    get: (q: string) =>
      request(server)
        .get(`/cloudflare/history${q}`)
        .set('Authorization', mockCredentials.user.header()),
  };
}

/** Runs the retrievers on the demo account; one row per fact at `timestamp`. */
async function demoRows(retrievers: FactRetriever[], timestamp: string) {
  const { ctx } = retrieverContext();
  const rows: Row[] = [];
  for (const r of retrievers) {
    for (const fact of await r.handler(ctx)) {
      rows.push({
        id: r.id,
        entity: stringifyEntityRef(fact.entity),
        timestamp,
        facts: JSON.stringify(fact.facts),
      });
    }
  }
  return rows;
}

async function store(knex: Knex, retrievers: FactRetriever[], rows: Row[]) {
  await knex.migrate.latest({ directory: MIGRATIONS });
  await knex('fact_schemas').insert(
    retrievers.map(r => ({
      id: r.id,
      version: r.version,
      schema: JSON.stringify(r.schema),
    })),
  );
  await knex.batchInsert(
    'facts',
    rows.map(r => ({
      ...r,
      version: retrievers.find(x => x.id === r.id)!.version,
    })),
    100,
  );
}

/** The jsonfc checker's results over the given rows (the latest row of each retriever per entity). */
async function jsonfcPerScorecard(retrievers: FactRetriever[], rows: Row[]) {
  const repository = {
    async getLatestFactsByIds(ids: string[], entity: string) {
      const latest: Record<string, unknown> = {};
      for (const r of rows.filter(
        x => x.entity === entity && ids.includes(x.id),
      ))
        latest[r.id] = { id: r.id, entity, facts: JSON.parse(r.facts) };
      return latest;
    },
    async getLatestSchemas(ids: string[]) {
      return retrievers.filter(r => ids.includes(r.id)).map(r => r.schema);
    },
  };
  const fc = new JsonRulesEngineFactChecker({
    checks: cloudflareTechInsightsChecks(),
    repository: repository as unknown as TechInsightsStore,
    logger: mockServices.logger.mock(),
  });
  const counts = Object.fromEntries(
    CLOUDFLARE_SCORECARDS.map(s => [s.id, { passed: 0, evaluated: 0 }]),
  );
  const ids = new Set(retrievers.map(r => r.id));
  const checks = cloudflareTechInsightsChecks()
    .filter(c => c.factIds.every(id => ids.has(id)))
    .map(c => c.id);
  for (const entity of new Set(rows.map(r => r.entity))) {
    for (const result of await fc.runChecks(entity, checks)) {
      const scorecard = CLOUDFLARE_SCORECARDS.find(s =>
        s.checks.some(c => c.id === result.check.id),
      )!;
      counts[scorecard.id].evaluated += 1;
      if (result.result) counts[scorecard.id].passed += 1;
    }
  }
  return counts;
}

describe('GET /api/tech-insights/cloudflare/history with demo facts', () => {
  const demo = useDemoAccount();

  async function retrievers() {
    const catalog = await demoCatalog();
    return [
      createCloudflareDeploymentProvenanceFactRetriever({
        catalog: () => catalog,
      }),
      createCloudflareDeploymentAuditFactRetriever({ catalog: () => catalog }),
      createCloudflareCoverageFactRetriever({ catalog: () => catalog }),
      createCloudflareR2LifecycleFactRetriever({ catalog: () => catalog }),
    ];
  }

  it.each(databases.eachSupportedId())(
    "gives per day each scorecard the pass rate jsonfc gives for that day's last facts, %p",
    async databaseId => {
      const knex = await databases.init(databaseId);
      const rs = await retrievers();
      const today = await demoRows(rs, TODAY);
      // yesterday: an early run where everything failed provenance, then the day's last run
      const early = (await demoRows(rs, YESTERDAY_EARLY)).map(r => ({
        ...r,
        facts: r.id.includes('Provenance')
          ? JSON.stringify({
              ...JSON.parse(r.facts),
              allDeploymentsHaveProvenance: false,
            })
          : r.facts,
      }));
      const lateYesterday = today
        .filter(r => !r.id.includes('R2'))
        .map(r => ({ ...r, timestamp: YESTERDAY_LATE }));
      const old = today.map(r => ({
        ...r,
        timestamp: '2026-01-01T00:00:00.000Z',
      }));
      await store(knex, rs, [...old, ...early, ...lateYesterday, ...today]);
      demo.server.close(); // the facts are in; the requests below go to the local router
      const { get, authorize } = await app(knex);

      const res = await get('?days=180');
      expect(res.status).toBe(200);
      expect(res.body.truncated).toBe(false);
      expect(res.body.days.map((d: { date: string }) => d.date)).toEqual([
        '2026-12-04',
        '2026-12-05',
      ]);
      expect(res.body.days[1].scorecards).toEqual(
        await jsonfcPerScorecard(rs, today),
      );
      expect(res.body.days[0].scorecards).toEqual(
        await jsonfcPerScorecard(rs, lateYesterday),
      );
      // the facts give something to count, and yesterday's early run (no provenance) is not counted
      expect(res.body.days[1].scorecards['change-management']).toEqual({
        passed: expect.any(Number),
        evaluated: expect.any(Number),
      });
      expect(
        res.body.days[1].scorecards['change-management'].passed,
      ).toBeGreaterThan(0);
      expect(res.body.days[1].scorecards.coverage.evaluated).toBeGreaterThan(0);
      expect(res.body.days[0].scorecards).not.toEqual(
        await jsonfcPerScorecard(rs, early),
      );
      expect(authorize.mock.calls[0][0]).toEqual([
        {
          permission: expect.objectContaining({
            name: 'tech-insights.fact-retriever.read',
          }),
        },
      ]);

      const one = await get('?days=1&entityRefs=component:default/acme-api');
      expect(one.body.days.map((d: { date: string }) => d.date)).toEqual([
        '2026-12-05',
      ]);
      expect(one.body.days[0].scorecards).toEqual(
        await jsonfcPerScorecard(
          rs,
          today.filter(r => r.entity === 'component:default/acme-api'),
        ),
      );
      expect(one.body.days[0].scorecards['change-management']).toEqual({
        passed: 2,
        evaluated: 2,
      });
    },
  );
});

describe('GET /api/tech-insights/cloudflare/history', () => {
  it('answers an empty history when Tech Insights has no facts table', async () => {
    const knex = await databases.init('SQLITE_3');
    const res = await (await app(knex)).get('');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ days: [], truncated: false });
  });

  it.each([
    ['?days=0', /days/],
    ['?days=181', /days/],
    ['?days=ten', /days/],
    ['?entityRefs=not-a-ref', /entityRefs/],
  ])('rejects %s with a JSON 400', async (query, message) => {
    const knex = await databases.init('SQLITE_3');
    const res = await (await app(knex)).get(query);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toMatch(message);
  });

  it('answers 403 without the fact read permission', async () => {
    const knex = await databases.init('SQLITE_3');
    const res = await (await app(knex, false)).get('?days=30');
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('NotAllowedError');
  });
});
