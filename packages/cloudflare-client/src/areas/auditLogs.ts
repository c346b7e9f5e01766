import { z } from 'zod';
import { ClientContext } from '../context';
import { compact, getEnvelope, seg } from '../envelope';
import { CloudflareApiError } from '../errors';
import { Redaction } from '../redaction';

const AREA = 'auditLogs';
const str = z.string().nullish();

/** Parses an `AuditLogEntry`: the raw bodies are not part of the schema. */
export const auditLogSchema = z.object({
  id: z.string(),
  account: z.object({ id: str, name: str }).nullish(),
  action: z
    .object({ description: str, result: str, time: str, type: str })
    .nullish(),
  actor: z
    .object({
      id: str,
      email: str,
      ip_address: str,
      context: str,
      token_id: str,
      token_name: str,
      type: str,
    })
    .nullish(),
  raw: z
    .object({
      cf_ray_id: str,
      method: str,
      status_code: z.number().nullish(),
      uri: str,
      user_agent: str,
    })
    .nullish(),
  resource: z
    .object({ id: str, product: str, type: str, scope: z.unknown().optional() })
    .nullish(),
  zone: z.object({ id: str, name: str }).nullish(),
});

/**
 * An account audit log entry (v2, `/accounts/{id}/logs/audit`). `resource.request` and
 * `resource.response` (raw bodies) are not kept.
 *
 * @public
 */
export interface AuditLogEntry {
  id: string;
  account?: { id?: string | null; name?: string | null } | null;
  action?: {
    description?: string | null;
    result?: string | null;
    time?: string | null;
    type?: string | null;
  } | null;
  actor?: {
    id?: string | null;
    email?: string | null;
    ip_address?: string | null;
    context?: string | null;
    token_id?: string | null;
    token_name?: string | null;
    type?: string | null;
  } | null;
  raw?: {
    cf_ray_id?: string | null;
    method?: string | null;
    status_code?: number | null;
    uri?: string | null;
    user_agent?: string | null;
  } | null;
  resource?: {
    id?: string | null;
    product?: string | null;
    type?: string | null;
    scope?: unknown;
  } | null;
  zone?: { id?: string | null; name?: string | null } | null;
}

/**
 * Filters of the audit log reads. `since` and `before` are required by Cloudflare.
 *
 * @public
 */
export interface AuditLogFilter {
  /** Start of the window (ISO 8601 or `YYYY-MM-DD`), inclusive. */
  since: string;
  /** End of the window, exclusive. */
  before: string;
  /** Only this actor. */
  actorEmail?: string;
  /** Only this action type (v2 knows `create`, `delete`, `view`, `update`). */
  actionType?: string;
  /**
   * Only requests made in this context (`actor.context`: `api`, `api_key` for the Global API Key,
   * `api_token`, `dash`, `oauth`, `origin_ca_key`).
   */
  actorContext?: string;
  /** Only this target: resource product (e.g. `workers`), type and/or id. */
  resourceProduct?: string;
  resourceType?: string;
  resourceId?: string;
  /** `desc` (default) or `asc`. */
  direction?: 'asc' | 'desc';
  /** Page size (Cloudflare's default 100, at most 1000). */
  limit?: number;
}

/**
 * One page of audit log entries.
 *
 * @public
 */
export interface AuditLogPage {
  entries: AuditLogEntry[];
  /** Cursor of the next page; absent on the last page. */
  cursor?: string;
  /** Raw request/response bodies withheld on this page. */
  redactions: Redaction[];
}

/**
 * The spec's `CfAccessAudit` view of an entry.
 *
 * @public
 */
export interface CfAccessAudit {
  id: string;
  actor: { email?: string };
  action: string;
  /** `<product>/<type>:<id>` of the resource acted on. */
  target: string;
  ts: string;
}

/**
 * Maps an entry to the spec's `CfAccessAudit` shape.
 *
 * @public
 */
export function toCfAccessAudit(e: AuditLogEntry): CfAccessAudit {
  const r = e.resource;
  const target =
    [r?.product, r?.type].filter(Boolean).join('/') + (r?.id ? `:${r.id}` : '');
  return {
    id: e.id,
    actor: compact({ email: e.actor?.email ?? undefined }),
    action: e.action?.type ?? 'unknown',
    target,
    ts: e.action?.time ?? '',
  };
}

/**
 * Account audit log reads (v2). Read through the SDK's generic `get`: the SDK types the filters only
 * in negated form, and follows only `result_info.cursors.after` while Cloudflare also sends
 * `result_info.cursor`; this client reads either.
 *
 * @public
 */
export class AuditLogsApi {
  constructor(private readonly ctx: ClientContext) {}

  private query(filter: AuditLogFilter, cursor?: string) {
    return compact({
      since: filter.since,
      before: filter.before,
      actor_email: filter.actorEmail,
      action_type: filter.actionType,
      actor_context: filter.actorContext,
      resource_product: filter.resourceProduct,
      resource_type: filter.resourceType,
      resource_id: filter.resourceId,
      direction: filter.direction,
      limit: filter.limit,
      cursor,
    });
  }

  private async page(
    filter: AuditLogFilter,
    cursor: string | undefined,
  ): Promise<AuditLogPage> {
    if (!filter.since || !filter.before) {
      throw new CloudflareApiError({
        kind: 'invalid-request',
        operation: 'auditLogs.list',
        detail: 'since and before are required',
      });
    }
    const env = await getEnvelope(
      this.ctx,
      'auditLogs.list',
      `/accounts/${seg(this.ctx.accountId)}/logs/audit`,
      this.query(filter, cursor),
    );
    const items = z.array(z.unknown()).parse(env.result ?? []);
    const redactions: Redaction[] = [];
    const entries = items.map((raw, i) => {
      const res = (
        raw as { resource?: { request?: unknown; response?: unknown } }
      )?.resource;
      if (res?.request !== undefined && res.request !== null)
        redactions.push({
          path: `[${i}].resource.request`,
          reason: 'secret-field',
        });
      if (res?.response !== undefined && res.response !== null)
        redactions.push({
          path: `[${i}].resource.response`,
          reason: 'secret-field',
        });
      return auditLogSchema.parse(raw);
    });
    this.ctx.countRedactions(AREA, redactions);
    const info = env.result_info;
    const next = info?.cursor || info?.cursors?.after || undefined;
    return compact({
      entries,
      cursor: items.length > 0 ? next : undefined,
      redactions,
    });
  }

  /** One page, from `cursor` (the first page without). */
  async listPage(
    filter: AuditLogFilter,
    cursor?: string,
  ): Promise<AuditLogPage> {
    return this.ctx.run(AREA, 'auditLogs.listPage', () =>
      this.page(filter, cursor),
    );
  }

  /**
   * Every entry of the window, following cursors (stopping at `maxEntries`, default 10000). A page that
   * fails fails the whole read: no partial result.
   */
  async list(
    filter: AuditLogFilter,
    options: { maxEntries?: number } = {},
  ): Promise<AuditLogEntry[]> {
    const max = options.maxEntries ?? 10_000;
    return this.ctx.run(AREA, 'auditLogs.list', async () => {
      const out: AuditLogEntry[] = [];
      let cursor: string | undefined;
      const seen = new Set<string>();
      do {
        const page = await this.page(filter, cursor);
        out.push(...page.entries);
        cursor = page.cursor;
        if (cursor && seen.has(cursor)) break; // a cursor that repeats would loop forever
        if (cursor) seen.add(cursor);
      } while (cursor && out.length < max);
      return out.slice(0, max);
    });
  }
}
