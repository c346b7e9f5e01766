import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { JsonObject, JsonValue } from '@backstage/types';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import {
  CLOUDFLARE_CONTRACTS,
  CloudflareEnvelope,
  CloudflareRouteContract,
  CloudflareView,
  viewParam,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { CloudflareAccountClient } from '@cloudflare-backstage/plugin-cloudflare-node';
import { Request, Router } from 'express';
import { z } from 'zod';
import { ROUTE_DESCRIPTORS } from '../areas';
import { RouteDescriptor, RouteInput } from '../areas/types';
import { canonicalJson } from '../evidence/canonicalJson';
import { accountOfQuery, pickAccount } from './accounts';
import { sendEnvelope } from './answerBody';
import { CachedAnswer } from './cachedRead';
import { authorizeRead, callerRef, RouteContext } from './context';
import { RetryLaterError, toHttpError } from './errors';
import { mayServeStale, outageWarner, readFailure } from './staleAnswers';
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

/** The members of `o` that are set, so absent inputs leave the cache key and audit record alike. */
const defined = <T extends object>(o: T): T & JsonObject =>
  Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined),
  ) as T & JsonObject;

/**
 * Loads a route's value through its descriptor and parses it with the wire schema (unmasked),
 * leaving an error of the client as it is (its `kind` decides whether a kept answer may stand in).
 */
async function loadWireRaw<R extends CloudflareRouteContract>(
  client: CloudflareClient,
  contract: R,
  descriptor: RouteDescriptor<R>,
  input: RouteInput<R>,
): Promise<WireAnswer> {
  const data = (await descriptor.load(client, input)) as {
    items?: unknown[];
    item?: unknown;
    cursor?: string;
  };
  return data.items
    ? defined({
        items: data.items.map(v => toWire(contract.wire, v)),
        cursor: data.cursor,
      })
    : { item: toWire(contract.wire, data.item) };
}

/**
 * Loads a route's value through its descriptor and parses it with the wire schema (unmasked):
 * what evidence snapshots and acceptance measures read. Errors of the client become HTTP errors.
 */
export async function loadWire<R extends CloudflareRouteContract>(
  client: CloudflareClient,
  contract: R,
  descriptor: RouteDescriptor<R>,
  input: RouteInput<R>,
): Promise<WireAnswer> {
  return loadWireRaw(client, contract, descriptor, input).catch(
    (e: unknown) => {
      throw toHttpError(e, descriptor.what(input));
    },
  );
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

/** A read done: what its envelope (and the HTTP body) is made of. */
export interface ReadResult {
  contract: CloudflareRouteContract;
  view: CloudflareView;
  /** The account read. */
  account: CloudflareAccountClient;
  /** The wire answer (unmasked), when it was read, and whether it is a kept one past its TTL. */
  answer: CachedAnswer<WireAnswer>;
}

const warners = new WeakMap<object, ReturnType<typeof outageWarner>>();
const warnOutage = (ctx: RouteContext) => {
  let warn = warners.get(ctx.logger);
  if (!warn) warners.set(ctx.logger, (warn = outageWarner(ctx.logger)));
  return warn;
};

/**
 * The one read pipeline, for every route contract and both transports (the HTTP route and its
 * action): parse `view`, `account`, params, query and body, and the descriptor's `check` (400) ->
 * authorize `cloudflare.read.<area>` with the caller's credentials (and, for the audited unmasked
 * view, a user principal or trusted service and `cloudflare.read.unmasked`) -> pick the account
 * (404 unknown; 400 when several are configured and none is named) -> the audit event (the route's
 * `auditEvent` for every read, else `unmasked-read` for the unmasked view) -> cache (keyed by the
 * account id, the route and its arguments) with in-flight sharing -> load through the account's
 * client -> parse each value with the wire schema. When the load fails for an outage kind, the kept
 * answer past its TTL stands in (`stale`); without one, 503 with `Retry-After`.
 */
export async function runRead(
  ctx: RouteContext,
  contract: CloudflareRouteContract,
  descriptor: RouteDescriptor,
  call: ReadCall,
): Promise<ReadResult> {
  const { view } = parseInput(viewQuery, call.query ?? {}, 'query');
  const accountParam = accountOfQuery(call.query);
  const input = parseRouteInput(call, contract, descriptor);
  const { params, query, body } = input;
  await authorizeRead(ctx, call.credentials, contract.area, view);
  const account = pickAccount(ctx.clients, accountParam);
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
          account: account.id,
          args,
          ...(call.request
            ? {}
            : { via: 'action', actor: callerRef(call.credentials) }),
        },
      })
    : undefined;
  try {
    const key = `cloudflare:v3:${account.accountId}:${
      contract.id
    }:${canonicalJson(args)}`;
    const answer = await ctx
      .cachedRead<WireAnswer>(
        key,
        () => loadWireRaw(account.client, contract, descriptor, input),
        { staleOn: mayServeStale },
      )
      .catch((e: unknown) => {
        const failure = readFailure(e, descriptor.what(input), account);
        if (failure instanceof RetryLaterError) {
          warnOutage(ctx)({
            error: e,
            route: contract.id,
            account: account.id,
            retryAfterSeconds: failure.retryAfterSeconds,
          });
          failure.reported = true;
        }
        throw failure;
      });
    if (answer.stale) {
      warnOutage(ctx)({
        error: answer.error,
        route: contract.id,
        account: account.id,
        fetchedAt: answer.fetchedAt,
      });
    }
    await event?.success(
      answer.stale
        ? { meta: { stale: true, fetchedAt: answer.fetchedAt } }
        : undefined,
    );
    return { contract, view, account, answer };
  } catch (error) {
    await event?.fail({ error: error as Error });
    throw error;
  }
}

/** The envelope of a read: its values masked for the view by the wire type's sensitive paths. */
export function envelopeOf({
  contract,
  view,
  account,
  answer,
}: ReadResult): CloudflareEnvelope<JsonValue> {
  const { value, fetchedAt, stale } = answer;
  const { values, masked } = maskWire(
    contract.wire,
    value.items ?? [value.item as JsonValue],
    view,
  );
  return {
    account: account.accountId,
    area: contract.area,
    view,
    ...(value.items ? { items: values } : { item: values[0] }),
    ...(value.cursor ? { cursor: value.cursor } : {}),
    masked,
    ...(stale ? { stale } : {}),
    fetchedAt,
  };
}

/** {@link runRead} answered as its envelope: what actions return. */
export async function readCloudflare(
  ctx: RouteContext,
  contract: CloudflareRouteContract,
  descriptor: RouteDescriptor,
  call: ReadCall,
): Promise<CloudflareEnvelope<JsonValue>> {
  return envelopeOf(await runRead(ctx, contract, descriptor, call));
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
        const result = await runRead(ctx, contract, descriptors[op], {
          credentials: await ctx.httpAuth.credentials(req),
          params: req.params,
          query: req.query,
          body: req.is('application/json') ? req.body : undefined,
          request: req,
        });
        sendEnvelope(res, result, envelopeOf);
      });
    }
  }
}
