import { Entity } from '@backstage/catalog-model';
import { screen } from '@testing-library/react';
import {
  CloudflareEnvelope,
  WorkflowRun,
  workflowsRoutes,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  acmeEtlResource,
  acmeOnboardingResource,
  acmeOnboardingRuns,
} from '../__fixtures__/workflows';
import { CloudflareEntityCard } from '../components/CloudflareCard';
import { EntityCloudflareResourceContent } from '../components/EntityCloudflareResourceContent';
import { renderEntityContent } from '../__testUtils__/renderEntityContent';
import { component } from '../testUtils';
import { humanDuration, workflowsCard } from './workflows';

const render = (
  entity: Entity,
  content: JSX.Element,
  options: { catalog?: Entity[]; runs?: CloudflareEnvelope<WorkflowRun> } = {},
) =>
  renderEntityContent(entity, content, {
    answers: { 'workflows.runs': options.runs ?? acmeOnboardingRuns },
    catalog: options.catalog ?? [acmeOnboardingResource],
  });

const acmeApi = component('acme-api', {
  'cloudflare.com/workflow': 'acme-onboarding',
});

describe('workflowsCard', () => {
  it("reads the annotated workflow's runs: status, duration, retries and the error's name", async () => {
    const api = await render(
      acmeApi,
      <CloudflareEntityCard card={workflowsCard} />,
    );
    expect(
      await screen.findByText('acme-onboarding-00004'),
    ).toBeInTheDocument();
    expect(api.read).toHaveBeenCalledWith(workflowsRoutes.runs, {
      params: { name: 'acme-onboarding' },
    });
    expect(screen.getByText('errored')).toBeInTheDocument();
    expect(screen.getByText('1m 0s')).toBeInTheDocument();
    expect(screen.getAllByText('1m 30s')).toHaveLength(2);
    expect(screen.getByText('3')).toBeInTheDocument();
    expect(screen.getByText('Error')).toBeInTheDocument();
    expect(
      screen.getByText(
        /^The last ended run, acme-onboarding-00004, is errored \(Error\)\. Retry policy unknown: Cloudflare has no step graph for version/,
      ),
    ).toBeInTheDocument();
  });

  it('states the retry policy of the current version and a completed last run', async () => {
    await render(
      component('acme-etl', { 'cloudflare.com/workflow': 'acme-etl' }),
      <CloudflareEntityCard card={workflowsCard} />,
      {
        catalog: [acmeEtlResource],
        runs: {
          ...acmeOnboardingRuns,
          items: acmeOnboardingRuns.items!.slice(1),
        },
      },
    );
    expect(
      await screen.findByText(
        'The last ended run, acme-onboarding-00003, completed. Retry policy: exponential over 6 steps.',
      ),
    ).toBeInTheDocument();
  });

  it("shows on the workflow's own Resource page, by its name", async () => {
    const api = await render(
      acmeOnboardingResource,
      <EntityCloudflareResourceContent />,
      { catalog: [] },
    );
    // The runs card and the parameters card (its last run) both name the run.
    expect(await screen.findAllByText('acme-onboarding-00004')).toHaveLength(2);
    expect(screen.getByText('Workflow runs')).toBeInTheDocument();
    expect(api.read).toHaveBeenCalledWith(workflowsRoutes.runs, {
      params: { name: 'acme-onboarding' },
    });
  });

  it('writes durations in words', () => {
    expect([undefined, 42_000, 180_000, 3_900_000].map(humanDuration)).toEqual([
      '—',
      '42s',
      '3m 0s',
      '1h 5m',
    ]);
  });
});
