import {
  CLOUDFLARE_ACCEPTANCE_CRITERIA,
  CLOUDFLARE_AREAS,
  CLOUDFLARE_CONTRACTS,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  ALL_SECRET_CANARIES,
  DEMO_API_TOKEN,
} from '@cloudflare-backstage/cloudflare-demo-account';
import {
  Answer,
  DEMO_USERS,
  DemoBackend,
  DemoUser,
  recorder,
  startDemoBackend,
  waitFor,
  withLog as withBackendLog,
  withQuery,
} from './demo/demoBackend';
import {
  exportAuditSnapshot,
  readAcceptance,
  waitForCloudflareCatalog,
} from './acceptance/measure';
import { expectDemoAcceptance } from './acceptance/__testUtils__/expectDemoAcceptance';
import { DEMO_CHECK_OUTCOMES } from './__testUtils__/demoChecks';
import { DEMO_RELATIONS } from './__testUtils__/demoRelations';
import { demoRoutes, mayRead } from './__testUtils__/demoRoutes';
import {
  expectD1Answers,
  expectKvAnswers,
  expectR2Answers,
  expectR2LifecycleEvidence,
  expectStorageEntities,
  storageIds,
} from './__testUtils__/storageAnswers';

/**
 * Starts the real demo backend (./scripts/demo.sh's `backstage-cli package start` with
 * app-config.yaml) against its own demo Cloudflare account, and proves on it: the catalog holds the
 * example Components and Resource entities of every area with a wire contract, with their
 * relations; every route of every area answers each group of the spec's permission matrix
 * (section 5), masked and unmasked; the evidence exports download files whose SHA-256 is the stated
 * one and verify; the Tech Insights checks pass and fail where the demo account is built to; and no
 * secret canary of the demo account, nor its API token, is in any answer or in anything the backend
 * logged. The only slow test of the repo.
 */

jest.setTimeout(300_000);

/** Every secret canary of the demo account starts so (see `SECRET_CANARIES`). */
const CANARY_PREFIX = 'CANARY-';
const SECRETS = [CANARY_PREFIX, DEMO_API_TOKEN, ...ALL_SECRET_CANARIES];
const CF = '/api/cloudflare/v1';
const EXAMPLE_COMPONENTS = [
  'acme-api',
  'acme-web',
  'acme-worker-consumer',
  'acme-edge-router',
  'acme-ai-assistant',
  'acme-etl',
  'legacy-billing',
];
const USERS = Object.keys(DEMO_USERS) as DemoUser[];
/** Spec section 5: only security and platform export evidence; only security reads unmasked. */
const EXPORTS_EVIDENCE: DemoUser[] = ['alice', 'pat'];
const READS_UNMASKED: DemoUser[] = ['alice'];

const json = (a: Answer) => JSON.parse(a.body);

