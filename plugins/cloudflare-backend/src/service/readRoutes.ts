import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { JsonObject, JsonValue } from '@backstage/types';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import {
  CLOUDFLARE_CONTRACTS,
  CloudflareEnvelope,
  CloudflareRouteContract,
  viewParam,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { Request, Router } from 'express';
import { z } from 'zod';
import { ROUTE_DESCRIPTORS } from '../areas';
import { RouteDescriptor, RouteInput } from '../areas/types';
import { canonicalJson } from '../evidence/canonicalJson';
import { authorizeRead, callerRef, RouteContext } from './context';
import { toHttpError } from './errors';
import { auditedRequest, pseudonymizeArgs } from './personalData';
import { parseInput } from './validation';
import { maskWire, toWire } from './wire';

const viewQuery = z.object({ view: viewParam });

/** A route's value parsed with its wire schema (unmasked): a list with its cursor, or one item. */
export interface WireAnswer {
  items?: JsonValue[];
  item?: JsonValue;
  cursor?: string;
  [key: string]: JsonValue | undefined;
}

/** What the cache holds for a route: its wire answer and when it was read. */
type CachedAnswer = WireAnswer & { fetchedAt: string };

/** The members of `o` that are set, so absent inputs leave the cache key and audit record alike. */
const defined = <T extends object>(o: T): T & JsonObject =>
  Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined),
  ) as T & JsonObject;

/**
 * Loads a route's value through its descriptor and parses it with the wire schema (unmasked):
 * what the cache holds, and what evidence snapshots mask and store.
 */
export async function loadWire<R extends CloudflareRouteContract>(
  client: CloudflareClient,
  contract: R,
  descriptor: RouteDescriptor<R>,
  input: RouteInput<R>,
): Promise<WireAnswer> {
  const data = (await descriptor.load(client, input).catch((e: unknown) => {
    throw toHttpError(e, descriptor.what(input));
  })) as { items?: unknown[]; item?: unknown; cursor?: string };
  return data.items
    ? defined({
        items: data.items.map(v => toWire(contract.wire, v)),
        cursor: data.cursor,
      })
    : { item: toWire(contract.wire, data.item) };
}

/**
 * One read as its transport delivers it: the caller's credentials and the raw input (the query
 * with `view`), whether from an HTTP request or an action of the actions registry.
 */
export interface ReadCall {
  credentials: BackstageCredentials;
  params: unknown;
  /** The query, `view` included. */
  query: unknown;
  /** The JSON body of a `POST` route (undefined when there is none). */
  body?: unknown;
  /** The HTTP request, for the audit record; absent for an action, whose caller `meta` names. */
  request?: Request;
}

/**
 * Parses a read's input by its contract (400 naming the part and field): path, query, and the
 * JSON body of a `POST` route; then the descriptor's own `check`.
 */
function parseRouteInput(
  call: ReadCall,
  contract: CloudflareRouteContract,
  descriptor: RouteDescriptor,
): RouteInput<CloudflareRouteContract> {
  const params = parseInput(contract.params, call.params, 'path');
  const query = parseInput(contract.query, call.query, 'query');
  const body = contract.body
    ? parseInput(contract.body, call.body, 'body')
    : undefined;
  const input = { params, query, body };
  return descriptor.check ? descriptor.check(input) : input;
}

/**
 * The one read pipeline, for every route contract and both transports (the HTTP route and its
 * action): parse params, query and body, and the descriptor's `check` (400) -> authorize
 * `cloudflare.read.<area>` with the caller's credentials (and, for the audited unmasked view, a
 * user principal or trusted service and `cloudflare.read.unmasked`) -> the audit event (the
 * route's `auditEvent` for every read, else `unmasked-read` for the unmasked view) -> cache with
 * in-flight sharing -> load through the client -> parse each value with the wire schema -> mask by
 * its sensitive paths -> the envelope.
 */
export async function readCloudflare(
  ctx: RouteContext,
  contract: CloudflareRouteContract,
  descriptor: RouteDescriptor,
  call: ReadCall,
): Promise<CloudflareEnvelope<JsonValue>> {
  const { view } = parseInput(viewQuery, call.query ?? {}, 'query');
  const input = parseRouteInput(call, contract, descriptor);
  const { params, query, body } = input;
  await authorizeRead(ctx, call.credentials, contract.area, view);
  const args = pseudonymizeArgs(
    defined({
      ...(params as object),
      ...(query as object),
      ...((body ?? {}) as object),
    }),
  );
  const eventId =
    contract.auditEvent ?? (view === 'unmasked' ? 'unmasked-read' : undefined);
  const event = eventId
    ? await ctx.auditor.createEvent({
        eventId,
        severityLevel: 'medium',
        request: call.request && auditedRequest(call.request),
        meta: {
          queryType: contract.id,
          area: contract.area,
          view,
          args,
          ...(call.request
            ? {}
            : { via: 'action', actor: callerRef(call.credentials) }),
        },
      })
    : undefined;
  try {
    const key = `cloudflare:v2:${ctx.client.accountId}:${
      contract.id
    }:${canonicalJson(args)}`;
    const answer = await ctx.cachedRead<CachedAnswer>(key, async () => ({
      ...(await loadWire(ctx.client, contract, descriptor, input)),
      fetchedAt: ctx.now().toISOString(),
    }));
    const { values, masked } = maskWire(
      contract.wire,
      answer.items ?? [answer.item as JsonValue],
      view,
    );
    await event?.success();
    return {
      account: ctx.client.accountId,
      area: contract.area,
      view,
      ...(answer.items ? { items: values } : { item: values[0] }),
      ...(answer.cursor ? { cursor: answer.cursor } : {}),
      masked,
      fetchedAt: answer.fetchedAt,
    };
  } catch (error) {
    await event?.fail({ error: error as Error });
    throw error;
  }
}

/** Registers every route contract (its method, `GET` by default), answered by its area's descriptor. */
export function registerReadRoutes(router: Router, ctx: RouteContext) {
  for (const [area, contracts] of Object.entries(CLOUDFLARE_CONTRACTS)) {
    const descriptors = ROUTE_DESCRIPTORS[
      area as keyof typeof ROUTE_DESCRIPTORS
    ] as unknown as Record<string, RouteDescriptor>;
    for (const [op, contract] of Object.entries(
      contracts as Record<string, CloudflareRouteContract>,
    )) {
      const method = contract.method === 'POST' ? 'post' : 'get';
      router[method](contract.path, async (req, res) => {
        res.json(
          await readCloudflare(ctx, contract, descriptors[op], {
            credentials: await ctx.httpAuth.credentials(req),
            params: req.params,
            query: req.query,
            body: req.is('application/json') ? req.body : undefined,
            request: req,
          }),
        );
      });
    }
  }
}
