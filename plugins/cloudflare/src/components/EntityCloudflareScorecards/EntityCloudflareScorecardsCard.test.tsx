import { Entity } from '@backstage/catalog-model';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { cloudflareScorecardApiRef, ScorecardApi } from '../../api';
import { rootRouteRef } from '../../routes';
import { responseError } from '../../testUtils';
import {
  bucketResults,
  listedChecks,
  outcome,
  ownedEntities,
  ownedRuns,
  r2Bucket,
  unconfiguredCheckId,
} from './__fixtures__/scorecards';
import {
  EntityCloudflareScorecardsBody,
  EntityCloudflareScorecardsCard,
} from './EntityCloudflareScorecardsCard';

const mountedRoutes = {
  '/catalog/:namespace/:kind/:name': entityRouteRef,
  '/cloudflare': rootRouteRef,
};
const BUCKET = 'resource:default/cf-r2-acme-regulated-exports';
const RETRIEVER = 'cloudflareR2LifecycleFactRetriever';
const TRIGGERED_AT = '2026-12-05T01:00:00.000Z';
const triggered = {
  entityRef: BUCKET,
  retrievers: [RETRIEVER],
  triggeredAt: TRIGGERED_AT,
};
const fast = { pollIntervalMs: 50, timeoutMs: 1500 };

function scorecardApi(): jest.Mocked<ScorecardApi> {
  const api: jest.Mocked<ScorecardApi> = {
    getChecks: jest.fn().mockResolvedValue(listedChecks),
    runChecks: jest.fn().mockResolvedValue(bucketResults),
    runBulkChecks: jest.fn().mockResolvedValue(ownedRuns),
    getLatestFacts: jest.fn(),
    refresh: jest.fn(),
    getHistory: jest.fn().mockResolvedValue({ days: [], truncated: false }),
  };
  return api;
}

const catalogApi = (items: Entity[] = ownedEntities) => ({
  getEntities: jest.fn().mockResolvedValue({ items }),
});

async function render(
  entity: Entity,
  api: ScorecardApi,
  catalog = catalogApi(),
  body = false,
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [cloudflareScorecardApiRef, api],
        [catalogApiRef, catalog],
      ]}
    >
      <EntityProvider entity={entity}>
        {body ? (
          <EntityCloudflareScorecardsBody timing={fast} />
        ) : (
          <EntityCloudflareScorecardsCard />
        )}
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes },
  );
}

const factsAt = (timestamp: string) => ({
  [RETRIEVER]: { id: RETRIEVER, timestamp, facts: {} },
});

describe('EntityCloudflareScorecardsCard for a Resource', () => {
  it("groups the pack's results by scorecard, with the reason and remediation of a failure", async () => {
    const api = scorecardApi();
    await render(r2Bucket, api);

    const retention = await screen.findByTestId('scorecard-data-retention');
    expect(
      within(retention).getByText('Data Retention & Storage'),
    ).toBeInTheDocument();
    const failed = within(retention).getByTestId(
      'check-cloudflareR2RegulatedLifecycle',
    );
    expect(failed).toHaveTextContent('fail');
    expect(failed).toHaveTextContent(
      'C1.2 Disposal of confidential information',
    );
    expect(failed).toHaveTextContent(
      'Tagged data-class=regulated with no enabled lifecycle rule.',
    );
    expect(
      within(failed).getByRole('link', { name: 'Remediation' }),
    ).toHaveAttribute(
      'href',
      '/cloudflare/remediation#cloudflareR2RegulatedLifecycle',
    );

    const access = screen.getByTestId('scorecard-access-hygiene');
    const passed = within(access).getByTestId(
      'check-cloudflareApiTokenHygiene',
    );
    expect(passed).toHaveTextContent('pass');
    expect(passed).toHaveTextContent('CC6.1 Logical access security');
    expect(within(passed).queryByRole('link')).toBeNull();

    expect(screen.queryByTestId('scorecard-resilience')).toBeNull();
    expect(screen.queryByText('not ours')).toBeNull();
    const [ref, ids] = api.runChecks.mock.calls[0];
    expect(ref).toBe(BUCKET);
    expect(ids).not.toContain(unconfiguredCheckId);
    expect(ids).not.toContain('otherPluginCheck');
    expect(ids).toContain('cloudflareR2RegulatedLifecycle');
  });

  it('says so in words when the entity has no Cloudflare results', async () => {
    const api = scorecardApi();
    api.runChecks.mockResolvedValue([]);
    await render(r2Bucket, api);
    expect(
      await screen.findByText('No Cloudflare check results for this entity'),
    ).toBeInTheDocument();
  });

  it('refreshes: waits until the facts are newer than the trigger, re-runs the checks and says when', async () => {
    const api = scorecardApi();
    api.refresh.mockResolvedValue(triggered);
    api.getLatestFacts
      .mockResolvedValueOnce(factsAt('2026-12-05T00:00:00.000Z'))
      .mockResolvedValueOnce(factsAt('2026-12-05T01:00:03.000Z'));
    await render(r2Bucket, api, catalogApi(), true);
    await screen.findByTestId('check-cloudflareR2RegulatedLifecycle');
    api.runChecks.mockResolvedValue([
      outcome('cloudflareR2RegulatedLifecycle', true),
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));

    expect(
      await screen.findByTestId('scorecards-refreshing'),
    ).toHaveTextContent('waiting for 1 of 1 fact retrievers');
    expect(await screen.findByTestId('scorecards-refreshed')).toHaveTextContent(
      /^Refreshed at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/,
    );
    expect(api.refresh).toHaveBeenCalledWith(BUCKET);
    expect(api.getLatestFacts).toHaveBeenCalledTimes(2);
    expect(api.getLatestFacts).toHaveBeenCalledWith(BUCKET, [RETRIEVER]);
    expect(api.runChecks).toHaveBeenCalledTimes(2);
    const check = screen.getByTestId('check-cloudflareR2RegulatedLifecycle');
    expect(check).toHaveTextContent('pass');
    expect(within(check).queryByRole('link')).toBeNull();
  });

  it('says the caller may not run checks when the refresh is denied', async () => {
    const api = scorecardApi();
    api.refresh.mockRejectedValue(
      await responseError(403, 'NotAllowedError', 'Unauthorized'),
    );
    await render(r2Bucket, api, catalogApi(), true);
    await screen.findByTestId('check-cloudflareR2RegulatedLifecycle');
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'you may not run Tech Insights checks',
    );
    expect(api.getLatestFacts).not.toHaveBeenCalled();
    expect(api.runChecks).toHaveBeenCalledTimes(1);
  });

  it('gives up when the facts do not update in time, keeping the previous results', async () => {
    const api = scorecardApi();
    api.refresh.mockResolvedValue(triggered);
    api.getLatestFacts.mockResolvedValue(factsAt('2026-12-05T00:00:00.000Z'));
    await render(r2Bucket, api, catalogApi(), true);
    await screen.findByTestId('check-cloudflareR2RegulatedLifecycle');
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(
      await screen.findByRole('alert', {}, { timeout: 5000 }),
    ).toHaveTextContent(
      `did not update within 2 seconds (still waiting for ${RETRIEVER})`,
    );
    expect(api.getLatestFacts.mock.calls.length).toBeGreaterThan(1);
    expect(api.runChecks).toHaveBeenCalledTimes(1);
    expect(
      screen.getByTestId('check-cloudflareR2RegulatedLifecycle'),
    ).toHaveTextContent('fail');
  });
});

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'security', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

