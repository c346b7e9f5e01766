import { Entity } from '@backstage/catalog-model';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import { resourceEntity } from './catalog';

/**
 * The Durable Object class `Resource` entities of the demo account as the catalog module makes
 * them, read through the real client: the namespaces, and their last 24 hours from GraphQL
 * Analytics in `spec.parameters` (`metricsExposed: false` and the reason when the token may not
 * read analytics).
 */
export async function demoDurableObjectResources(
  client: CloudflareClient,
): Promise<Entity[]> {
  const classes = await client.durableObjects.listClasses({ tags: {} });
  const metrics = await client.durableObjects.namespaceMetrics(
    classes.map(c => c.namespaceId),
  );
  return classes.map(c => {
    const m = metrics.exposed
      ? metrics.byNamespace.get(c.namespaceId)
      : undefined;
    return resourceEntity(
      client.accountId,
      'durableObjects',
      c.class,
      {
        namespaceId: c.namespaceId,
        class: c.class,
        workerScript: c.script,
        metricsExposed: metrics.exposed,
        ...(metrics.exposed ? m : { metricsNotExposedReason: metrics.reason }),
      },
      c.namespaceId,
    );
  });
}
