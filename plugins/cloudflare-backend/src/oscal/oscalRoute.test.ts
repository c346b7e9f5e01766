import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { dropAppendOnlyTriggers } from '../evidence/evidenceTestUtils';
import {
  Allow,
  allPermissionsBut,
  useDemoBackend,
} from '../__testUtils__/harness';
import { demoCatalog } from '../acceptance/__fixtures__/demoCatalog';

jest.setTimeout(60_000);

const { demo, start } = useDemoBackend();
const PATH = '/api/cloudflare/v1/evidence/oscal';

const schema = JSON.parse(
  readFileSync(
    join(__dirname, '__fixtures__', 'oscal_assessment-results_schema.json'),
    'utf8',
  ),
);
const validate = addFormats(
  new Ajv({ allErrors: true, strict: false }),
).compile(schema);

/** What the Tech Insights handler was asked: the bulk run's body and its Authorization header. */
let asked: Array<{ body: any; authorization: string | null }> = [];
/** 200, an HTTP error status, 0 for a network error, 1 for a body that is not JSON. */
let tiStatus = 200;

/**
 * Tech Insights' `POST /checks/run` for the demo's entities: per entity, the access audit check
 * passes, the provenance check fails, Coverage passes; a check outside the pack and a result that
 * is not a boolean must be left out.
 */
const techInsights = setupServer(
  http.post('*/api/tech-insights/checks/run', async ({ request: req }) => {
    const body = (await req.json()) as { entities: string[] };
    asked.push({ body, authorization: req.headers.get('authorization') });
    if (tiStatus === 0) return HttpResponse.error();
    if (tiStatus === 1) return new HttpResponse('<html>', { status: 200 });
    if (tiStatus !== 200) {
      return HttpResponse.json({ error: 'nope' }, { status: tiStatus });
    }
    return HttpResponse.json(
      body.entities.map(entity => ({
        entity,
        results: [
          {
            check: { id: 'cloudflareAccessAuditLog24h', name: 'Audit log' },
            result: true,
          },
          {
            check: { id: 'cloudflareDeploymentProvenance', name: 'Provenance' },
            result: false,
          },
          {
            check: { id: 'cloudflareComponentCoverage', name: 'Coverage' },
            result: true,
          },
          { check: { id: 'notInThePack', name: 'Other' }, result: true },
          {
            check: { id: 'cloudflareQueueBacklog', name: 'Backlog' },
            result: 'n/a',
          },
        ],
      })),
    );
  }),
);
beforeAll(() => techInsights.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => techInsights.close());
beforeEach(() => {
  asked = [];
  tiStatus = 200;
});

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const startWith = (allow?: Allow, knex?: unknown) =>
  start({
    allow,
    knex,
    features: [
      catalogServiceMock.factory({ entities: demoCatalog(demo.state.data) }),
    ],
  });

