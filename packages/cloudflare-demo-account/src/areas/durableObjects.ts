import type { DemoAccountData } from '../data';
import { cfErrors, ok } from '../envelope';
import type { DurableObjectAnalytics } from '../fixtures/durableObjects';
import type { GraphqlDataset, GraphqlRow } from '../graphql';
import { cursorPageOf, pageOf } from '../pagination';
import { DemoRoute, get } from '../route';

const NAMESPACES = '/accounts/:account_id/workers/durable_objects/namespaces';

/**
 * Routes of the Durable Objects area: namespaces (page paging) and a namespace's objects (`limit`
 * 10 to 10000, default 1000, and `cursor`; `result_info` carries both `cursor` and `cursors.after`,
 * which the SDK iterator reads).
 *
 * @public
 */
export const durableObjectsRoutes: DemoRoute[] = [
  get(NAMESPACES, ({ url, data }) => {
    const page = pageOf(data.durableObjects.namespaces, url, {
      defaultPerPage: 20,
      maxPerPage: 1000,
    });
    return ok(page.items, page.resultInfo);
  }),
  get(`${NAMESPACES}/:id/objects`, ({ url, params, data }) => {
    if (!data.durableObjects.namespaces.some(ns => ns.id === params.id))
      return cfErrors.notFound('durable object namespace');
    const page = cursorPageOf(
      data.durableObjects.objects[params.id] ?? [],
      url,
      {
        sizeParam: 'limit',
        defaultSize: 1000,
        maxSize: 10000,
      },
    );
    return ok(page.items, page.resultInfo);
  }),
];

const HOUR_MS = 3_600_000;

/**
 * One namespace's analytics as 24 hourly rows ending at the hour of `now`: counters spread evenly
 * (the remainder in the last hour), maxima the same in every hour. Every row names the namespace's
 * busiest object (`objectId`, `name`): only a query grouped by object would return them.
 */
function hourlyRows(
  data: DemoAccountData,
  now: number,
  row: (
    a: DurableObjectAnalytics,
    part: (total: number) => number,
  ) => Omit<GraphqlRow, 'dimensions'>,
  only?: (a: DurableObjectAnalytics) => boolean,
): GraphqlRow[] {
  const { namespaces, objects, analytics } = data.durableObjects;
  const last = Math.floor(now / HOUR_MS) * HOUR_MS;
  return namespaces.flatMap(ns => {
    const a = analytics[ns.id];
    if (!a || (only && !only(a))) return [];
    return Array.from({ length: 24 }, (_, k) => {
      const at = new Date(last - (23 - k) * HOUR_MS).toISOString();
      const part = (total: number) =>
        Math.floor(total / 24) + (k === 23 ? total % 24 : 0);
      return {
        dimensions: {
          namespaceId: ns.id,
          scriptName: ns.script ?? '',
          objectId: objects[ns.id]?.[0]?.id ?? '',
          name: a.busiestObjectName,
          date: at.slice(0, 10),
          datetime: at,
          datetimeHour: at,
        },
        ...row(a, part),
      };
    });
  });
}

const DIMENSIONS = [
  'namespaceId',
  'scriptName',
  'objectId',
  'name',
  'date',
  'datetime',
  'datetimeHour',
] as const;

/**
 * The Durable Objects datasets of the demo account's GraphQL Analytics: requests and errors
 * (`durableObjectsInvocationsAdaptiveGroups`), WebSocket messages and connections
 * (`durableObjectsPeriodicGroups`) and SQLite storage (`durableObjectsSqlStorageGroups`, SQLite-backed
 * namespaces only), from each namespace's last 24 hours in the fixture.
 *
 * @public
 */
export const durableObjectsGraphqlDatasets = {
  invocations: {
    dimensions: DIMENSIONS,
    fields: { sum: ['requests', 'errors'] },
    rows: (data, now) =>
      hourlyRows(data, now, (a, part) => ({
        sum: { requests: part(a.requests), errors: part(a.errors) },
      })),
  },
  periodic: {
    dimensions: DIMENSIONS,
    fields: {
      sum: ['inboundWebsocketMsgCount', 'outboundWebsocketMsgCount'],
      max: ['activeWebsocketConnections'],
    },
    rows: (data, now) =>
      hourlyRows(data, now, (a, part) => ({
        sum: {
          inboundWebsocketMsgCount: part(a.webSocketMessagesIn),
          outboundWebsocketMsgCount: part(a.webSocketMessagesOut),
        },
        max: { activeWebsocketConnections: a.webSocketConnectionsMax },
      })),
  },
  sqlStorage: {
    dimensions: DIMENSIONS,
    fields: { max: ['storedBytes'] },
    rows: (data, now) =>
      hourlyRows(
        data,
        now,
        a => ({ max: { storedBytes: a.storedBytes ?? 0 } }),
        a => a.storedBytes !== undefined,
      ),
  },
} satisfies Record<string, GraphqlDataset>;