describe('demo backend', () => {
  let demo: DemoBackend;
  let call: ReturnType<typeof recorder>['call'];
  let answers: Answer[];
  const tokens = {} as Record<DemoUser, string>;

  const withLog = (fn: () => Promise<void>) => withBackendLog(() => demo, fn);
  let ids: ReturnType<typeof storageIds>;

  beforeAll(async () => {
    demo = await startDemoBackend();
    ({ call, answers } = recorder(demo.baseUrl));
    ids = storageIds(demo.account);
  });

  afterAll(async () => {
    await demo?.stop();
  }, 30_000);

  it(
    'starts, signs in every demo user with their group, and serves the example catalog',
    withLog(async () => {
      // A token taken once the catalog has read examples/org.yaml carries the user's group.
      for (const user of USERS) tokens[user] = await demo.signInAs(user);
      const token = tokens.alice;

      await waitFor(
        demo,
        'the example Components in the catalog',
        '/api/catalog/entities?filter=kind=component',
        token,
        (entities: Array<{ metadata: { name: string } }>) =>
          EXAMPLE_COMPONENTS.every(n =>
            entities.some(e => e.metadata.name === n),
          ),
      );
      // Without a token the catalog refuses: the backend really checks credentials.
      expect((await call('GET /api/catalog/entities', undefined)).status).toBe(
        401,
      );
      expect((await call('GET /api/cloudflare/health', undefined)).status).toBe(
        200,
      );
      // The entity provider has ingested the demo account, storage areas included.
      await waitFor(
        demo,
        'the Cloudflare Resource entities',
        '/api/catalog/entities/by-name/resource/default/cf-r2-acme-prod-artifacts',
        token,
      );
    }),
  );

  it(
    'answers every route of every area for each group as the permission matrix says, masked and unmasked',
    withLog(async () => {
      const account = demo.account.state.data.account.id;
      for (const { route, method, path, body } of demoRoutes(demo.account)) {
        for (const user of USERS) {
          for (const view of ['masked', 'unmasked'] as const) {
            const a = await call(
              `${method} ${
                view === 'masked' ? path : withQuery(path, 'view', view)
              }`,
              tokens[user],
              { body },
            );
            const allowed =
              mayRead(user, route.area) &&
              (view === 'masked' || READS_UNMASKED.includes(user));
            const answer = json(a);
            // A denial is the 403 JSON of Backstage's NotAllowedError.
            expect({
              route: route.id,
              user,
              view,
              status: a.status,
              error: answer.error?.name,
            }).toEqual({
              route: route.id,
              user,
              view,
              status: allowed ? 200 : 403,
              error: allowed ? undefined : 'NotAllowedError',
            });
            if (!allowed) continue;
            expect(answer).toMatchObject({
              account,
              area: route.area,
              view,
              masked: expect.any(Object),
              fetchedAt: expect.any(String),
            });
            const items = answer.items?.length ?? (answer.item ? 1 : 0);
            expect({ route: route.id, items: items > 0 }).toEqual({
              route: route.id,
              items: true,
            });
          }
        }
      }
      for (const user of USERS) {
        const exported = await call(
          `POST ${CF}/r2/lifecycle/export?download=json`,
          tokens[user],
        );
        const status = EXPORTS_EVIDENCE.includes(user) ? 200 : 403;
        expect({ user, export: exported.status }).toEqual({
          user,
          export: status,
        });
      }
      for (const view of ['masked', 'unmasked']) {
        const zt = await call(
          `POST ${CF}/zero-trust/export/audit?download=json&view=${view}`,
          tokens.alice,
        );
        expect(zt.status).toBe(200);
      }
      const provenance = await call(
        `POST ${CF}/evidence/deployment-provenance?download=json`,
        tokens.alice,
        {
          body: JSON.stringify({ workers: ['acme-api'], pages: ['acme-web'] }),
        },
      );
      expect(provenance.status).toBe(200);
      expect((await call(`GET ${CF}/evidence`, tokens.alice)).status).toBe(200);
      // Without a token, nothing.
      expect((await call(`GET ${CF}/kv/namespaces`, undefined)).status).toBe(
        401,
      );
    }),
  );

  it(
    "returns the demo account's KV, D1 and R2 data, masks credential-like key names, and refuses bad input with 4xx JSON",
    withLog(async () => {
      const token = tokens.eve;
      await expectKvAnswers(call, tokens, ids, CF);
      await expectD1Answers(call, tokens, ids, CF);
      await expectR2Answers(call, tokens, CF);
      // Bad or unknown input: 4xx with a JSON error.
      for (const [what, status] of [
        [`GET ${CF}/r2/acme-eu-customer-data/lifecycle`, 404],
        [`GET ${CF}/kv/not-a-namespace/keys`, 400],
        [`GET ${CF}/kv/${ids.cache}/keys?limit=5`, 400],
        [`GET ${CF}/kv/${ids.config}/sample?limit=51`, 400],
        [`GET ${CF}/d1/not-a-uuid/metadata`, 400],
        [`GET ${CF}/d1/00000000-0000-4000-8000-000000000000/metadata`, 404],
        [`GET ${CF}/r2/NOT_A_BUCKET/lifecycle`, 400],
        [`GET ${CF}/r2/acme-prod-artifacts/lifecycle?jurisdiction=mars`, 400],
        [`GET ${CF}/workers/NOT%20A%20NAME/deployments`, 400],
        [`GET ${CF}/workers/no-such-script/deployments`, 404],
      ] as const) {
        const a = await call(what, token);
        expect({ what, status: a.status }).toEqual({ what, status });
        expect(json(a).error.message).toEqual(expect.any(String));
      }
    }),
  );

  it(
    'exports the R2 lifecycle as evidence: the file hashes to the stated SHA-256 and verifies',
    withLog(async () => {
      await expectR2LifecycleEvidence(call, tokens, CF);
    }),
  );

  it(
    'holds Resource entities of every area with a wire contract, of the type its registry row names',
    withLog(async () => {
      const types = new Set(
        CLOUDFLARE_AREAS.filter(a => a.id in CLOUDFLARE_CONTRACTS).map(
          a => a.resourceType,
        ),
      );
      const query = [...types]
        .map(t => `filter=kind=resource,spec.type=${t}`)
        .join('&');
      await demo.until(
        'a Resource entity of every area',
        async () => {
          const { items } = json(
            await call(
              `GET /api/catalog/entities/by-query?${query}&limit=500`,
              tokens.rob,
            ),
          );
          const seen = new Set(items.map((e: any) => e.spec.type));
          return [...types].every(t => seen.has(t)) ? true : undefined;
        },
        120_000,
      );
    }),
  );

  it(
    'holds the KV, D1 and R2 Resource entities, related to the example Component and Worker',
    withLog(async () => {
      await expectStorageEntities(call, tokens.rob, demo.account);
    }),
  );

  it(
    "relates every area's resources to the Components and Workers that use them",
    withLog(async () => {
      const refsOf = async (ref: string, type: string) => {
        const [kind, rest] = ref.split(':');
        const entity = json(
          await call(
            `GET /api/catalog/entities/by-name/${kind}/${rest}`,
            tokens.rob,
          ),
        );
        return (entity.relations ?? [])
          .filter((r: any) => r.type === type)
          .map((r: any) => r.targetRef.toLowerCase());
      };
      for (const [entity, target] of DEMO_RELATIONS) {
        const dependsOn = await refsOf(entity, 'dependsOn');
        expect({
          entity,
          dependsOn: dependsOn.includes(target.toLowerCase()),
        }).toEqual({
          entity,
          dependsOn: true,
        });
        const dependencyOf = await refsOf(target, 'dependencyOf');
        expect({
          target,
          dependencyOf: dependencyOf.includes(entity.toLowerCase()),
        }).toEqual({
          target,
          dependencyOf: true,
        });
      }
    }),
  );

  it(
    'scores the checks of every area in Tech Insights: each passes and fails where the demo account is built to',
    withLog(async () => {
      const checks = json(
        await call('GET /api/tech-insights/checks', tokens.alice),
      );
      expect(checks.map((c: any) => c.id)).toEqual(
        expect.arrayContaining([
          ...new Set(DEMO_CHECK_OUTCOMES.map(([, check]) => check)),
        ]),
      );
      /** The check's result on the entity, once its retriever has stored facts for it. */
      const outcomeOf = (entity: string, check: string) => async () => {
        const [kind, name] = entity.includes(':')
          ? entity.split(':')
          : ['resource', entity];
        const a = await call(
          `POST /api/tech-insights/checks/run/default/${kind}/${name}`,
          tokens.alice,
          { body: JSON.stringify({ checks: [check] }) },
        );
        const [run] = a.status === 200 ? json(a) : [];
        return run ? (run.result as boolean) : undefined;
      };
      for (const [name, check, result] of DEMO_CHECK_OUTCOMES) {
        // The retrievers run every minute (app-config.yaml): wait for their first facts.
        const outcome = await demo.until(
          `${check} on ${name}`,
          outcomeOf(name, check),
          150_000,
        );
        expect({ name, check, outcome }).toEqual({
          name,
          check,
          outcome: result,
        });
      }
      const component = await call(
        'POST /api/tech-insights/checks/run/default/component/acme-api',
        tokens.alice,
        { body: '{}' },
      );
      expect(component.status).toBe(200);
      expect(json(component).length).toBeGreaterThan(0);
    }),
  );

  it(
    'measures the acceptance criteria of spec section 11 as the demo is built to pass and fail them',
    withLog(async () => {
      await waitForCloudflareCatalog(demo, tokens.alice);
      await exportAuditSnapshot(call, tokens.alice);
      const components = await call(
        'GET /api/catalog/entities?filter=kind=component,spec.lifecycle=production',
        tokens.alice,
      );
      const answer = await readAcceptance(call, tokens.alice);
      expect(answer.criteria).toHaveLength(
        CLOUDFLARE_ACCEPTANCE_CRITERIA.length,
      );
      expectDemoAcceptance(answer, demo.account, json(components));
    }),
  );

  it(
    'leaks no secret canary nor the API token in any answer or log line',
    withLog(async () => {
      expect(answers.length).toBeGreaterThan(100);
      const leaks = (text: string) =>
        SECRETS.filter(secret => text.includes(secret));
      for (const { what, body } of answers) {
        expect({ what, leaks: leaks(body) }).toEqual({ what, leaks: [] });
      }
      expect(answers.every(a => a.body.length > 0)).toBe(true);
      expect({ log: leaks(demo.output()) }).toEqual({ log: [] });
    }),
  );
});
