/**
 * Relations the running demo's catalog must hold between the example Components, the Workers and
 * the Resource entities of the other areas: `[entity, target]`, both `kind:namespace/name`, read as
 * "entity dependsOn target" (its reverse, `dependencyOf`, comes with it). Bindings, annotations,
 * queue producers and consumers, Durable Object hosts, AI Search sources, AI Gateway key stores,
 * Container applications and Browser Rendering users each meet at the same entities.
 */
export const DEMO_RELATIONS: ReadonlyArray<
  readonly [entity: string, target: string]
> = [
  // Annotations of the example Components.
  ['component:default/acme-api', 'resource:default/cf-queue-acme-events'],
  [
    'component:default/acme-api',
    'resource:default/cf-hyperdrive-acme-hyperdrive',
  ],
  [
    'component:default/acme-api',
    'resource:default/cf-secrets-store-acme-account-secrets',
  ],
  [
    'component:default/acme-api',
    'resource:default/cf-workflow-acme-onboarding',
  ],
  [
    'component:default/acme-ai-assistant',
    'resource:default/cf-ai-gateway-acme-ai-gateway',
  ],
  [
    'component:default/acme-ai-assistant',
    'resource:default/cf-vectorize-acme-idx-main',
  ],
  [
    'component:default/acme-ai-assistant',
    'resource:default/cf-ai-search-acme-site-index',
  ],
  [
    'component:default/acme-etl',
    'resource:default/cf-analytics-engine-acme_analytics',
  ],
  [
    'component:default/acme-session',
    'resource:default/cf-do-SessionCoordinator',
  ],
  [
    'component:default/acme-converter',
    'resource:default/cf-container-acme-containers',
  ],
  // Workers' bindings, and the queues they produce to or consume from.
  [
    'resource:default/cf-worker-acme-api',
    'resource:default/cf-queue-acme-events',
  ],
  [
    'resource:default/cf-worker-acme-worker-consumer',
    'resource:default/cf-queue-acme-events',
  ],
  [
    'resource:default/cf-worker-acme-api',
    'resource:default/cf-hyperdrive-acme-hyperdrive',
  ],
  [
    'resource:default/cf-worker-acme-api',
    'resource:default/cf-analytics-engine-acme_analytics',
  ],
  [
    'resource:default/cf-worker-acme-reports',
    'resource:default/cf-secrets-store-acme-account-secrets',
  ],
  [
    'resource:default/cf-worker-acme-session',
    'resource:default/cf-do-SessionCoordinator',
  ],
  [
    'resource:default/cf-worker-acme-etl',
    'resource:default/cf-workflow-acme-etl',
  ],
  [
    'resource:default/cf-worker-acme-renderer',
    'resource:default/cf-browser-rendering-acme-browser',
  ],
  // Between the areas' own resources.
  [
    'resource:default/cf-ai-search-acme-docs-search',
    'resource:default/cf-r2-acme-static-assets',
  ],
  [
    'resource:default/cf-ai-gateway-acme-ai-gateway',
    'resource:default/cf-secrets-store-acme-account-secrets',
  ],
  [
    'resource:default/cf-do-RendererContainer',
    'resource:default/cf-container-acme-renderer',
  ],
];
