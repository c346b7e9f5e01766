import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { CloudflareContractedAreaId } from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  CloudflareApiClient,
  cloudflareApiRef,
  cloudflareScorecardApiRef,
  TechInsightsScorecardClient,
} from './api';
import { CLOUDFLARE_CARDS } from './cards';
import { catalogIndexRouteRef, rootRouteRef } from './routes';

/**
 * The Cloudflare frontend plugin for apps on the legacy frontend system.
 *
 * @public
 */
export const cloudflarePlugin = createPlugin({
  id: 'cloudflare',
  apis: [
    createApiFactory({
      api: cloudflareApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new CloudflareApiClient({ discoveryApi, fetchApi }),
    }),
    createApiFactory({
      api: cloudflareScorecardApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new TechInsightsScorecardClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
  },
  externalRoutes: {
    catalogIndex: catalogIndexRouteRef,
  },
});

/**
 * The Cloudflare tab of a Component (use with `isCloudflareAvailable`).
 *
 * @public
 */
export const EntityCloudflareContent: () => JSX.Element =
  cloudflarePlugin.provide(
    createComponentExtension({
      name: 'EntityCloudflareContent',
      component: {
        lazy: () =>
          import('./components/EntityCloudflareContent').then(
            m => m.EntityCloudflareContent,
          ),
      },
    }),
  );

/**
 * The content of a Cloudflare `Resource` entity (use with `isCloudflareResource`).
 *
 * @public
 */
export const EntityCloudflareResourceContent: () => JSX.Element =
  cloudflarePlugin.provide(
    createComponentExtension({
      name: 'EntityCloudflareResourceContent',
      component: {
        lazy: () =>
          import('./components/EntityCloudflareResourceContent').then(
            m => m.EntityCloudflareResourceContent,
          ),
      },
    }),
  );

/**
 * Props of the legacy single-card exports.
 *
 * @public
 */
export interface EntityCloudflareCardProps {
  /** A resource name; defaults to the entity's annotation, or the Resource entity's own name. */
  name?: string;
}

/** `Workers deployments` -> `EntityCloudflareWorkersDeploymentsCard`. */
const extensionName = (title: string) =>
  `EntityCloudflare${title
    .split(/\s+/)
    .map(w => w.charAt(0).toLocaleUpperCase('en-US') + w.slice(1))
    .join('')}Card`;

/** One legacy card extension per entry of `CLOUDFLARE_CARDS`. */
const legacyCards = Object.fromEntries(
  Object.entries(CLOUDFLARE_CARDS).map(([id, card]) => [
    id,
    cloudflarePlugin.provide(
      createComponentExtension({
        name: extensionName(card.title),
        component: {
          lazy: () =>
            import('./components/CloudflareCard').then(
              m => (props: EntityCloudflareCardProps) =>
                <m.CloudflareEntityCard card={card} name={props.name} />,
            ),
        },
      }),
    ),
  ]),
) as Record<
  CloudflareContractedAreaId,
  (props: EntityCloudflareCardProps) => JSX.Element | null
>;

/**
 * Workers deployments card of the entity's `cloudflare.com/worker` scripts (or the `name` prop),
 * for an overview tab.
 *
 * @public
 */
export const EntityCloudflareWorkersDeploymentsCard = legacyCards.workers;

/**
 * Pages deployments card of the entity's `cloudflare.com/pages` projects (or the `name` prop), for
 * an overview tab.
 *
 * @public
 */
export const EntityCloudflarePagesDeploymentsCard = legacyCards.pages;

/**
 * Zero Trust users card (account-wide), e.g. for the `cloudflare-zero-trust` Resource entity.
 *
 * @public
 */
export const EntityCloudflareZeroTrustUsersCard = legacyCards.zeroTrust;

/**
 * KV namespace card (approximate key count, a sample of keys with masking shown) of the entity's
 * `cloudflare.com/kv` namespaces (or the `name` prop), for an overview tab.
 *
 * @public
 */
export const EntityCloudflareKvNamespaceCard = legacyCards.kv;

/**
 * D1 databases card (size, version, created, Time Travel bookmark) of the entity's
 * `cloudflare.com/d1` databases (or the `name` prop), for an overview tab.
 *
 * @public
 */
export const EntityCloudflareD1DatabasesCard = legacyCards.d1;

/**
 * R2 buckets card (lifecycle and lock rules in words) of the entity's `cloudflare.com/r2` buckets
 * (or the `name` prop), for an overview tab.
 *
 * @public
 */
export const EntityCloudflareR2BucketsCard = legacyCards.r2;

/**
 * Durable Objects card (hosting Worker, storage, the last 24 hours' requests, error rate, WebSocket
 * messages and SQLite storage, or "not exposed") of the entity's `cloudflare.com/durable-object`
 * classes (or the `name` prop), for an overview tab.
 *
 * @public
 */
export const EntityCloudflareDurableObjectsCard = legacyCards.durableObjects;

/**
 * Workflow runs card (status, duration, retries, error name; the last run and the retry policy in
 * words) of the entity's `cloudflare.com/workflow` workflows (or the `name` prop), for an overview
 * tab.
 *
 * @public
 */
export const EntityCloudflareWorkflowRunsCard = legacyCards.workflows;

/**
 * Secrets Store card (secrets counted by status and scope, quota use; never a value) of the
 * entity's `cloudflare.com/secrets-store` stores (or the `name` prop), for an overview tab.
 *
 * @public
 */
export const EntityCloudflareSecretsStoreCard = legacyCards.secretsStore;

/**
 * Vectorize indexes card (dimensions, metric, vectors, last write, metadata indexes) of the
 * entity's `cloudflare.com/vectorize` indexes (or the `name` prop), for an overview tab.
 *
 * @public
 */
export const EntityCloudflareVectorizeIndexesCard = legacyCards.vectorize;

/**
 * AI Gateway metrics card (requests, errors, cache hit rate, latency, providers, with the rate
 * limit and retries in words) of the entity's `cloudflare.com/ai-gateway` gateways (or the `name`
 * prop), for an overview tab.
 *
 * @public
 */
export const EntityCloudflareAiGatewayCard = legacyCards.aiGateway;

/**
 * Analytics Engine datasets card (the Workers that write each) of the entity's
 * `cloudflare.com/analytics-engine` datasets (or the `name` prop), for an overview tab.
 *
 * @public
 */
export const EntityCloudflareAnalyticsEngineCard = legacyCards.analyticsEngine;

/**
 * Queues card (backlog, size, oldest message age, delivery, the dead-letter queues' backlog; the
 * producers, consumers and event subscriptions in words) of the entity's `cloudflare.com/queue`
 * queues (or the `name` prop), for an overview tab.
 *
 * @public
 */
export const EntityCloudflareQueuesCard = legacyCards.queues;

/**
 * AI Search card (connector, status, document counts, last and last successful sync) of the
 * entity's `cloudflare.com/ai-search` instances (or the `name` prop), for an overview tab.
 *
 * @public
 */
export const EntityCloudflareAiSearchCard = legacyCards.aiSearch;

/**
 * Hyperdrive card (origin network and masked origin, caching, TLS mode and mTLS, connection limit)
 * of the entity's `cloudflare.com/hyperdrive` configs (or the `name` prop), for an overview tab.
 *
 * @public
 */
export const EntityCloudflareHyperdriveCard = legacyCards.hyperdrive;

/**
 * Browser Rendering card (the account's newest sessions: open or ended, age, close reason; open
 * sessions against the plan's documented concurrency) of the entity's
 * `cloudflare.com/browser-rendering` name (or the `name` prop), for an overview tab.
 *
 * @public
 */
export const EntityCloudflareBrowserRenderingCard =
  legacyCards.browserRendering;

/**
 * Containers card (health summary, desired, active, starting and failed instances, instances by
 * state, the newest error event with its message masked) of the entity's `cloudflare.com/container`
 * applications (or the `name` prop), for an overview tab.
 *
 * @public
 */
export const EntityCloudflareContainersCard = legacyCards.containers;

/**
 * The SOC 2 scorecards card of the current entity, for an overview tab: a Cloudflare `Resource` or
 * Component gets its own checks grouped by scorecard with a Refresh button; a Group (what it owns)
 * or a System (its parts) gets each scorecard rolled up over those entities.
 *
 * @public
 */
export const EntityCloudflareScorecardsCard: () => JSX.Element =
  cloudflarePlugin.provide(
    createComponentExtension({
      name: 'EntityCloudflareScorecardsCard',
      component: {
        lazy: () =>
          import('./components/EntityCloudflareScorecards').then(
            m => m.EntityCloudflareScorecardsCard,
          ),
      },
    }),
  );

/**
 * The posture page, mounted at `/cloudflare` in `App.tsx`, with the remediation page at
 * `/cloudflare/remediation` (`remediationRouteRef`).
 *
 * @public
 */
export const CloudflarePosturePage: () => JSX.Element =
  cloudflarePlugin.provide(
    createRoutableExtension({
      name: 'CloudflarePosturePage',
      component: () =>
        import('./components/CloudflareRemediationPage').then(m => () => (
          <m.CloudflarePostureRoutes />
        )),
      mountPoint: rootRouteRef,
    }),
  );
