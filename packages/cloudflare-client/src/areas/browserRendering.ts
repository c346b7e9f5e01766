import { z } from 'zod';
import {
  BrowserRenderingPlan,
  BrowserRenderingQuotas,
  BrowserSession,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { ClientContext } from '../context';
import { compact, looksLikeEnvelope } from '../envelope';
import { Redaction, noteSecretFields } from '../redaction';
import {
  BROWSER_RENDERING_LIMITS_SOURCE,
  browserRenderingLimits,
} from './browserRenderingLimits';

const AREA = 'browserRendering';

/** Page size of the quotas' session read. */
const PAGE = 100;

/** Pages the quotas read at most (500 sessions); beyond, its counts are lower bounds. */
const QUOTA_PAGES = 5;

/** Live session handles Cloudflare lists with each session: secret, dropped and counted. */
const SESSION_SECRETS = [
  'devtoolsFrontendUrl',
  'webSocketDebuggerUrl',
] as const;

/** A session as the DevTools session list gives it (times in epoch milliseconds). */
const rawSessionSchema = z.object({
  sessionId: z.string(),
  startTime: z.number().nonnegative(),
  endTime: z.number().nonnegative().nullish(),
  lastUpdated: z.number().nonnegative().nullish(),
  closeReason: z.number().int().nullish(),
  closeReasonText: z.string().nullish(),
});

const rawSessionsSchema = z.array(z.unknown());

type RawSession = z.output<typeof rawSessionSchema>;

const iso = (ms: number) => new Date(ms).toISOString();

function toSession(s: RawSession, now: number): BrowserSession {
  const open = s.endTime === null || s.endTime === undefined;
  const end = open ? now : (s.endTime as number);
  return compact({
    sessionId: s.sessionId,
    open,
    startedAt: iso(s.startTime),
    endedAt: open ? undefined : iso(end),
    lastUpdatedAt:
      typeof s.lastUpdated === 'number' ? iso(s.lastUpdated) : undefined,
    ageSeconds: Math.max(0, Math.round((end - s.startTime) / 1000)),
    closeReason: open ? undefined : s.closeReason ?? undefined,
    closeReasonText: open ? undefined : s.closeReasonText ?? undefined,
  });
}

/**
 * One page of sessions and the offset of the next, when the page was full.
 *
 * @public
 */
export interface BrowserSessionsPage {
  /** The sessions of the page, in Cloudflare's order (newest first). */
  items: BrowserSession[];
  /** Offset of the next page, when this one was full. */
  nextOffset?: number;
}

/**
 * What the account's Browser Rendering `Resource` is named and which plan it is on.
 *
 * @public
 */
export interface BrowserRenderingSettings {
  /** `cloudflare.browserRendering.name`, else the account id. */
  name: string;
  /** `cloudflare.browserRendering.plan`, when configured. */
  plan?: BrowserRenderingPlan;
}

/**
 * Browser Rendering (Browser Run) reads: the DevTools session list (`limit`, `offset`) and the
 * documented limits. The session URLs Cloudflare lists (`devtoolsFrontendUrl`,
 * `webSocketDebuggerUrl`, live session handles) are dropped and counted as redactions. It never
 * launches a browser (`/devtools/browser`), closes or focuses a tab (`json/close`,
 * `json/activate`) or runs a Quick Action. Cloudflare has no usage, plan or limits API: the plan
 * comes from configuration and the limits from {@link BROWSER_RENDERING_LIMITS_SOURCE}.
 *
 * @public
 */
export class BrowserRenderingApi {
  constructor(private readonly ctx: ClientContext) {}

  /** The configured name (default: the account id) and plan of the account's Browser Rendering. */
  settings(): BrowserRenderingSettings {
    const s = this.ctx.settings.browserRendering;
    return compact({
      name: s?.name ?? this.ctx.accountId.toLowerCase(),
      plan: s?.plan,
    });
  }

  /**
   * One page of the account's sessions (`limit` 1-100, from `offset`). The SDK does not unwrap the
   * envelope for this endpoint (reference errata 1): a bare array and an envelope's `result` are
   * both read; anything else fails.
   */
  async listSessions(
    options: { limit?: number; offset?: number } = {},
  ): Promise<BrowserSessionsPage> {
    const limit = options.limit ?? 50;
    const offset = options.offset ?? 0;
    return this.ctx.run(AREA, 'browserRendering.listSessions', async () => {
      const body: unknown =
        await this.ctx.sdk.browserRendering.devtools.session.list({
          account_id: this.ctx.accountId,
          limit,
          offset,
        });
      const list = rawSessionsSchema.parse(
        looksLikeEnvelope(body) ? (body as { result?: unknown }).result : body,
      );
      const now = Date.now();
      const notes: Redaction[] = [];
      const items = list.map(raw => {
        const s = rawSessionSchema.parse(raw);
        noteSecretFields(
          raw,
          SESSION_SECRETS,
          notes,
          `sessions.${s.sessionId}`,
        );
        return toSession(s, now);
      });
      this.ctx.countRedactions(AREA, notes);
      return compact({
        items,
        nextOffset: items.length === limit ? offset + limit : undefined,
      });
    });
  }

  /**
   * The documented limits of the configured plan, with the sessions open now and started today
   * (UTC) from up to 5 pages of 100 sessions (`complete: false` beyond: the
   * counts are then lower bounds). Browser time has no API.
   */
  async quotas(): Promise<BrowserRenderingQuotas> {
    const sessions: BrowserSession[] = [];
    let offset: number | undefined = 0;
    for (let page = 0; page < QUOTA_PAGES && offset !== undefined; page++) {
      const read: BrowserSessionsPage = await this.listSessions({
        limit: PAGE,
        offset,
      });
      sessions.push(...read.items);
      offset = read.nextOffset;
    }
    const today = new Date().toISOString().slice(0, 10);
    const openSessions = sessions.filter(s => s.open).length;
    const complete = offset === undefined;
    const { plan } = this.settings();
    return compact({
      plan,
      source: BROWSER_RENDERING_LIMITS_SOURCE,
      limits: browserRenderingLimits(plan, { openSessions }, complete),
      openSessions,
      sessionsStartedToday: sessions.filter(s => s.startedAt.startsWith(today))
        .length,
      sessionsRead: sessions.length,
      complete,
    });
  }
}
