import {
  CloudflareClient,
  isCloudflareApiError,
} from '@cloudflare-backstage/cloudflare-client';
import { AiGateway } from '@cloudflare-backstage/plugin-cloudflare-common';
import { byId, dependsOnRefs } from './bindings';
import { cloudflareResourceEntity } from './entity';
import { defineCatalogArea, memoOf } from './types';

/** What the AI Gateway area reads: every gateway, and the stored providers of those read so far, by id. */
export interface AiGatewayRead {
  gateways: AiGateway[];
  /** The stored providers of each gateway, by gateway id (absent for one that vanished before its read). */
  providers: Record<string, string[]>;
}

/** The gateway's stored providers (sorted), or undefined when it vanished since the list. */
async function readProviders(client: CloudflareClient, gatewayId: string) {
  try {
    const configs = await client.aiGateway.listProviderConfigs(gatewayId);
    return [...new Set(configs.map(c => c.provider))].sort();
  } catch (e) {
    if (isCloudflareApiError(e) && e.kind === 'not-found') return undefined;
    throw e;
  }
}

/**
 * AI Gateway: one `Resource` (`cf-ai-gateway-<id>`, type `cloudflare-ai-gateway`) per gateway with
 * its policy flags (rate limiting, retries, caching, authentication, log collection, Stripe
 * billing), the providers whose keys it stores (provider configs, once read) and its Cloudflare
 * tags: what the Tech Insights rate-limit and retry check reads. Cloudflare's id of a gateway is
 * its name, so a Component's `cloudflare.com/ai-gateway: <id>` and an AI Search instance's
 * `ai_gateway_id` meet at the same entity without an id -> name pair. A gateway whose provider keys
 * live in a Secrets Store (`store_id`) depends on that store's entity.
 *
 * Calls per run: the gateway list (50 a page, and Cloudflare's empty page: 2 calls up to 50
 * gateways), the `ai_gateway` tags only when read alone, and through the run's memo one
 * provider-config read per gateway when new or its `modified_at` moved, and every few cycles (a
 * provider config is a sub-resource whose changes do not move the gateway's `modified_at`).
 * The demo account's 4 gateways cost 7 calls in a provider run. No log, prompt or key is read.
 */
export const aiGatewayArea = defineCatalogArea<AiGatewayRead>({
  async read(client, _previous, context) {
    const memo = memoOf(context);
    const gateways = await client.aiGateway.listGateways({
      tags: context?.tags,
    });
    const providers: Record<string, string[]> = {};
    for (const g of gateways) {
      const read = await memo.detail(
        `providers/${g.id}`,
        { changeKey: g.modifiedAt, live: true },
        () => readProviders(client, g.id),
      );
      if (read) providers[g.id] = read;
    }
    return { gateways, providers };
  },

  map: ({ gateways, providers }, ctx) =>
    gateways.map(g =>
      cloudflareResourceEntity(ctx, {
        area: 'aiGateway',
        resourceName: g.id,
        description: `Cloudflare AI Gateway ${g.id}`,
        tags: ['ai'],
        dependsOn: dependsOnRefs([byId('secretsStore', g.secretsStoreId)], ctx),
        parameters: {
          accountId: ctx.accountId,
          gatewayId: g.id,
          createdAt: g.createdAt,
          modifiedAt: g.modifiedAt,
          rateLimiting: g.rateLimiting,
          retries: g.retries,
          caching: g.caching,
          authentication: g.authentication,
          logCollection: g.logCollection,
          stripeBilling: g.stripeBilling,
          providers: providers[g.id],
          tags: g.tags,
        },
      }),
    ),
});
