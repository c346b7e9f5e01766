import { Entity } from '@backstage/catalog-model';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import { component, resourceEntity } from './catalog';

/**
 * The Vectorize index `Resource` entities of the demo account as the catalog module makes them,
 * read through the real client: configuration, Cloudflare tags (`spec.parameters.tags`) and stats.
 */
export async function demoVectorizeResources(
  client: CloudflareClient,
): Promise<Entity[]> {
  const indexes = await client.vectorize.listIndexes();
  const entities: Entity[] = [];
  for (const index of indexes) {
    const stats = await client.vectorize.getStats(index.name, { tags: {} });
    entities.push(
      resourceEntity(client.accountId, 'vectorize', index.name, {
        indexName: index.name,
        dimensions: index.dimensions,
        metric: index.metric,
        preset: index.preset,
        tags: index.tags,
        vectorCount: stats.vectorCount,
        processedUpToDatetime: stats.processedUpToDatetime,
        processedUpToMutation: stats.processedUpToMutation,
        metadataIndexes: stats.metadataIndexes,
        statsRead: true,
      }),
    );
  }
  return entities;
}

/**
 * acme-ai-assistant as `examples/entities.yaml` declares it: it depends on `acme-idx-main` and
 * names the embedding model it writes with (1536 dimensions, as the index).
 */
export const acmeAiAssistant = component('acme-ai-assistant', {
  'cloudflare.com/vectorize': 'acme-idx-main',
  'cloudflare.com/embedding-model': 'openai/text-embedding-ada-002',
});
