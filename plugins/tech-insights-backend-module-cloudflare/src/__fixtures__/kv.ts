import { Entity } from '@backstage/catalog-model';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import { cloudflareTagLabel } from '@cloudflare-backstage/plugin-cloudflare-common';
import { resourceEntity } from './catalog';

/**
 * The KV namespace `Resource` entities of the demo account as the catalog module makes them, read
 * through the real client: Cloudflare tags as `cloudflare.com/tag-<key>` labels, and
 * `spec.parameters.ttlPolicy` from a sample of 50 keys (true when every sampled key expires).
 */
export async function demoKvResources(
  client: CloudflareClient,
): Promise<Entity[]> {
  const namespaces = await client.kv.listNamespaces();
  const entities: Entity[] = [];
  for (const n of namespaces) {
    const keys = await client.kv.sampleKeys(n.id, 50);
    const entity = resourceEntity(
      client.accountId,
      'kv',
      n.title,
      {
        namespaceId: n.id,
        title: n.title,
        keysApprox: n.keysApprox,
        ttlPolicy: keys.every(k => k.expiration),
        ttlSampledKeys: keys.length,
      },
      n.id,
    );
    entity.metadata.labels = Object.fromEntries(
      Object.entries(n.tags ?? {}).map(([k, v]) => [cloudflareTagLabel(k), v]),
    );
    entities.push(entity);
  }
  return entities;
}
