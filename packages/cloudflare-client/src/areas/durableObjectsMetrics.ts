import { z } from 'zod';
import { ClientContext } from '../context';

/** The metrics window: the last 24 hours, as Cloudflare's dashboard shows by default. */
export const METRICS_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * One namespace's metrics over the window, from GraphQL Analytics.
 *
 * @public
 */
export interface DurableObjectNamespaceMetrics {
  /** Requests (`durableObjectsInvocationsAdaptiveGroups` `sum.requests`). */
  requests?: number;
  /** Failed requests (`sum.errors`). */
  errors?: number;
  /** WebSocket messages received (`durableObjectsPeriodicGroups` `sum.inboundWebsocketMsgCount`). */
  webSocketMessagesIn?: number;
  /** WebSocket messages sent (`sum.outboundWebsocketMsgCount`). */
  webSocketMessagesOut?: number;
  /** Most WebSocket connections open at once (`max.activeWebsocketConnections`). */
  webSocketConnectionsMax?: number;
  /** SQLite storage (`durableObjectsSqlStorageGroups` `max.storedBytes`). */
  storedBytes?: number;
}

/**
 * The three Durable Objects datasets, grouped by namespace only: object ids and object names
 * (which `idFromName` makes user data) are never asked for.
 */
const QUERY = `query DurableObjectNamespaceMetrics($accountTag: string!, $namespaceIds: [string!], $from: Time!, $to: Time!) {
  viewer {
    accounts(filter: { accountTag: $accountTag }) {
      invocations: durableObjectsInvocationsAdaptiveGroups(limit: 10000, filter: { namespaceId_in: $namespaceIds, datetime_geq: $from, datetime_leq: $to }) {
        dimensions { namespaceId }
        sum { requests errors }
      }
      periodic: durableObjectsPeriodicGroups(limit: 10000, filter: { namespaceId_in: $namespaceIds, datetime_geq: $from, datetime_leq: $to }) {
        dimensions { namespaceId }
        sum { inboundWebsocketMsgCount outboundWebsocketMsgCount }
        max { activeWebsocketConnections }
      }
      storage: durableObjectsSqlStorageGroups(limit: 10000, filter: { namespaceId_in: $namespaceIds, datetime_geq: $from, datetime_leq: $to }) {
        dimensions { namespaceId }
        max { storedBytes }
      }
    }
  }
}`;

const count = z.number().nonnegative().nullish();
const byNamespace = z.object({ namespaceId: z.string() });

const dataSchema = z.object({
  viewer: z.object({
    accounts: z.array(
      z.object({
        invocations: z
          .array(
            z.object({
              dimensions: byNamespace,
              sum: z.object({ requests: count, errors: count }),
            }),
          )
          .nullish(),
        periodic: z
          .array(
            z.object({
              dimensions: byNamespace,
              sum: z.object({
                inboundWebsocketMsgCount: count,
                outboundWebsocketMsgCount: count,
              }),
              max: z.object({ activeWebsocketConnections: count }).nullish(),
            }),
          )
          .nullish(),
        storage: z
          .array(
            z.object({
              dimensions: byNamespace,
              max: z.object({ storedBytes: count }),
            }),
          )
          .nullish(),
      }),
    ),
  }),
});

/** Namespaces per query: each dataset then answers at most that many groups, far below its limit. */
const NAMESPACES_PER_QUERY = 200;

/**
 * Reads the window's metrics of `namespaceIds`, one query per 200 namespaces and none without any
 * (inside the caller's `run`). A namespace without any row had no traffic: its counters are 0 (no
 * storage row: no storage known).
 */
export async function readNamespaceMetrics(
  ctx: ClientContext,
  namespaceIds: string[],
  now: Date,
): Promise<
  | { exposed: true; byNamespace: Map<string, DurableObjectNamespaceMetrics> }
  | { exposed: false; reason: string }
> {
  const accounts: z.output<typeof dataSchema>['viewer']['accounts'] = [];
  for (let i = 0; i < namespaceIds.length; i += NAMESPACES_PER_QUERY) {
    const read = await ctx.graphql({
      query: QUERY,
      variables: {
        namespaceIds: namespaceIds.slice(i, i + NAMESPACES_PER_QUERY),
        from: new Date(now.getTime() - METRICS_WINDOW_MS).toISOString(),
        to: now.toISOString(),
      },
      data: dataSchema,
    });
    if (!read.exposed) return read;
    accounts.push(...read.data.viewer.accounts);
  }
  const out = new Map<string, DurableObjectNamespaceMetrics>(
    namespaceIds.map(id => [
      id,
      {
        requests: 0,
        errors: 0,
        webSocketMessagesIn: 0,
        webSocketMessagesOut: 0,
        webSocketConnectionsMax: 0,
      },
    ]),
  );
  const of = (id: string) => {
    const m = out.get(id) ?? {};
    out.set(id, m);
    return m;
  };
  const add = (a: number | undefined, b: number | null | undefined) =>
    (a ?? 0) + (b ?? 0);
  for (const account of accounts) {
    for (const row of account.invocations ?? []) {
      const m = of(row.dimensions.namespaceId);
      m.requests = add(m.requests, row.sum.requests);
      m.errors = add(m.errors, row.sum.errors);
    }
    for (const row of account.periodic ?? []) {
      const m = of(row.dimensions.namespaceId);
      m.webSocketMessagesIn = add(
        m.webSocketMessagesIn,
        row.sum.inboundWebsocketMsgCount,
      );
      m.webSocketMessagesOut = add(
        m.webSocketMessagesOut,
        row.sum.outboundWebsocketMsgCount,
      );
      m.webSocketConnectionsMax = Math.max(
        m.webSocketConnectionsMax ?? 0,
        row.max?.activeWebsocketConnections ?? 0,
      );
    }
    for (const row of account.storage ?? []) {
      const m = of(row.dimensions.namespaceId);
      m.storedBytes = Math.max(m.storedBytes ?? 0, row.max.storedBytes ?? 0);
    }
  }
  return { exposed: true, byNamespace: out };
}
