import {
  CloudflareEnvelope,
  WorkflowRun,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { resource } from '../testUtils';

/** The `Resource` entity of `acme-onboarding` as the catalog module makes it (no step graph). */
export const acmeOnboardingResource = resource(
  'cf-workflow-acme-onboarding',
  'cloudflare-workflow',
  {
    name: 'acme-onboarding',
    scriptName: 'acme-api',
    retryPolicy: 'unknown',
    retryPolicyReason:
      "Cloudflare has no step graph for version 8e2f7a1b-5e1f-4a2b-9c3d-7e8f9a0b1c2d, so its steps' retry configuration is not exposed.",
    lastRun: { id: 'acme-onboarding-00004', status: 'errored' },
  },
);

/** The `Resource` entity of `acme-etl` as the catalog module makes it. */
export const acmeEtlResource = resource(
  'cf-workflow-acme-etl',
  'cloudflare-workflow',
  {
    name: 'acme-etl',
    scriptName: 'acme-etl',
    steps: 6,
    retryPolicy: 'exponential',
  },
);

const run = (n: number, extra: Partial<WorkflowRun>): WorkflowRun => ({
  id: `acme-onboarding-${String(n).padStart(5, '0')}`,
  status: 'complete',
  versionId: '8e2f7a1b-5e1f-4a2b-9c3d-7e8f9a0b1c2d',
  trigger: 'api',
  createdOn: `2026-11-2${n}T08:00:00.000Z`,
  start: `2026-11-2${n}T08:00:02.000Z`,
  end: `2026-11-2${n}T08:01:32.000Z`,
  durationMs: 90_000,
  stepCount: 3,
  retries: 0,
  ...extra,
});

/** The last runs of `acme-onboarding`, the newest errored after its step's 3 retries. */
export const acmeOnboardingRuns: CloudflareEnvelope<WorkflowRun> = {
  account: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
  area: 'workflows',
  view: 'masked',
  items: [
    run(4, {
      status: 'errored',
      end: '2026-11-24T08:01:02.000Z',
      durationMs: 60_000,
      stepCount: 2,
      retries: 3,
      errorName: 'Error',
    }),
    run(3, {}),
    run(2, {}),
  ],
  masked: {},
  fetchedAt: '2026-11-24T10:00:00.000Z',
};
