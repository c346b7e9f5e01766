import { LoggerService, RootConfigService } from '@backstage/backend-plugin-api';
import { JsonObject, JsonValue } from '@backstage/types';
import { z } from 'zod';
import {
  AccessAuditFilter,
  AccessAuditPage,
  CloudflareReader,
  View,
} from './reader';

/*
 * INTERIM reader. The suite's client (@cloudflare-backstage/cloudflare-client) was not published
 * while this plugin was written, so this file reads the few endpoints the routes need with
 * `fetch`, parses them with allow-listing zod schemas (unknown fields, and so every secret field,
 * are dropped) and masks sensitive fields. Replace its body with an adapter over
 * `CloudflareClient.fromConfig` once the client lands; the routes only see `CloudflareReader`.
 */

/** An upstream failure, classified like the client's typed errors. */
export class UpstreamError extends Error {
  name = 'CloudflareUpstreamError';
  constructor(
    readonly kind:
      | 'auth'
      | 'not-found'
      | 'rate-limited'
      | 'unavailable'
      | 'bad-response'
      | 'invalid-request',
    readonly retryAfterSeconds?: number,
  ) {
    super(`Cloudflare request failed: ${kind}`);
  }
}

const envelope = z.object({
  success: z.boolean(),
  result: z.unknown(),
  result_info: z.record(z.string(), z.unknown()).nullish(),
});

const workerDeployment = z.object({
  id: z.string(),
  created_on: z.string(),
  source: z.string().nullish(),
  author_email: z.string().nullish(),
  versions: z.array(z.object({ version_id: z.string(), percentage: z.number() })).default([]),
  annotations: z.record(z.string(), z.unknown()).nullish(),
});
const workerVersion = z.object({
  id: z.string(),
  number: z.number().nullish(),
  annotations: z.record(z.string(), z.unknown()).nullish(),
});
const workersBuild = z.object({
  build_uuid: z.string(),
  build_outcome: z.string().nullish(),
  build_trigger_metadata: z
    .object({ commit_hash: z.string().nullish(), branch: z.string().nullish() })
    .nullish(),
  pull_request: z.object({ pull_request_url: z.string() }).nullish(),
});
const pagesDeployment = z.object({
  id: z.string(),
  short_id: z.string().nullish(),
  environment: z.string().nullish(),
  created_on: z.string(),
  url: z.string().nullish(),
  latest_stage: z.object({ name: z.string().nullish(), status: z.string().nullish() }).nullish(),
  deployment_trigger: z
    .object({
      type: z.string().nullish(),
      metadata: z
        .object({
          branch: z.string().nullish(),
          commit_hash: z.string().nullish(),
          commit_message: z.string().nullish(),
        })
        .nullish(),
    })
    .nullish(),
});
const accessUser = z.object({
  id: z.string(),
  email: z.string().nullish(),
  name: z.string().nullish(),
  access_seat: z.boolean().nullish(),
  gateway_seat: z.boolean().nullish(),
  last_successful_login: z.string().nullish(),
});
const accessRequest = z.object({
  ray_id: z.string().nullish(),
  action: z.string().nullish(),
  allowed: z.boolean().nullish(),
  app_domain: z.string().nullish(),
  app_uid: z.string().nullish(),
  connection: z.string().nullish(),
  created_at: z.string(),
  ip_address: z.string().nullish(),
  user_email: z.string().nullish(),
});

const SHA_RE = /\bsha=([0-9a-f]{7,40})\b/i;
const RUN_RE = /\brun=(https:\/\/\S+)/;

const compact = (o: Record<string, JsonValue | undefined | null>): JsonObject =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as JsonObject;

