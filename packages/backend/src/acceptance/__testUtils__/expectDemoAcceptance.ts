import {
  DEMO_ACCEPTANCE_FAILURES,
  DemoAccountServer,
} from '@cloudflare-backstage/cloudflare-demo-account';
import {
  CLOUDFLARE_AREAS,
  CloudflareAcceptance,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { judgeAcceptance } from '../report';

/** `n of total (p%)`, as the route words a share. */
const share = (n: number, total: number) =>
  `${n} of ${total} (${Math.floor((n / total) * 1000) / 10}%)`;

/** A production Component of the running catalog, as far as coverage reads it. */
export interface CatalogComponent {
  metadata: { name: string; annotations?: Record<string, string> };
}

/**
 * Asserts the acceptance answer of the running demo: the deliberate failures fail on their
 * resources, everything else passes, and each figure is what the demo account's fixtures (and the
 * example catalog's production Components) imply.
 */
export function expectDemoAcceptance(
  answer: CloudflareAcceptance,
  account: Pick<DemoAccountServer, 'state'>,
  productionComponents: CatalogComponent[],
) {
  const data = account.state.data;
  const c = Object.fromEntries(answer.criteria.map(x => [x.id, x]));

  const deployments =
    data.workers.scripts.filter(
      s => s.id && data.workers.deployments[s.id]?.length,
    ).length + data.pages.projects.filter(p => p.canonical_deployment).length;
  const noProvenance = DEMO_ACCEPTANCE_FAILURES.provenance.length;
  expect(c.provenance).toMatchObject({
    pass: false,
    measured: share(deployments - noProvenance, deployments),
  });

  expect(c.accessAuditExport).toMatchObject({ pass: true, value: 1 });

  const regulated = data.tags.resources.filter(
    r => r.type === 'r2_bucket' && r.tags['data-class'] === 'regulated',
  ).length;
  const noLifecycle = DEMO_ACCEPTANCE_FAILURES.regulatedR2Lifecycle.length;
  expect(c.regulatedR2Lifecycle).toMatchObject({
    pass: false,
    measured: share(regulated - noLifecycle, regulated),
  });

  const ai =
    data.aiGateway.gateways.length +
    data.vectorize.indexes.length +
    data.aiSearch.instances.length;
  expect(c.aiDiscovered).toMatchObject({ pass: true, measured: share(ai, ai) });

  // Covered: the production Components that name a Cloudflare resource of the demo account.
  const annotations = CLOUDFLARE_AREAS.flatMap(a =>
    a.annotation ? [a.annotation] : [],
  );
  const naming = productionComponents.filter(e =>
    annotations.some(k => e.metadata.annotations?.[k]),
  ).length;
  expect(c.coverage).toMatchObject({
    pass: false,
    measured: share(naming, productionComponents.length),
    detail: `production Components without a Cloudflare Resource: ${DEMO_ACCEPTANCE_FAILURES.coverage.join(
      ', ',
    )}`,
  });

  expect(c.secretsMetadataOnly).toMatchObject({ pass: true, value: 0 });

  expect(judgeAcceptance(answer, DEMO_ACCEPTANCE_FAILURES)).toEqual({
    unexpectedFailures: [],
    unexpectedPasses: [],
    exitCode: 0,
  });
}
