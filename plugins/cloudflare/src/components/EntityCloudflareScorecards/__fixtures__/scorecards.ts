import { Entity } from '@backstage/catalog-model';
import { CLOUDFLARE_CHECK_IDS } from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  ScorecardCheck,
  ScorecardCheckResult,
  ScorecardEntityResults,
} from '../../../api';
import { component, resource } from '../../../testUtils';

/** A check of the pack that Tech Insights does not have configured. */
export const unconfiguredCheckId = 'cloudflareGlobalApiKeyUnused';

const definition = (id: string): ScorecardCheck => ({
  id,
  name: `Check ${id}`,
  description: `The suite's ${id} check.`,
  factIds: [`${id}Retriever`],
});

/** The checks Tech Insights lists: the pack's but one, and one of another plugin. */
export const listedChecks: ScorecardCheck[] = [
  ...CLOUDFLARE_CHECK_IDS.filter(id => id !== unconfiguredCheckId).map(
    definition,
  ),
  { id: 'otherPluginCheck', name: 'Other', description: 'x', factIds: [] },
];

/** A check's result, with one fact when it fails. */
export const outcome = (
  id: string,
  result: boolean,
  reason?: string,
): ScorecardCheckResult => ({
  check: definition(id),
  result,
  facts: reason ? { reason: { id: 'reason', value: reason } } : {},
});

export const r2Bucket = resource(
  'cf-r2-acme-regulated-exports',
  'cloudflare-r2',
);

/** The bucket's results: Data Retention fails, Access Hygiene passes, another plugin's check is ignored. */
export const bucketResults: ScorecardCheckResult[] = [
  outcome('otherPluginCheck', false, 'not ours'),
  outcome(
    'cloudflareR2RegulatedLifecycle',
    false,
    'Tagged data-class=regulated with no enabled lifecycle rule.',
  ),
  outcome('cloudflareApiTokenHygiene', true),
];

/** What the security group owns. */
export const ownedEntities: Entity[] = [
  r2Bucket,
  resource('cf-kv-acme-sessions', 'cloudflare-kv'),
  resource('cf-worker-acme-api', 'cloudflare-worker'),
  component('acme-api', { 'cloudflare.com/worker': 'acme-api' }),
  component('acme-sandbox', {}, { lifecycle: 'experimental' }),
  resource('not-cloudflare-db', 'database'),
];

/**
 * The bulk run over them. Data Retention: 2 evaluated, 1 passing, the bucket failing. Access
 * Hygiene: 1 of 1. Change Management: acme-api failing. Coverage: acme-api passing; acme-sandbox's
 * failure is not counted (not production).
 */
export const ownedRuns: ScorecardEntityResults[] = [
  {
    entity: 'resource:default/cf-r2-acme-regulated-exports',
    results: [bucketResults[1]],
  },
  {
    entity: 'resource:default/cf-kv-acme-sessions',
    results: [outcome('cloudflareKvPiiRetention', true)],
  },
  {
    entity: 'resource:default/cf-worker-acme-api',
    results: [outcome('cloudflareWorkerSecretsCentralized', true)],
  },
  {
    entity: 'component:default/acme-api',
    results: [
      outcome(
        'cloudflareDeploymentProvenance',
        false,
        'worker:acme-api@v2 has no CI run URL.',
      ),
      outcome('cloudflareComponentCoverage', true),
    ],
  },
  {
    entity: 'component:default/acme-sandbox',
    results: [outcome('cloudflareComponentCoverage', false, 'no resource')],
  },
];