describe('EntityCloudflareScorecardsCard for a Group or System', () => {
  it('rolls the checks of what the group owns up per scorecard, listing the failing entities', async () => {
    const api = scorecardApi();
    const catalog = catalogApi();
    await render(group, api, catalog);

    const retention = await screen.findByTestId('rollup-data-retention');
    expect(
      within(retention).getByTestId('rollup-data-retention-counts'),
    ).toHaveTextContent('2 evaluated, 1 passing, 1 failing (50% pass)');
    expect(within(retention).getByRole('progressbar')).toHaveAttribute(
      'aria-valuenow',
      '50',
    );
    const failing = within(retention).getByTestId(`failing-${BUCKET}`);
    expect(
      within(failing).getByRole('link', {
        name: /cf-r2-acme-regulated-exports/,
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/cf-r2-acme-regulated-exports',
    );
    expect(failing).toHaveTextContent('Check cloudflareR2RegulatedLifecycle');
    expect(
      within(failing).getByRole('link', { name: 'Remediation' }),
    ).toHaveAttribute(
      'href',
      '/cloudflare/remediation#cloudflareR2RegulatedLifecycle',
    );

    expect(
      screen.getByTestId('rollup-access-hygiene-counts'),
    ).toHaveTextContent('1 evaluated, 1 passing, 0 failing (100% pass)');
    expect(
      screen.getByTestId('rollup-change-management-counts'),
    ).toHaveTextContent('1 evaluated, 0 passing, 1 failing (0% pass)');
    expect(screen.getByTestId('rollup-coverage-counts')).toHaveTextContent(
      '1 evaluated, 1 passing, 0 failing (100% pass)',
    );
    expect(screen.queryByTestId('rollup-resilience')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Refresh' })).toBeNull();

    expect(catalog.getEntities.mock.calls[0][0].filter).toEqual([
      { kind: 'resource', 'relations.ownedBy': 'group:default/security' },
      { kind: 'component', 'relations.ownedBy': 'group:default/security' },
    ]);
    const [refs, ids] = api.runBulkChecks.mock.calls[0];
    expect(refs).toEqual(ownedRuns.map(r => r.entity));
    expect(ids).not.toContain(unconfiguredCheckId);
    // the posture history of the same owned entities, under the roll-up
    expect(
      await screen.findByText('No posture history yet'),
    ).toBeInTheDocument();
    expect(api.getHistory).toHaveBeenCalledWith({
      days: 180,
      entityRefs: refs,
    });
  });

  it("rolls a System's parts up, and says so in words when it has none", async () => {
    const api = scorecardApi();
    const catalog = catalogApi([]);
    await render(
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: { name: 'payments', namespace: 'default' },
        spec: { owner: 'security' },
      },
      api,
      catalog,
    );
    expect(
      await screen.findByText(
        'This entity has as parts no Cloudflare Resources or Components.',
      ),
    ).toBeInTheDocument();
    expect(catalog.getEntities.mock.calls[0][0].filter[0]).toEqual({
      kind: 'resource',
      'relations.partOf': 'system:default/payments',
    });
    expect(api.runBulkChecks).not.toHaveBeenCalled();
  });

  it('shows the denied state when Tech Insights refuses the bulk run', async () => {
    const api = scorecardApi();
    api.runBulkChecks.mockRejectedValue(
      await responseError(403, 'NotAllowedError', 'Unauthorized'),
    );
    await render(group, api);
    await waitFor(() =>
      expect(
        screen.getByTestId('cloudflare-permission-denied'),
      ).toHaveTextContent('to read and run Tech Insights checks'),
    );
  });
});
