import { createHash } from 'node:crypto';
import {
  ALL_SECRET_CANARIES,
  DEMO_API_TOKEN,
} from '@cloudflare-backstage/cloudflare-demo-account';
import {
  Answer,
  DEMO_USERS,
  DemoBackend,
  DemoUser,
  expectD1Answers,
  expectKvAnswers,
  expectR2Answers,
  recorder,
  startDemoBackend,
  storageIds,
  storageRoutes,
  waitFor,
  withLog as withBackendLog,
  withQuery,
} from './__testUtils__/demoBackend';

/**
 * Starts the real demo backend (./scripts/demo.sh's `backstage-cli package start` with
 * app-config.yaml) against its own demo Cloudflare account, and proves issue 10's acceptance on it:
 * the catalog holds the example Components and the KV, D1 and R2 Resource entities with their
 * relations; every storage route answers each group of the spec's permission matrix (section 5) as
 * the example policy says, masked and unmasked; the R2 lifecycle export downloads a file whose
 * SHA-256 is the stated one and verifies; the storage checks of Tech Insights pass and fail; and no
 * secret canary of the demo account, nor its API token, is in any answer or in anything the backend
 * logged. The only slow test of the repo.
 */

jest.setTimeout(300_000);

/** Every secret canary of the demo account starts so (see `SECRET_CANARIES`). */
const CANARY_PREFIX = 'CANARY-';
const SECRETS = [CANARY_PREFIX, DEMO_API_TOKEN, ...ALL_SECRET_CANARIES];
const CF = '/api/cloudflare/v1';
const SHA256_HEADER = 'x-cloudflare-evidence-sha256';
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

const sha256 = (text: string) =>
  createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');
const json = (a: Answer) => JSON.parse(a.body);

