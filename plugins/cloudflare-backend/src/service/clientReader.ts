import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { JsonObject, JsonValue } from '@backstage/types';
import {
  AccessRequest,
  CfDeployment,
  CloudflareClient,
  isCloudflareApiError,
  maskSensitiveCounted,
  PagesDeploymentSummary,
} from '@cloudflare-backstage/cloudflare-client';
import { readAccessAuditPage } from './accessAudit';
import { toHttpError } from './errors';
import {
  AccessAuditFilter,
  AccessAuditPage,
  CloudflareReader,
  View,
} from './reader';

/*
 * The default reader: a thin adapter over the suite's Cloudflare client
 * (@cloudflare-backstage/cloudflare-client), which calls Cloudflare through the official `cloudflare`
 * SDK, parses every answer with allow-listing schemas (secret fields are never kept) and declares
 * which fields are sensitive. This file only renames fields into the JSON shapes the routes and the
 * frontend consume, and maps the client's typed errors to `@backstage/errors` errors.
 */

/**
 * Pages deployments read per request: Cloudflare's page size, so the route costs one upstream call
 * and shows the newest deployments, as before.
 */
export const PAGES_DEPLOYMENTS_LIMIT = 25;

type Loose = Record<string, JsonValue | undefined | null>;

/** Drops `undefined` and `null` members, so absent fields stay absent in the JSON. */
const compact = (o: Loose): JsonObject =>
  Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && v !== null),
  ) as JsonObject;

/**
 * Runs one client call; a `CloudflareApiError` becomes the `@backstage/errors` error of its kind
 * (`not-found` -> 404, `invalid-request` -> 400, `rate-limited` / `unavailable` -> 503, `auth` /
 * `bad-response` -> 502), with a message of our own that never echoes Cloudflare's text.
 */
async function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isCloudflareApiError(e)) throw toHttpError(e, what);
    throw e;
  }
}

/** A Worker deployment in the shape of the `/v1/workers/:script/deployments` route. */
export function toWorkerDeploymentJson(d: CfDeployment): JsonObject {
  return compact({
    id: d.id,
    createdAt: d.createdOn,
    source: d.source,
    version:
      d.versionNumber !== undefined && d.versionNumber !== null
        ? String(d.versionNumber)
        : d.versionId,
    versions: d.versions.map(v => ({
      versionId: v.versionId,
      percentage: v.percentage,
    })),
    authorEmail: d.authorEmail,
    commitSha: d.commitSha || undefined,
    commitUrl: d.commitUrl,
    ciRunUrl: d.ciRunUrl ?? d.pullRequestUrl,
    buildOutcome: d.buildOutcome,
  });
}

/** A Pages deployment in the shape of the `/v1/pages/:project/deployments` route. */
export function toPagesDeploymentJson(d: PagesDeploymentSummary): JsonObject {
  return compact({
    id: d.id,
    shortId: d.shortId,
    createdAt: d.createdOn,
    env: d.environment,
    url: d.url,
    branch: d.branch,
    commitSha: d.commitSha || undefined,
    commitUrl: d.commitUrl,
    ciRunUrl: d.ciRunUrl,
    trigger: d.triggerType,
    status: d.status,
    stage: d.stage,
  });
}

/** An Access log entry in the shape of an Access audit event. */
export function toAccessAuditEventJson(l: AccessRequest): JsonObject {
  return compact({
    id: l.ray_id,
    ts: l.created_at,
    actor: compact({ email: l.user_email, ip: l.ip_address }),
    action: l.action,
    allowed: l.allowed,
    target: l.app_domain,
    connection: l.connection,
  });
}

/** {@link CloudflareReader} over a {@link CloudflareClient}. */
export class ClientCloudflareReader implements CloudflareReader {
  readonly accountId: string;

  constructor(private readonly client: CloudflareClient) {
    this.accountId = client.accountId;
  }

  async workerDeployments(script: string): Promise<JsonValue> {
    const deployments = await call(`Worker script '${script}'`, () =>
      this.client.workers.listDeploymentsWithProvenance(script),
    );
    return deployments.map(toWorkerDeploymentJson);
  }

  async pagesDeployments(project: string): Promise<JsonValue> {
    const deployments = await call(`Pages project '${project}'`, () =>
      this.client.pages.listDeployments(project, {
        limit: PAGES_DEPLOYMENTS_LIMIT,
      }),
    );
    return deployments.map(toPagesDeploymentJson);
  }

  async zeroTrustUsers(): Promise<JsonValue> {
    const users = await call('Zero Trust users', () =>
      this.client.zeroTrust.listUsers(),
    );
    return users.map(u =>
      compact({
        id: u.id,
        email: u.email,
        name: u.name,
        accessSeat: u.access_seat,
        gatewaySeat: u.gateway_seat,
        lastSuccessfulLogin: u.last_successful_login,
      }),
    );
  }

  /**
   * Access authentication logs, newest first, filtered and paged as `accessAudit.ts` describes:
   * a page is full unless the log is exhausted (then no `cursor`) or the per-page read budget ran
   * out (then a `cursor` to continue from where the scan stopped).
   */
  async accessAudit(filter: AccessAuditFilter): Promise<AccessAuditPage> {
    return readAccessAuditPage(
      f =>
        call('the Access audit log', () =>
          this.client.zeroTrust.listAccessRequests(f),
        ),
      filter,
      toAccessAuditEventJson,
    );
  }

  mask<T extends JsonValue>(value: T, view: View) {
    const { value: masked, masked: redactions } = maskSensitiveCounted(
      value,
      view,
    );
    return { value: masked, redactions };
  }

  stats(): JsonObject {
    return { ...this.client.stats() } as unknown as JsonObject;
  }
}

/** The default reader, built from `cloudflare.*` config (keys declared by the client package). */
export function createClientReader(options: {
  config: RootConfigService;
  logger: LoggerService;
}): CloudflareReader {
  const { config, logger } = options;
  return new ClientCloudflareReader(
    CloudflareClient.fromConfig(config, { logger }),
  );
}
