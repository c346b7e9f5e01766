import { Entity } from '@backstage/catalog-model';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import { resourceEntity } from './catalog';

/**
 * The AI Gateway `Resource` entities of the demo account, read through the real client, with the
 * catalog module's `spec.parameters` (gateway id, policy flags, tags).
 */
export async function demoAiGatewayResources(
  client: CloudflareClient,
): Promise<Entity[]> {
  const gateways = await client.aiGateway.listGateways();
  return gateways.map(g =>
    resourceEntity(client.accountId, 'aiGateway', g.id, {
      gatewayId: g.id,
      rateLimiting: g.rateLimiting,
      retries: g.retries,
      caching: g.caching,
      authentication: g.authentication,
      logCollection: g.logCollection,
      tags: g.tags,
    }),
  );
}
