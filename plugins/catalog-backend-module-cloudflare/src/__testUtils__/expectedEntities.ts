import { DeferredEntity } from '@backstage/plugin-catalog-node';
import {
  DEMO_ACCOUNT_ID,
  DemoAccountState,
} from '@cloudflare-backstage/cloudflare-demo-account';

/** The location key of the demo account's entities. */
export const LOCATION = `cloudflare:${DEMO_ACCOUNT_ID}`;

/** The annotations every entity of the account carries. */
export const annotations = (
  resourceId: string,
  accountId = DEMO_ACCOUNT_ID,
) => ({
  'cloudflare.com/account-id': accountId,
  'cloudflare.com/resource-id': resourceId,
  'backstage.io/managed-by-location': `cloudflare:${accountId}`,
  'backstage.io/managed-by-origin-location': `cloudflare:${accountId}`,
});

/** The expected acme-api entity, from the demo account's data. */
export function expectedAcmeApi(state: DemoAccountState): DeferredEntity {
  const w = state.data.workers;
  const script = w.scripts.find(s => s.id === 'acme-api')!;
  const deployment = w.deployments['acme-api'][0];
  const versionId = deployment.versions[0].version_id;
  const build = w.builds.find(
    b => b.build_uuid === w.buildsByVersion[versionId],
  )!;
  return {
    locationKey: LOCATION,
    entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'cf-worker-acme-api',
        namespace: 'default',
        description: 'Cloudflare Worker acme-api',
        labels: {
          'cloudflare.com/tag-backstage-owner': 'platform',
          'cloudflare.com/tag-backstage-system': 'acme-org',
        },
        tags: ['cloudflare', 'worker', 'team:platform', 'tier:1'],
        annotations: annotations('acme-api'),
      },
      spec: {
        type: 'cloudflare-worker',
        owner: 'group:default/platform',
        dependsOn: [
          'resource:default/cf-analytics-engine-acme_analytics',
          'resource:default/cf-d1-acme-core',
          'resource:default/cf-do-sessioncoordinator',
          'resource:default/cf-hyperdrive-acme-hyperdrive',
          'resource:default/cf-kv-acme-cache',
          'resource:default/cf-queue-acme-events',
          'resource:default/cf-r2-acme-prod-artifacts',
          'resource:default/cf-secrets-store-acme-account-secrets',
          'resource:default/cf-vectorize-acme-idx-main',
        ],
        parameters: {
          accountId: DEMO_ACCOUNT_ID,
          scriptName: 'acme-api',
          handlers: ['fetch', 'queue', 'scheduled'],
          bindings: [
            { type: 'kv_namespace', name: 'CACHE' },
            { type: 'd1', name: 'DB' },
            { type: 'r2_bucket', name: 'ARTIFACTS' },
            { type: 'queue', name: 'EVENTS' },
            { type: 'durable_object_namespace', name: 'SESSIONS' },
            { type: 'hyperdrive', name: 'HYPERDRIVE' },
            { type: 'vectorize', name: 'VECTORS' },
            { type: 'analytics_engine', name: 'ANALYTICS' },
            ...['secrets_store_secret', 'secret_text', 'plain_text'].map(
              type => ({
                type,
                name: '[credential-name]',
                credentialLike: true,
              }),
            ),
            { type: 'plain_text', name: 'LOG_LEVEL' },
            { type: 'json', name: 'PAYMENT_CONFIG' },
            { type: 'version_metadata', name: 'CF_VERSION_METADATA' },
          ],
          createdOn: script.created_on,
          modifiedOn: script.modified_on,
          lastDeployment: {
            version: versionId,
            commitSha: build.build_trigger_metadata.commit_hash,
            ciRunUrl: `https://dash.cloudflare.com/${DEMO_ACCOUNT_ID}/workers/services/view/acme-api/production/builds/${build.build_uuid}`,
            createdOn: deployment.created_on,
          },
        },
      },
    },
  };
}

export function expectedAcmeWeb(state: DemoAccountState): DeferredEntity {
  const project = state.data.pages.projects.find(p => p.name === 'acme-web')!;
  const production = project.canonical_deployment!;
  return {
    locationKey: LOCATION,
    entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'cf-pages-acme-web',
        namespace: 'default',
        description: 'Cloudflare Pages project acme-web',
        tags: ['cloudflare', 'pages', 'next'],
        annotations: annotations(project.id),
      },
      spec: {
        type: 'cloudflare-pages',
        owner: 'group:default/platform',
        dependsOn: ['resource:default/cf-kv-acme-sessions'],
        parameters: {
          accountId: DEMO_ACCOUNT_ID,
          projectName: 'acme-web',
          productionBranch: 'main',
          framework: 'next',
          createdOn: project.created_on,
          // DELIBERATE FAILURE of the demo: an ad-hoc upload, no commit, no CI run.
          lastDeployment: {
            version: production.id,
            createdOn: production.created_on,
          },
        },
      },
    },
  };
}

export function expectedZeroTrust(): DeferredEntity {
  return {
    locationKey: LOCATION,
    entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'cf-zt-access',
        namespace: 'default',
        description: 'Zero Trust Access of the Cloudflare account',
        tags: ['cloudflare', 'zero-trust', 'access'],
        annotations: annotations(`${DEMO_ACCOUNT_ID}/access`),
      },
      spec: {
        type: 'cloudflare-zero-trust',
        owner: 'group:default/security',
        parameters: { accountId: DEMO_ACCOUNT_ID },
      },
    },
  };
}