describe('GET /v1/evidence/oscal', () => {
  it('validates against the NIST schema byte for byte as published', () => {
    const bytes = readFileSync(
      join(__dirname, '__fixtures__', 'oscal_assessment-results_schema.json'),
    );
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(
      'd9e34757f0c12aff61f52b821f0b8f83ba0ba75b3a149a202b08ba82f82bc4c3',
    );
    expect(schema.$id).toBe(
      'http://csrc.nist.gov/ns/oscal/1.1.3/oscal-ar-schema.json',
    );
  });

  it('exports OSCAL assessment results of the demo that validate against the NIST schema and name existing snapshots by hash', async () => {
    const { server, audit } = await startWith();
    const zt = await request(server).post(
      '/api/cloudflare/v1/zero-trust/export/audit',
    );
    expect(zt.status).toBe(201);

    const res = await request(server).get(PATH);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="cloudflare-oscal-assessment-results-.+\.json"$/,
    );
    const valid = validate(res.body);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The validator is not lenient: a state OSCAL does not know fails it.
    const broken = JSON.parse(JSON.stringify(res.body));
    broken['assessment-results'].results[0].findings[0].target.status.state =
      'passed';
    expect(validate(broken)).toBe(false);

    // Tech Insights was asked once, on behalf of the caller, for the demo catalog's entities.
    const entities = demoCatalog(demo.state.data);
    expect(asked).toHaveLength(1);
    expect(asked[0].authorization).toMatch(/^Bearer .+/);
    expect(asked[0].body.entities).toHaveLength(entities.length);

    const ar = res.body['assessment-results'];
    expect(ar.metadata['oscal-version']).toBe('1.1.3');
    expect(ar['import-ap'].href).toBe(
      `#${ar['back-matter'].resources[0].uuid}`,
    );
    const [result] = ar.results;
    const resources = entities.filter(e => e.kind === 'Resource').length;
    const components = entities.length - resources;
    // Audit log and provenance for every entity; Coverage for the production Components only.
    expect(result.findings).toHaveLength(2 * entities.length + components);
    const states = result.findings.map(
      (f: any) => `${f.target['target-id']}=${f.target.status.state}`,
    );
    expect(
      states.filter((s: string) => s === 'soc2-cc7.2=satisfied'),
    ).toHaveLength(entities.length);
    expect(
      states.filter((s: string) => s === 'soc2-cc8.1=not-satisfied'),
    ).toHaveLength(entities.length);
    expect(
      result['reviewed-controls']['control-selections'][0]['include-controls'],
    ).toEqual([
      { 'control-id': 'soc2-cc6.1' },
      { 'control-id': 'soc2-cc7.2' },
      { 'control-id': 'soc2-cc8.1' },
    ]);

    // One observation, the Zero Trust audit snapshot: its hash is that of the downloaded bytes.
    expect(result.observations).toHaveLength(1);
    for (const observation of result.observations) {
      const [evidence] = observation['relevant-evidence'];
      const sha256 = evidence.props.find((p: any) => p.name === 'sha256').value;
      const path = new URL(evidence.href).pathname;
      // A snapshot is UTF-8 JSON: its text is its bytes.
      const download = await request(server).get(path);
      expect(download.status).toBe(200);
      expect(
        createHash('sha256').update(download.text, 'utf8').digest('hex'),
      ).toBe(sha256);
      expect(sha256).toBe(zt.body.sha256);
    }
    // The audit-log findings refer to it; the others to nothing (no snapshot of their kinds).
    const observed = result.findings.filter(
      (f: any) => f['related-observations'],
    );
    expect(observed).toHaveLength(entities.length);
    expect(
      observed.every(
        (f: any) =>
          f['related-observations'][0]['observation-uuid'] ===
          result.observations[0].uuid,
      ),
    ).toBe(true);
    // Audited: the export's event says how many findings and which snapshots it named.
    const i = audit.findIndex(
      a => (a.meta as { actionType?: string })?.actionType === 'oscal',
    );
    expect(audit[i]).toMatchObject({
      eventId: 'evidence-export',
      status: 'initiated',
    });
    expect(audit[i + 1]).toEqual({
      eventId: 'evidence-export',
      status: 'succeeded',
      meta: { findings: result.findings.length, snapshots: [zt.body.sha256] },
    });
  });

  it('refers to no snapshot before any export, and still validates', async () => {
    const { server } = await startWith();
    const res = await request(server).get(PATH);
    expect(res.status).toBe(200);
    expect(validate(res.body)).toBe(true);
    expect(
      res.body['assessment-results'].results[0].observations,
    ).toBeUndefined();
  });

  it('leaves out a snapshot that no longer verifies, and says so', async () => {
    const knex = await databases.init('SQLITE_3');
    const { server } = await startWith('all', knex);
    const exported = await request(server).post(
      '/api/cloudflare/v1/zero-trust/export/audit',
    );
    expect(exported.status).toBe(201);
    await dropAppendOnlyTriggers(knex);
    await knex('cloudflare_evidence')
      .where('id', exported.body.id)
      .update({ bytes: '{"tampered":true}' });

    const res = await request(server).get(PATH);
    expect(res.status).toBe(200);
    expect(validate(res.body)).toBe(true);
    const [result] = res.body['assessment-results'].results;
    expect(result.observations).toBeUndefined();
    expect(result.remarks).toBe(
      `Not referenced, as they do not verify against the evidence chain: zero-trust-audit ${exported.body.id}.`,
    );
    expect(JSON.stringify(res.body)).not.toContain(exported.body.sha256);
  });

  it('is forbidden without cloudflare.export.evidence, before Tech Insights is asked', async () => {
    const { server } = await startWith(
      allPermissionsBut('cloudflare.export.evidence'),
    );
    const res = await request(server).get(PATH);
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({
      name: 'NotAllowedError',
      message: "Not allowed: missing permission 'cloudflare.export.evidence'",
    });
    expect(asked).toHaveLength(0);
  });

  it('allows a caller holding only cloudflare.export.evidence', async () => {
    const { server } = await startWith(['cloudflare.export.evidence']);
    expect((await request(server).get(PATH)).status).toBe(200);
  });

  it.each([
    [403, 'it answered HTTP 403'],
    [0, 'it could not be reached'],
    [1, 'its answer is not JSON'],
  ])(
    'is a 503 in its own words when Tech Insights fails (%p)',
    async (status, why) => {
      tiStatus = status;
      const { server, audit } = await startWith();
      const res = await request(server).get(PATH);
      expect(res.status).toBe(503);
      expect(res.body.error.message).toBe(
        `Tech Insights did not run the SOC 2 checks: ${why}`,
      );
      expect(
        audit.filter(a => a.eventId === 'evidence-export').pop(),
      ).toMatchObject({
        status: 'failed',
      });
    },
  );

  it('rejects an unknown query parameter with a 400', async () => {
    const { server } = await startWith();
    const res = await request(server).get(`${PATH}?format=xml`);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
  });
});
