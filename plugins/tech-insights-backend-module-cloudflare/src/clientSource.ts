import { FactRetrieverContext } from '@backstage-community/plugin-tech-insights-node';
import {
  CloudflareClient,
  LoggerLike,
} from '@cloudflare-backstage/cloudflare-client';
import { CloudflareFactSource, FactSourceToken } from './source';

/**
 * The parts of the suite's `CloudflareClient` the retrievers read.
 *
 * @public
 */
export type CloudflareClientLike = Pick<
  CloudflareClient,
  'accountId' | 'workers' | 'pages' | 'zeroTrust' | 'auditLogs' | 'tokens'
>;

/** Most audit log entries one run reads; a read that reaches it is logged as truncated. */
const MAX_AUDIT_ENTRIES = 10_000;

/**
 * Adapts the suite's `CloudflareClient` to the {@link CloudflareFactSource} the retrievers read. Only
 * ids, times, names and provenance links cross over: no e-mail, IP, token value or other secret.
 *
 * @public
 */
export function createCloudflareFactSource(
  client: CloudflareClientLike,
  options: {
    /** The connection uses the Global API Key; see {@link createCloudflareFactSourceFromConfig}. */
    usesGlobalApiKey?: boolean;
    /** Where a truncated audit log read is reported. */
    logger?: { warn(message: string): void };
  } = {},
): CloudflareFactSource {
  return {
    accountId: client.accountId,
    usesGlobalApiKey: options.usesGlobalApiKey ?? false,

    async workerDeployments(scriptName) {
      const deployments = await client.workers.listDeploymentsWithProvenance(
        scriptName,
      );
      // Every Workers deployment serves traffic: there is no preview environment to leave out.
      return deployments.map(d => ({
        id: d.id,
        createdOn: d.createdOn,
        environment: 'production' as const,
        ...(d.commitSha ? { commitSha: d.commitSha } : {}),
        ...(d.ciRunUrl ? { ciRunUrl: d.ciRunUrl } : {}),
      }));
    },

    async pagesDeployments(projectName) {
      const deployments = await client.pages.listDeployments(projectName, {
        env: 'production',
      });
      return deployments.map(d => ({
        id: d.id,
        createdOn: d.createdOn,
        environment:
          d.environment === 'preview'
            ? ('preview' as const)
            : ('production' as const),
        ...(d.commitSha ? { commitSha: d.commitSha } : {}),
        ...(d.ciRunUrl ? { ciRunUrl: d.ciRunUrl } : {}),
      }));
    },

    async auditEvents({ since, before }) {
      const entries = await client.auditLogs.list(
        {
          since: since.toISOString(),
          before: before.toISOString(),
          limit: 1000,
        },
        { maxEntries: MAX_AUDIT_ENTRIES },
      );
      if (entries.length >= MAX_AUDIT_ENTRIES) {
        options.logger?.warn(
          `Cloudflare audit log read stopped at ${MAX_AUDIT_ENTRIES} entries; deployments at the start of the window may look unaudited`,
        );
      }
      return entries.flatMap(e =>
        e.action?.time
          ? [
              {
                at: e.action.time,
                ...(e.resource?.product ? { product: e.resource.product } : {}),
                // a user resource is named by its e-mail: personal data, and never a script or project
                ...(e.resource?.id && !e.resource.id.includes('@')
                  ? { resourceId: e.resource.id }
                  : {}),
              },
            ]
          : [],
      );
    },

    async accessEvents({ since, until, limit }) {
      const requests = await client.zeroTrust.listAccessRequests({
        since: since.toISOString(),
        until: until.toISOString(),
        limit,
        direction: 'desc',
      });
      return requests.map(r => ({ createdAt: r.created_at }));
    },

    async tokens() {
      const [user, account] = await Promise.all([
        client.tokens.listUserTokens(),
        client.tokens.listAccountTokens(),
      ]);
      return [...user, ...account].map(
        (t): FactSourceToken => ({
          id: t.id,
          owner: t.scope,
          ...(t.status ? { status: t.status } : {}),
          ...(t.issued_on ? { issuedOn: t.issued_on } : {}),
          ...(t.expires_on ? { expiresOn: t.expires_on } : {}),
          ...(t.last_used_on ? { lastUsedOn: t.last_used_on } : {}),
        }),
      );
    },
  };
}

/**
 * The default source of the retrievers: a `CloudflareClient` built from the backend's `cloudflare`
 * config block (`accountId`, `apiToken`, `apiBaseUrl`, `fetch`), logging through the retriever's
 * logger. A configured `cloudflare.apiKey` (the Global API Key) is reported as in use: the client
 * itself only speaks API tokens, so a Global API Key in the backend's config is a leftover credential
 * that the token hygiene check flags. Invalid config throws (the retriever logs it, no facts).
 *
 * @public
 */
export async function createCloudflareFactSourceFromConfig(
  ctx: Pick<FactRetrieverContext, 'config' | 'logger'>,
): Promise<CloudflareFactSource> {
  // The client's messages only: its structured meta is not passed on.
  const logger: LoggerLike = {
    debug: message => ctx.logger.debug(message),
    info: message => ctx.logger.info(message),
    warn: message => ctx.logger.warn(message),
    error: message => ctx.logger.error(message),
  };
  const client = CloudflareClient.fromConfig(ctx.config, { logger });
  return createCloudflareFactSource(client, {
    usesGlobalApiKey: ctx.config.has('cloudflare.apiKey'),
    logger: ctx.logger,
  });
}