/** Masks sensitive values by field name: e-mails keep their domain, IP addresses their network. */
export function maskSensitive<T extends JsonValue>(
  value: T,
  view: View,
): { value: T; redactions: Record<string, number> } {
  const redactions: Record<string, number> = {};
  if (view === 'unmasked') return { value, redactions };
  const count = (rule: string) => {
    redactions[rule] = (redactions[rule] ?? 0) + 1;
  };
  const walk = (v: JsonValue, key?: string): JsonValue => {
    if (Array.isArray(v)) return v.map(x => walk(x));
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x as JsonValue, k)]));
    }
    if (typeof v === 'string' && key) {
      if (/email/i.test(key) || (/actor|user/i.test(key) && v.includes('@'))) {
        count('email');
        const [local, domain] = v.split('@');
        return domain ? `${local.slice(0, 1)}***@${domain}` : '***';
      }
      if (/(^ip$|ip_?address)/i.test(key)) {
        count('ip');
        return v.includes(':') ? `${v.split(':').slice(0, 3).join(':')}::/48` : `${v.split('.').slice(0, 3).join('.')}.0/24`;
      }
    }
    return v;
  };
  return { value: walk(value) as T, redactions };
}

/** Options of {@link FetchCloudflareReader}. */
export interface FetchReaderOptions {
  accountId: string;
  apiToken: string;
  baseUrl?: string;
  timeoutMs?: number;
}

/** Reads Cloudflare's v4 API with `fetch`; see the note at the top of the file. */
export class FetchCloudflareReader implements CloudflareReader {
  readonly accountId: string;
  private readonly calls: Record<string, number> = {};

  constructor(private readonly options: FetchReaderOptions) {
    this.accountId = options.accountId;
  }

