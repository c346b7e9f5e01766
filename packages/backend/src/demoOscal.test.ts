import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import {
  DemoBackend,
  recorder,
  startDemoBackend,
  withLog as withBackendLog,
} from './demo/demoBackend';
import {
  exportAuditSnapshot,
  waitForCloudflareCatalog,
} from './acceptance/measure';
import { DEMO_CHECK_OUTCOMES } from './__testUtils__/demoChecks';

/**
 * The OSCAL export on the real demo backend: alice (security) downloads the Assessment Results of
 * the demo's scorecards, which validate against NIST's published schema (the backend plugin's test
 * fixture), state each check where the demo account is built to pass or fail it, and name only
 * snapshots of the evidence chain, by the SHA-256 of their downloaded bytes; rob (readers) may not.
 */

jest.setTimeout(300_000);

const OSCAL = 'GET /api/cloudflare/v1/evidence/oscal';
const SCHEMA = join(
  dirname(
    require.resolve(
      '@cloudflare-backstage/plugin-cloudflare-backend/package.json',
    ),
  ),
  'src/oscal/__fixtures__/oscal_assessment-results_schema.json',
);

/** `resource:default/<name>` of a Resource name, or the ref of `component:<name>`, lower-cased. */
const refOf = (entity: string) =>
  (entity.includes(':')
    ? entity.replace(':', ':default/')
    : `resource:default/${entity}`
  ).toLocaleLowerCase('en-US');

describe('demo backend: OSCAL assessment results', () => {
  let demo: DemoBackend;
  let call: ReturnType<typeof recorder>['call'];
  const withLog = (fn: () => Promise<void>) => withBackendLog(() => demo, fn);

  beforeAll(async () => {
    demo = await startDemoBackend();
    ({ call } = recorder(demo.baseUrl));
  });

  afterAll(async () => {
    await demo?.stop();
  }, 30_000);

  it(
    'exports results that validate against the OSCAL schema, as the demo is built to pass and fail, naming existing snapshots by hash',
    withLog(async () => {
      const alice = await demo.signInAs('alice');
      await waitForCloudflareCatalog(demo, alice);
      await exportAuditSnapshot(call, alice);

      /** The state of each expected (check, entity) in an export, once every one has a result. */
      const expected = DEMO_CHECK_OUTCOMES.map(([entity, check]) => [
        check,
        refOf(entity),
      ]);
      const findingsOf = (doc: any) =>
        new Map<string, string>(
          (doc['assessment-results'].results[0].findings ?? []).map(
            (f: any) => [
              `${f.props.find((p: any) => p.name === 'check-id').value} ${
                f.props.find((p: any) => p.name === 'entity-ref').value
              }`,
              f.target.status.state,
            ],
          ),
        );
      // The retrievers run every minute (app-config.yaml): wait until each has stored its facts.
      const answer = await demo.until(
        'an export with a result for every demo check outcome',
        async () => {
          const a = await call(OSCAL, alice);
          if (a.status !== 200) return undefined;
          const found = findingsOf(JSON.parse(a.body));
          return expected.every(([c, e]) => found.has(`${c} ${e}`))
            ? a
            : undefined;
        },
        150_000,
      );
      expect(answer.headers.get('content-disposition')).toMatch(
        /^attachment; filename="cloudflare-oscal-assessment-results-.+\.json"$/,
      );
      const doc = JSON.parse(answer.body);
      const validate = addFormats(
        new Ajv({ allErrors: true, strict: false }),
      ).compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
      validate(doc);
      expect(validate.errors ?? []).toEqual([]);

      const found = findingsOf(doc);
      for (const [entity, check, result] of DEMO_CHECK_OUTCOMES) {
        expect({
          entity,
          check,
          state: found.get(`${check} ${refOf(entity)}`),
        }).toEqual({
          entity,
          check,
          state: result ? 'satisfied' : 'not-satisfied',
        });
      }

      // Every observation names a snapshot of the chain by the hash of its downloaded bytes.
      const listed = JSON.parse(
        (await call('GET /api/cloudflare/v1/evidence', alice)).body,
      ).items as Array<{ id: string; sha256: string }>;
      const observations = doc['assessment-results'].results[0].observations;
      expect(observations.length).toBeGreaterThanOrEqual(1);
      for (const o of observations) {
        const [evidence] = o['relevant-evidence'];
        const sha256 = evidence.props.find(
          (p: any) => p.name === 'sha256',
        ).value;
        const res = await fetch(evidence.href, {
          headers: { Authorization: `Bearer ${alice}` },
        });
        expect(res.status).toBe(200);
        const bytes = Buffer.from(await res.arrayBuffer());
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha256);
        expect(listed.some(s => s.sha256 === sha256)).toBe(true);
      }
    }),
  );

  it(
    'is forbidden to a reader, who may not export evidence',
    withLog(async () => {
      const rob = await demo.signInAs('rob');
      const a = await call(OSCAL, rob);
      expect(a.status).toBe(403);
      expect(JSON.parse(a.body).error.name).toBe('NotAllowedError');
    }),
  );
});
