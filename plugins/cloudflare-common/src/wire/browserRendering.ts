import { z } from 'zod';
import { defineRoute, defineWireType } from './contract';
import { boundedIntParam } from './params';

/**
 * One Browser Rendering (Browser Run) DevTools session, from Cloudflare's session list. The live
 * session handles Cloudflare lists with it (`devtoolsFrontendUrl`, `webSocketDebuggerUrl`) are
 * secret: they are never part of this type (the client drops them).
 *
 * @public
 */
export const browserSessionSchema = z.object({
  /** Session id. */
  sessionId: z.string(),
  /** Whether the session is open now (Cloudflare lists no end time for it). */
  open: z.boolean(),
  /** When the browser started (ISO 8601). */
  startedAt: z.string(),
  /** When the session ended (ISO 8601); absent while open. */
  endedAt: z.string().optional(),
  /** When Cloudflare last updated the session (ISO 8601). */
  lastUpdatedAt: z.string().optional(),
  /** Seconds from start to end, or to the read for an open session (its age). */
  ageSeconds: z.number().nonnegative(),
  /** WebSocket close code of an ended session (`1000` normal, `1011` idle). */
  closeReason: z.number().int().optional(),
  /** Close reason in Cloudflare's words (`Normal Closure`, `BrowserIdle`). */
  closeReasonText: z.string().optional(),
});

/**
 * A Browser Rendering session (see {@link browserSessionSchema}).
 *
 * @public
 */
export type BrowserSession = z.output<typeof browserSessionSchema>;

/**
 * The Workers plan whose Browser Rendering limits apply: from configuration
 * (`cloudflare.browserRendering.plan`), since Cloudflare exposes no plan or limits API.
 *
 * @public
 */
export const browserRenderingPlanSchema = z.enum(['free', 'paid']);

/**
 * A Workers plan (see {@link browserRenderingPlanSchema}).
 *
 * @public
 */
export type BrowserRenderingPlan = z.output<typeof browserRenderingPlanSchema>;

/**
 * One documented Browser Rendering limit: its value on each plan (Cloudflare's documentation, no
 * API), the value that applies to the configured plan, and today's use where an API exposes it.
 *
 * @public
 */
export const browserRenderingLimitSchema = z.object({
  /** Stable id, e.g. `concurrent-browsers`. */
  id: z.string(),
  /** What is limited, in words. */
  title: z.string(),
  /** The limit on Workers Free, as documented. */
  free: z.string(),
  /** The limit on Workers Paid, as documented. */
  paid: z.string(),
  /** The limit of the configured plan; absent when no plan is configured. */
  applies: z.string().optional(),
  /** Today's use, where Cloudflare's API exposes it (a count). */
  used: z.number().int().nonnegative().optional(),
  /** Where `used` comes from, or why there is none (`No API: see the dashboard`). */
  usage: z.string(),
});

/**
 * A documented limit (see {@link browserRenderingLimitSchema}).
 *
 * @public
 */
export type BrowserRenderingLimit = z.output<
  typeof browserRenderingLimitSchema
>;

/**
 * The account's Browser Rendering quotas: Cloudflare's documented limits per plan (a table in the
 * code, with its source), the plan from configuration, and what the session list shows of today.
 *
 * @public
 */
export const browserRenderingQuotasSchema = z.object({
  /** The configured Workers plan; absent when not configured (both plans' limits are shown). */
  plan: browserRenderingPlanSchema.optional(),
  /** Where the limits are documented. */
  source: z.string(),
  /** The documented limits. */
  limits: z.array(browserRenderingLimitSchema),
  /** Sessions open now, from the session list. */
  openSessions: z.number().int().nonnegative(),
  /** Sessions started today (UTC), from the session list. */
  sessionsStartedToday: z.number().int().nonnegative(),
  /** Sessions read; when `complete` is false the counts are lower bounds (call budget). */
  sessionsRead: z.number().int().nonnegative(),
  /** Whether the whole session list was read. */
  complete: z.boolean(),
});

/**
 * Browser Rendering quotas (see {@link browserRenderingQuotasSchema}).
 *
 * @public
 */
export type BrowserRenderingQuotas = z.output<
  typeof browserRenderingQuotasSchema
>;

/**
 * Query of the pools route: Cloudflare's `limit` (1-100, default 50) and the offset where the
 * previous page ended (`cursor`).
 *
 * @public
 */
export const browserSessionsQuerySchema = z.object({
  limit: boundedIntParam(100, 50),
  cursor: z
    .string()
    .regex(/^\d{1,6}$/, 'must be the cursor of a previous page')
    .optional(),
});

/**
 * Routes of the Browser Rendering area (spec section 3.16). Both only read: no browser is
 * launched, no session closed or focused, no Quick Action run, no session URL returned.
 *
 * @public
 */
export const browserRenderingRoutes = {
  pools: defineRoute({
    id: 'browserRendering.pools',
    area: 'browserRendering',
    path: '/v1/browser-rendering/pools',
    description:
      'Browser Rendering sessions, newest first: open or ended, age, close reason (never a session URL); Cloudflare offset paging.',
    params: z.object({}),
    query: browserSessionsQuerySchema,
    shape: 'list',
    wire: defineWireType({
      name: 'BrowserSession',
      schema: browserSessionSchema,
      sensitive: [],
    }),
  }),
  quotas: defineRoute({
    id: 'browserRendering.quotas',
    area: 'browserRendering',
    path: '/v1/browser-rendering/quotas',
    description:
      "Browser Rendering limits as Cloudflare documents them for the configured plan, with today's open and started sessions (browser time: no API).",
    params: z.object({}),
    query: z.object({}),
    shape: 'item',
    wire: defineWireType({
      name: 'BrowserRenderingQuotas',
      schema: browserRenderingQuotasSchema,
      sensitive: [],
    }),
  }),
};
