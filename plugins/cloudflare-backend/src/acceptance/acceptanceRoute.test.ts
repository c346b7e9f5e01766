import request from 'supertest';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DEMO_ACCEPTANCE_FAILURES,
  DemoAccountData,
  parseFault,
} from '@cloudflare-backstage/cloudflare-demo-account';
import {
  CLOUDFLARE_ACCEPTANCE_CRITERIA,
  CloudflareAcceptance,
  CloudflareAcceptanceCriterion,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { allPermissionsBut, useDemoBackend } from '../__testUtils__/harness';
import { demoCatalog } from './__fixtures__/demoCatalog';

jest.setTimeout(60_000);

const { demo, start } = useDemoBackend();
const PATH = '/api/cloudflare/v1/acceptance';

type Start = Parameters<typeof start>[0];
const startWith = (
  options: Start & { catalog?: ReturnType<typeof demoCatalog> } = {},
) => {
  const { catalog, ...rest } = options;
  return start({
    ...rest,
    features: [
      catalogServiceMock.factory({
        entities: catalog ?? demoCatalog(demo.state.data),
      }),
    ],
  });
};

const byId = (body: CloudflareAcceptance) =>
  Object.fromEntries(body.criteria.map(c => [c.id, c])) as Record<
    CloudflareAcceptanceCriterion['id'],
    CloudflareAcceptanceCriterion
  >;

/** `n of total (p%)` as the route words it. */
const share = (n: number, total: number) =>
  `${n} of ${total} (${Math.floor((n / total) * 1000) / 10}%)`;

/** The production deployments of the demo account: each script's active one, each project's canonical one. */
function productionDeployments(data: DemoAccountData) {
  return (
    data.workers.scripts.filter(
      s => s.id && data.workers.deployments[s.id]?.length,
    ).length + data.pages.projects.filter(p => p.canonical_deployment).length
  );
}

/** The demo's buckets tagged `data-class=regulated`. */
const regulatedBuckets = (data: DemoAccountData) =>
  data.tags.resources.filter(
    r => r.type === 'r2_bucket' && r.tags['data-class'] === 'regulated',
  ).length;

const aiResources = (data: DemoAccountData) =>
  data.aiGateway.gateways.length +
  data.vectorize.indexes.length +
  data.aiSearch.instances.length;

describe('GET /v1/acceptance', () => {
  it('measures every criterion on the demo account: its deliberate failures fail, the rest passes', async () => {
    const { server } = await startWith();
    const exported = await request(server).post(
      '/api/cloudflare/v1/zero-trust/export/audit',
    );
    expect(exported.status).toBe(201);

    const res = await request(server).get(PATH);
    expect(res.status).toBe(200);
    expect(res.body.criteria.map((c: any) => c.id)).toEqual(
      CLOUDFLARE_ACCEPTANCE_CRITERIA.map(c => c.id),
    );
    const c = byId(res.body);
    const data = demo.state.data;
    const deployments = productionDeployments(data);
    const failing = DEMO_ACCEPTANCE_FAILURES.provenance.length;
    expect(c.provenance).toMatchObject({
      pass: false,
      measured: share(deployments - failing, deployments),
      value: (deployments - failing) / deployments,
    });
    for (const name of DEMO_ACCEPTANCE_FAILURES.provenance) {
      expect(c.provenance.detail).toContain(name);
    }
    expect(c.accessAuditExport).toMatchObject({
      pass: true,
      value: 1,
      measured: expect.stringMatching(/^exported \d+ s ago, SHA-256 verified$/),
    });
    const regulated = regulatedBuckets(data);
    expect(c.regulatedR2Lifecycle).toMatchObject({
      pass: false,
      measured: share(regulated - 1, regulated),
      detail: `regulated without lifecycle rules: ${DEMO_ACCEPTANCE_FAILURES.regulatedR2Lifecycle.join(
        ', ',
      )}`,
    });
    const ai = aiResources(data);
    expect(c.aiDiscovered).toMatchObject({
      pass: true,
      value: 1,
      measured: share(ai, ai),
    });
    expect(c.coverage).toMatchObject({
      pass: true,
      value: 1,
      measured: share(2, 2),
    });
    expect(c.secretsMetadataOnly).toMatchObject({ pass: true, value: 0 });
    const stores = data.secretsStore.stores.length;
    expect(c.secretsMetadataOnly.measured).toBe(
      `0 value fields in the answers of ${stores} store${
        stores === 1 ? '' : 's'
      }`,
    );
    // Exactly the deliberate failures fail (coverage's is the example catalog's, not this fixture's).
    expect(
      res.body.criteria
        .filter((x: CloudflareAcceptanceCriterion) => !x.pass)
        .map((x: CloudflareAcceptanceCriterion) => x.id)
        .sort(),
    ).toEqual(
      Object.keys(DEMO_ACCEPTANCE_FAILURES)
        .filter(id => id !== 'coverage')
        .sort(),
    );
  });

  it('says "not exported yet" before any Zero Trust audit snapshot', async () => {
    const { server } = await startWith();
    const c = byId((await request(server).get(PATH)).body);
    expect(c.accessAuditExport).toEqual({
      id: 'accessAuditExport',
      title: 'Zero Trust audit snapshots exportable (JSON).',
      target: 'a verified snapshot',
      measured: 'not exported yet',
      value: 0,
      pass: false,
      detail: 'no Zero Trust audit snapshot in the evidence chain',
    });
  });

  it('names the AI resources missing from the catalog, and the uncovered production Components', async () => {
    const data = demo.state.data;
    const gone = data.vectorize.indexes[0].index.name;
    const { server } = await startWith({
      catalog: [
        ...demoCatalog(data, [gone]),
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'legacy-billing', namespace: 'default' },
          spec: { lifecycle: 'production', owner: 'platform' },
        },
      ],
    });
    const c = byId((await request(server).get(PATH)).body);
    const ai = aiResources(data);
    expect(c.aiDiscovered).toMatchObject({
      pass: false,
      measured: share(ai - 1, ai),
      detail: `not in the catalog: ${gone} (Vectorize)`,
    });
    expect(c.coverage).toMatchObject({
      pass: false,
      measured: share(2, 3),
      detail:
        'production Components without a Cloudflare Resource: component:default/legacy-billing',
    });
  });

  it('shows "not permitted" for what the caller may not read, and measures the rest', async () => {
    const { server } = await startWith({
      allow: allPermissionsBut(
        'cloudflare.read.r2',
        'cloudflare.export.evidence',
      ),
    });
    const res = await request(server).get(PATH);
    expect(res.status).toBe(200);
    const c = byId(res.body);
    for (const [id, needs] of [
      ['regulatedR2Lifecycle', 'cloudflare.read.r2'],
      ['accessAuditExport', 'cloudflare.export.evidence'],
    ] as const) {
      expect(c[id]).toMatchObject({
        measured: 'not permitted',
        pass: false,
        denied: true,
        value: 0,
        detail: `needs ${needs}`,
      });
    }
    expect(c.secretsMetadataOnly.pass).toBe(true);
    expect(
      Object.keys(demo.state.callCounts()).filter(k => k.includes('/r2/')),
    ).toEqual([]);
  });

  it('fails a criterion it cannot measure, in its own words, and measures the others', async () => {
    const { server } = await startWith();
    demo.state.addFault({
      route: '/r2/buckets',
      fault: parseFault('server-error:503')!,
    });
    const res = await request(server).get(PATH);
    expect(res.status).toBe(200);
    const c = byId(res.body);
    expect(c.regulatedR2Lifecycle).toMatchObject({
      measured: 'not measured',
      pass: false,
      detail: 'Cloudflare is unavailable or timed out while reading R2 buckets',
    });
    expect(c.aiDiscovered.pass).toBe(true);
  });

  it('reads Cloudflare once for repeated requests (cached like the routes)', async () => {
    const { server } = await startWith();
    await request(server).get(PATH);
    const first = demo.state.totalCalls();
    expect(first).toBeGreaterThan(0);
    await request(server).get(PATH);
    expect(demo.state.totalCalls()).toBe(first);
  });

  it('refuses a query parameter with a 400', async () => {
    const { server } = await startWith();
    const res = await request(server).get(`${PATH}?view=unmasked`);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
  });
});
