import { Entity } from '@backstage/catalog-model';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import { aiSearchResourceName } from '@cloudflare-backstage/plugin-cloudflare-common';
import { resourceEntity } from './catalog';

/**
 * The AI Search instance `Resource` entities of the demo account, read through the real client,
 * with the crawl parameters the catalog module writes (the last successful crawl, how far back the
 * jobs were read, whether all were).
 */
export async function demoAiSearchResources(
  client: CloudflareClient,
): Promise<Entity[]> {
  const indexes = await client.aiSearch.listIndexes();
  return Promise.all(
    indexes.map(async index => {
      const history = await client.aiSearch.getSyncHistory(
        index.id,
        index.namespace,
        { maxJobs: 50 },
      );
      return resourceEntity(
        client.accountId,
        'aiSearch',
        aiSearchResourceName(index.id, index.namespace),
        {
          instanceId: index.id,
          namespace: index.namespace,
          lastCrawlOutcome: history.lastJob?.outcome,
          lastSuccessfulCrawlAt: history.lastSuccess?.endedAt,
          crawlsReadSince: history.readSince,
          allCrawlsRead: history.complete,
        },
        index.id,
      );
    }),
  );
}
