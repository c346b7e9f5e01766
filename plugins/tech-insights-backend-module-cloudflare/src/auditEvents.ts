import { FactRetrieverContext } from '@backstage-community/plugin-tech-insights-node';
import { CloudflareClientsService } from '@cloudflare-backstage/plugin-cloudflare-node';
import { readInBackground } from './clients';
import { describeError } from './common';
import { LabelledDeployment } from './deployments';

/** Most audit log entries one read of an account reads; a read that reaches it is logged as truncated. */
export const MAX_AUDIT_ENTRIES = 10_000;

/** An account audit log entry, reduced to when it happened and the id of what it touched. */
export interface AuditEvent {
  at: number;
  resourceId?: string;
}

/** The audit events near a deployment, or why they are unknown. */
export type AuditEventsOf = (d: LabelledDeployment) => AuditEvent[] | Error;

/**
 * Reads the account audit log of every account that made one of `deployments` (the account of the
 * deployment's `Resource` entity, see `clients.forEntity`): once per account, at background
 * priority, for the window spanning that account's deployments (± `windowMs`). An account whose
 * log cannot be read is logged and its deployments answer an `Error`, as does a deployment of a
 * resource no configured account claims: the Components with such a deployment get no fact.
 */
export async function readAuditEvents(
  ctx: FactRetrieverContext,
  retrieverId: string,
  clients: CloudflareClientsService,
  deployments: LabelledDeployment[],
  options: { windowMs: number; nowMs: number; budgetWaitSeconds?: number },
): Promise<AuditEventsOf> {
  const accountOf = new Map(
    deployments.map(d => [d, clients.forEntity(d.source)]),
  );
  const byAccount = new Map<string, AuditEvent[] | Error>();
  for (const account of new Set(accountOf.values())) {
    if (!account) continue;
    const times = deployments
      .filter(d => accountOf.get(d) === account)
      .map(d => Date.parse(d.createdOn));
    const from = new Date(Math.min(...times) - options.windowMs);
    const to = new Date(
      Math.min(Math.max(...times) + options.windowMs, options.nowMs + 1),
    );
    try {
      const entries = await readInBackground(account, options, client =>
        client.auditLogs.list(
          { since: from.toISOString(), before: to.toISOString(), limit: 1000 },
          { maxEntries: MAX_AUDIT_ENTRIES },
        ),
      );
      if (entries.length >= MAX_AUDIT_ENTRIES) {
        ctx.logger.warn(
          `${retrieverId}: the audit log read of account ${account.id} stopped at ${MAX_AUDIT_ENTRIES} entries; deployments at the start of the window may look unaudited`,
        );
      }
      byAccount.set(
        account.id,
        entries.flatMap(e =>
          e.action?.time
            ? [
                {
                  at: Date.parse(e.action.time),
                  resourceId: e.resource?.id ?? undefined,
                },
              ]
            : [],
        ),
      );
    } catch (error) {
      const reason = describeError(error);
      ctx.logger.error(
        `${retrieverId}: account audit log unavailable (account ${account.id}), no facts this run for the Components it deploys (${reason})`,
      );
      byAccount.set(
        account.id,
        new Error(`the audit log of account ${account.id} is unavailable`),
      );
    }
  }
  return d => {
    const account = accountOf.get(d);
    if (!account) {
      return new Error(
        `${d.label} is of a Cloudflare account that is not configured, or names none while several are`,
      );
    }
    return byAccount.get(account.id) ?? [];
  };
}