describe('demo backend', () => {
  let demo: DemoBackend;
  let call: ReturnType<typeof recorder>['call'];
  let answers: Answer[];
  const tokens = {} as Record<DemoUser, string>;

  const withLog = (fn: () => Promise<void>) => withBackendLog(() => demo, fn);
  let ids: ReturnType<typeof storageIds>;
  const storage = () => storageRoutes(demo.account, CF);

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
    'answers every read route of the suite with the common envelope, masked and unmasked',
    withLog(async () => {
      const routes = [
        ...[
          'workers/acme-api/deployments',
          'pages/acme-web/deployments',
          'zero-trust/users',
          'zero-trust/access/audit',
        ].map(r => `${CF}/${r}`),
        ...Object.values(storage()),
      ];
      for (const view of ['masked', 'unmasked']) {
        for (const route of routes) {
          const a = await call(
            `GET ${withQuery(route, 'view', view)}`,
            tokens.alice,
          );
          expect({ route, status: a.status }).toEqual({ route, status: 200 });
          const envelope = json(a);
          expect(envelope).toMatchObject({
            account: demo.account.state.data.account.id,
            area: expect.any(String),
            view,
            masked: expect.any(Object),
            fetchedAt: expect.any(String),
          });
          expect(
            envelope.items?.length ?? (envelope.item ? 1 : 0),
          ).toBeGreaterThan(0);
        }
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
      expect(
        (await call('GET /api/catalog/entities', tokens.alice)).status,
      ).toBe(200);
    }),
  );

  it(
    'answers each storage route for each group of the permission matrix, masked and unmasked',
    withLog(async () => {
      for (const user of USERS) {
        for (const [id, path] of Object.entries(storage())) {
          const masked = await call(`GET ${path}`, tokens[user]);
          expect({ user, id, status: masked.status }).toEqual({
            user,
            id,
            status: 200,
          });
          const unmasked = await call(
            `GET ${withQuery(path, 'view', 'unmasked')}`,
            tokens[user],
          );
          const allowed = READS_UNMASKED.includes(user);
          expect({
            user,
            id,
            view: 'unmasked',
            status: unmasked.status,
            // A denial is the 403 JSON of Backstage's NotAllowedError.
            error: json(unmasked).error?.name,
          }).toEqual({
            user,
            id,
            view: 'unmasked',
            status: allowed ? 200 : 403,
            error: allowed ? undefined : 'NotAllowedError',
          });
        }
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
      const created = await call(
        `POST ${CF}/r2/lifecycle/export?download=json`,
        tokens.pat,
      );
      expect(created.status).toBe(200);
      const stated = created.headers.get(SHA256_HEADER);
      expect(sha256(created.body)).toBe(stated);
      const doc = json(created);
      expect(doc).toMatchObject({
        kind: 'r2-lifecycle',
        population: { count: 6, exhausted: true },
        collector: { userEntityRef: 'user:default/pat' },
      });
      const regulated = doc.data.buckets.find(
        (b: any) => b.bucket === 'acme-regulated-exports',
      );
      expect(regulated.rules).toEqual([]);

      const list = json(
        await call(`GET ${CF}/evidence?kind=r2-lifecycle`, tokens.pat),
      );
      const record = list.items.find((r: any) => r.sha256 === stated);
      expect(record).toBeDefined();
      const download = await call(
        `GET ${CF}/evidence/${record.id}/download`,
        tokens.pat,
      );
      expect(download.body).toBe(created.body);
      const verify = json(
        await call(`GET ${CF}/evidence/${record.id}/verify`, tokens.pat),
      );
      expect(verify).toMatchObject({ valid: true, chain: { valid: true } });

      // The spec's form: GET .../:bucket/lifecycle/export?download=json, one bucket, only with X-Requested-With.
      const alias = `${CF}/r2/acme-prod-artifacts/lifecycle/export?download=json`;
      const one = await call(`GET ${alias}`, tokens.alice, {
        headers: { 'X-Requested-With': 'XMLHttpRequest' },
      });
      expect(one.status).toBe(200);
      expect(sha256(one.body)).toBe(one.headers.get(SHA256_HEADER));
      expect(json(one)).toMatchObject({
        scope: { bucket: 'acme-prod-artifacts' },
        population: { count: 1 },
      });
      expect((await call(`GET ${alias}`, tokens.alice)).status).toBe(400);
      expect(
        (
          await call(`GET ${alias}`, tokens.eve, {
            headers: { 'X-Requested-With': 'XMLHttpRequest' },
          })
        ).status,
      ).toBe(403);
    }),
  );

  it(
    'holds the KV, D1 and R2 Resource entities, related to the example Component and Worker',
    withLog(async () => {
      const token = tokens.rob;
      const query = ['cloudflare-kv', 'cloudflare-d1', 'cloudflare-r2']
        .map(t => `filter=kind=resource,spec.type=${t}`)
        .join('&');
      const { items } = json(
        await call(
          `GET /api/catalog/entities/by-query?${query}&limit=200`,
          token,
        ),
      );
      const byName = new Map<string, any>(
        items.map((e: any) => [e.metadata.name, e]),
      );
      const named = (prefix: string) =>
        [...byName.keys()].filter(n => n.startsWith(prefix)).sort();
      expect(named('cf-kv-')).toEqual([
        'cf-kv-acme-cache',
        'cf-kv-acme-config',
        'cf-kv-acme-eu-profiles',
        'cf-kv-acme-feature-flags',
        'cf-kv-acme-sessions',
      ]);
      expect(named('cf-d1-')).toHaveLength(
        demo.account.state.data.d1.databases.length,
      );
      expect(named('cf-r2-')).toEqual([
        'cf-r2-acme-logs-archive',
        'cf-r2-acme-prod-artifacts',
        'cf-r2-acme-regulated-exports',
        'cf-r2-acme-static-assets',
        expect.stringMatching(/^cf-r2-eu-acme-eu-customer-data-[0-9a-f]{8}$/),
        expect.stringMatching(
          /^cf-r2-fedramp-acme-fedramp-ledger-[0-9a-f]{8}$/,
        ),
      ]);
      const sessions = byName.get('cf-kv-acme-sessions');
      expect(sessions.metadata.labels['cloudflare.com/tag-pii']).toBe('true');
      expect(sessions.spec.parameters.ttlPolicy).toBe(true);
      expect(
        byName.get('cf-kv-acme-eu-profiles').spec.parameters.ttlPolicy,
      ).toBe(false);
      expect(byName.get('cf-d1-acme-core').spec.parameters.uuid).toBe(ids.core);
      // Cloudflare's backstage-owner tag gives the owner (app-config.yaml's ownership rules).
      expect(sessions.spec.owner).toBe('group:default/engineering');
      expect(byName.get('cf-r2-acme-regulated-exports').spec.owner).toBe(
        'group:default/security',
      );

      // A Worker's bindings and a Component's annotations meet at the same entities.
      const storageRefs = [
        'resource:default/cf-kv-acme-cache',
        'resource:default/cf-d1-acme-core',
        'resource:default/cf-r2-acme-prod-artifacts',
      ];
      for (const ref of [
        'component/default/acme-api',
        'resource/default/cf-worker-acme-api',
      ]) {
        const entity = json(
          await call(`GET /api/catalog/entities/by-name/${ref}`, token),
        );
        const dependsOn = entity.relations
          .filter((r: any) => r.type === 'dependsOn')
          .map((r: any) => r.targetRef);
        expect({ ref, dependsOn }).toEqual({
          ref,
          dependsOn: expect.arrayContaining(storageRefs),
        });
      }
    }),
  );

  it(
    'scores the storage checks in Tech Insights: both pass and fail in the demo account',
    withLog(async () => {
      const checks = json(
        await call('GET /api/tech-insights/checks', tokens.alice),
      );
      expect(checks.map((c: any) => c.id)).toEqual(
        expect.arrayContaining([
          'cloudflareKvPiiRetention',
          'cloudflareR2RegulatedLifecycle',
        ]),
      );
      const expected: Array<[string, string, boolean]> = [
        ['cf-kv-acme-sessions', 'cloudflareKvPiiRetention', true],
        ['cf-kv-acme-eu-profiles', 'cloudflareKvPiiRetention', false],
        ['cf-r2-acme-prod-artifacts', 'cloudflareR2RegulatedLifecycle', true],
        [
          'cf-r2-acme-regulated-exports',
          'cloudflareR2RegulatedLifecycle',
          false,
        ],
      ];
      /** The check's result on the entity, once its retriever has stored facts for it. */
      const outcomeOf = (name: string, check: string) => async () => {
        const a = await call(
          `POST /api/tech-insights/checks/run/default/resource/${name}`,
          tokens.alice,
          { body: JSON.stringify({ checks: [check] }) },
        );
        const [run] = a.status === 200 ? json(a) : [];
        return run ? (run.result as boolean) : undefined;
      };
      for (const [name, check, result] of expected) {
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