  private async get(path: string, query: Record<string, string | undefined> = {}) {
    const url = new URL(`${this.options.baseUrl ?? 'https://api.cloudflare.com/client/v4'}${path}`);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, v);
    const name = path.replace(this.accountId, ':account').replace(/\/[^/]+\/(deployments|versions)$/, '/:name/$1');
    this.calls[name] = (this.calls[name] ?? 0) + 1;
    let res: Response;
    try {
      res = await fetch(url, {
        headers: { authorization: `Bearer ${this.options.apiToken}` },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      });
    } catch {
      throw new UpstreamError('unavailable');
    }
    if (res.status === 401 || res.status === 403) throw new UpstreamError('auth');
    if (res.status === 404) throw new UpstreamError('not-found');
    if (res.status === 429) {
      const retry = Number(res.headers.get('retry-after'));
      throw new UpstreamError('rate-limited', Number.isFinite(retry) ? retry : undefined);
    }
    if (res.status >= 500) throw new UpstreamError('unavailable');
    if (res.status === 400) throw new UpstreamError('invalid-request');
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw new UpstreamError('bad-response');
    }
    const parsed = envelope.safeParse(body);
    if (!parsed.success || !parsed.data.success) throw new UpstreamError('bad-response');
    return parsed.data;
  }

  private parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
    const r = schema.safeParse(value);
    if (!r.success) throw new UpstreamError('bad-response');
    return r.data;
  }

  async workerDeployments(script: string): Promise<JsonValue> {
    const base = `/accounts/${this.accountId}/workers/scripts/${encodeURIComponent(script)}`;
    const { result } = await this.get(`${base}/deployments`);
    const deployments = this.parse(z.object({ deployments: z.array(workerDeployment) }), result).deployments;
    const versions = this.parse(
      z.object({ items: z.array(workerVersion) }),
      (await this.get(`${base}/versions`, { per_page: '100' })).result,
    ).items;
    const byId = new Map(versions.map(v => [v.id, v]));
    const versionIds = [...new Set(deployments.flatMap(d => d.versions.map(v => v.version_id)))].slice(0, 20);
    const builds = versionIds.length
      ? this.parse(
          z.object({ builds: z.record(z.string(), workersBuild) }),
          (await this.get(`/accounts/${this.accountId}/builds/builds`, { version_ids: versionIds.join(',') })).result,
        ).builds
      : {};
    return deployments.map(d => {
      const main = [...d.versions].sort((a, b) => b.percentage - a.percentage)[0];
      const version = main ? byId.get(main.version_id) : undefined;
      const message = String(version?.annotations?.['workers/message'] ?? d.annotations?.['workers/message'] ?? '');
      const build = main ? builds[main.version_id] : undefined;
      return compact({
        id: d.id,
        createdAt: d.created_on,
        source: d.source,
        version: version?.number !== undefined && version?.number !== null ? String(version.number) : main?.version_id,
        versions: d.versions.map(v => ({ versionId: v.version_id, percentage: v.percentage })),
        authorEmail: d.author_email,
        commitSha: build?.build_trigger_metadata?.commit_hash || message.match(SHA_RE)?.[1],
        ciRunUrl: message.match(RUN_RE)?.[1] ?? build?.pull_request?.pull_request_url,
        buildOutcome: build?.build_outcome,
      });
    });
  }

  async pagesDeployments(project: string): Promise<JsonValue> {
    const { result } = await this.get(
      `/accounts/${this.accountId}/pages/projects/${encodeURIComponent(project)}/deployments`,
    );
    return this.parse(z.array(pagesDeployment), result).map(d =>
      compact({
        id: d.id,
        shortId: d.short_id,
        createdAt: d.created_on,
        env: d.environment,
        url: d.url,
        branch: d.deployment_trigger?.metadata?.branch,
        commitSha: d.deployment_trigger?.metadata?.commit_hash || undefined,
        trigger: d.deployment_trigger?.type,
        status: d.latest_stage?.status,
        stage: d.latest_stage?.name,
      }),
    );
  }

  async zeroTrustUsers(): Promise<JsonValue> {
    const { result } = await this.get(`/accounts/${this.accountId}/access/users`, { per_page: '1000' });
    return this.parse(z.array(accessUser), result).map(u =>
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
   * Access authentication logs, newest first. `cursor` is opaque to callers: the `created_at` of
   * the last event of the previous page, base64url-encoded.
   */
  async accessAudit(filter: AccessAuditFilter): Promise<AccessAuditPage> {
    const until = filter.cursor
      ? Buffer.from(filter.cursor, 'base64url').toString('utf8')
      : filter.to;
    if (filter.cursor && Number.isNaN(Date.parse(until ?? ''))) {
      throw new UpstreamError('invalid-request');
    }
    const { result } = await this.get(`/accounts/${this.accountId}/access/logs/access_requests`, {
      since: filter.from,
      until,
      limit: String(Math.min(1000, filter.limit + 1)),
      direction: 'desc',
      email: filter.actor,
    });
    const logs = this.parse(z.array(accessRequest), result)
      .filter(l => !filter.cursor || l.created_at !== until)
      .filter(l => !filter.action || l.action === filter.action)
      .filter(l => !filter.target || l.app_domain === filter.target || l.app_uid === filter.target);
    const page = logs.slice(0, filter.limit);
    const last = page[page.length - 1];
    return {
      events: page.map(l =>
        compact({
          id: l.ray_id,
          ts: l.created_at,
          actor: compact({ email: l.user_email, ip: l.ip_address }),
          action: l.action,
          allowed: l.allowed,
          target: l.app_domain,
          connection: l.connection,
        }),
      ),
      ...(logs.length > filter.limit && last
        ? { cursor: Buffer.from(last.created_at, 'utf8').toString('base64url') }
        : {}),
    };
  }

  mask<T extends JsonValue>(value: T, view: View) {
    return maskSensitive(value, view);
  }

  stats(): JsonObject {
    return { calls: { ...this.calls } };
  }
}

/** The default reader, built from `cloudflare.*` config (keys declared by the client package). */
export function createClientReader(options: {
  config: RootConfigService;
  logger: LoggerService;
}): CloudflareReader {
  const { config } = options;
  return new FetchCloudflareReader({
    accountId: config.getString('cloudflare.accountId'),
    apiToken: config.getString('cloudflare.apiToken'),
    baseUrl: config.getOptionalString('cloudflare.apiBaseUrl'),
    timeoutMs: config.getOptionalNumber('cloudflare.fetch.timeoutMs'),
  });
}
