import { InputError } from '@backstage/errors';
import { AccessRequestFilter } from '@cloudflare-backstage/cloudflare-client';
import {
  AccessAuditEvent,
  AccessAuditQuery,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { z } from 'zod';
import { BadGatewayError } from './errors';

/*
 * Paging of the Access authentication log. Cloudflare's endpoint pages by time (`since`, `until`,
 * `limit`, newest first) and filters `action` and `target` nowhere, so one page of the route may take
 * several upstream reads, and the position between pages is a point in time plus the entries
 * already seen at that instant: entries sharing a timestamp are neither dropped nor repeated.
 */

/** The most entries Cloudflare returns in one call: the size of every upstream read that filters after reading. */
export const ACCESS_LOG_BATCH = 1000;

/**
 * The most upstream reads one page of the route makes. A filtered page that is not full after this
 * many reads comes back short, with a cursor to continue from where the scan stopped.
 */
export const MAX_ACCESS_LOG_CALLS_PER_PAGE = 10;

/**
 * The most entries a cursor names at its instant. More entries than this sharing one millisecond at
 * the end of a page (or more than {@link ACCESS_LOG_BATCH} in one millisecond anywhere) cannot be
 * paged past without loss, so that read fails (502) instead of dropping any.
 */
export const MAX_CURSOR_SEEN = 100;

/** What a cursor holds: the instant of the scan (ms since epoch) and the entries seen at it. */
const cursorSchema = z
  .object({
    v: z.literal(1),
    at: z.number().int().min(0).max(8.64e15),
    seen: z
      .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/))
      .max(MAX_CURSOR_SEEN),
  })
  .strict();

type Position = z.infer<typeof cursorSchema>;

/** The cursor for a scan position: base64url of its JSON. */
export function encodeAccessAuditCursor(position: Position): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/**
 * Reads a cursor returned by an earlier page.
 *
 * @throws InputError when it is not one
 */
export function decodeAccessAuditCursor(cursor: string): Position {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    json = undefined;
  }
  const parsed = cursorSchema.safeParse(json);
  if (!parsed.success) {
    throw new InputError(
      'Invalid query: cursor: must be a cursor returned by a previous page of the Access audit log',
    );
  }
  return parsed.data;
}

const crowdedInstant = (at: number) =>
  new BadGatewayError(
    `Too many Access log entries share the instant ${new Date(
      at,
    ).toISOString()}; the log cannot be paged past it without losing entries`,
  );

/** The client call the scan makes. */
export type ListAccessAuditEvents = (
  filter: AccessRequestFilter,
) => Promise<AccessAuditEvent[]>;

/** One page of the Access audit log: its events and, when more may exist, the next page's cursor. */
export interface AccessAuditPage {
  items: AccessAuditEvent[];
  cursor?: string;
}

/**
 * One page of Access log entries, newest first, that match `filter`; `cursor` whenever more may
 * exist (absent only when Cloudflare has no further entry in the range).
 */
export async function readAccessAuditPage(
  list: ListAccessAuditEvents,
  filter: AccessAuditQuery,
): Promise<AccessAuditPage> {
  const start = filter.cursor
    ? decodeAccessAuditCursor(filter.cursor)
    : undefined;
  const toMs = filter.to ? Date.parse(filter.to) : Infinity;
  let at = Math.min(start?.at ?? Infinity, toMs);
  let seen = new Set(start && start.at === at ? start.seen : []);
  // Unfiltered, a read of the page, one more to tell whether more exist, and the entries of the
  // cursor's instant read again; filtered, as many as Cloudflare gives.
  const postFilter = Boolean(filter.action || filter.target);
  let wide = postFilter;
  // `actor` is matched exactly here too: Cloudflare's `email` filter matches substrings.
  const matches = (l: AccessAuditEvent) =>
    (!filter.actor || l.actor.email === filter.actor) &&
    (!filter.action || l.action === filter.action) &&
    (!filter.target || l.target === filter.target);

  const events: AccessAuditEvent[] = [];
  for (let calls = 0; calls < MAX_ACCESS_LOG_CALLS_PER_PAGE; calls++) {
    const batch = wide
      ? ACCESS_LOG_BATCH
      : Math.min(ACCESS_LOG_BATCH, filter.limit + 1 + seen.size);
    // `until` one millisecond later, so the instant of the cursor is read whether Cloudflare's
    // `until` is inclusive or not; entries after it were returned before and are skipped below.
    const logs = await list({
      since: filter.from,
      until: Number.isFinite(at) ? new Date(at + 1).toISOString() : undefined,
      limit: batch,
      email: filter.actor,
      direction: 'desc',
    });
    let progressed = false;
    for (const l of logs) {
      const ms = Date.parse(l.createdAt);
      if (Number.isNaN(ms)) {
        // An entry that cannot be placed in time cannot be paged without loss.
        throw new BadGatewayError(
          'Cloudflare returned an Access log entry without a valid time',
        );
      }
      const key = l.id;
      if (ms > at || (ms === at && seen.has(key))) continue;
      if (matches(l) && events.length === filter.limit) {
        // A further match: the page is full and more exist.
        return { items: events, cursor: cursorAt(at, seen) };
      }
      progressed = true;
      if (ms < at) {
        at = ms;
        seen = new Set();
      }
      seen.add(key);
      if (matches(l)) events.push(l);
    }
    if (logs.length < batch) return { items: events };
    if (!progressed && batch === ACCESS_LOG_BATCH) throw crowdedInstant(at);
    wide ||= !progressed;
  }
  return { items: events, cursor: cursorAt(at, seen) };
}

function cursorAt(at: number, seen: Set<string>): string {
  if (seen.size > MAX_CURSOR_SEEN) throw crowdedInstant(at);
  return encodeAccessAuditCursor({ v: 1, at, seen: [...seen] });
}
