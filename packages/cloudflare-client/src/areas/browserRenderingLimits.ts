import {
  BrowserRenderingLimit,
  BrowserRenderingPlan,
} from '@cloudflare-backstage/plugin-cloudflare-common';

/**
 * Where Cloudflare documents the Browser Rendering (Browser Run) limits. Cloudflare exposes them
 * through no API; exceeding one answers `429` with `Retry-After`.
 *
 * @public
 */
export const BROWSER_RENDERING_LIMITS_SOURCE =
  'https://developers.cloudflare.com/browser-rendering/limits/';

/** What the quotas route says where Cloudflare exposes no use. */
export const NO_USAGE_API = 'No API: see the dashboard';

/**
 * Browser Rendering limits per Workers plan, as documented at
 * {@link BROWSER_RENDERING_LIMITS_SOURCE} (the reference's section 17). Static: no API gives them.
 *
 * @public
 */
export const BROWSER_RENDERING_LIMITS: ReadonlyArray<
  Pick<BrowserRenderingLimit, 'id' | 'title' | 'free' | 'paid'>
> = [
  {
    id: 'browser-time',
    title: 'Browser time',
    free: '10 minutes a day',
    paid: 'Billed by the hour (no daily cap)',
  },
  {
    id: 'concurrent-browsers',
    title: 'Concurrent browsers',
    free: '3',
    paid: '120',
  },
  {
    id: 'new-browsers',
    title: 'New browsers',
    free: '1 every 20 seconds',
    paid: '1 a second',
  },
  {
    id: 'quick-actions',
    title: 'Quick Actions requests',
    free: '1 every 10 seconds',
    paid: '10 a second',
  },
  {
    id: 'crawl-jobs',
    title: 'Crawl jobs',
    free: '5 a day, 100 pages each',
    paid: 'Not documented as limited',
  },
  {
    id: 'idle-timeout',
    title: 'Idle browser closes after',
    free: '60 seconds (keep_alive up to 10 minutes)',
    paid: '60 seconds (keep_alive up to 10 minutes)',
  },
];

/**
 * Today's use of one limit, where the session list shows it.
 *
 * @public
 */
export interface BrowserRenderingUse {
  /** Sessions open now. */
  openSessions: number;
}

/**
 * The documented limits with the plan's value applied and today's use where an API exposes it:
 * concurrent browsers are the open sessions of the session list; nothing else has an API.
 *
 * @public
 */
export function browserRenderingLimits(
  plan: BrowserRenderingPlan | undefined,
  use: BrowserRenderingUse,
  complete: boolean,
): BrowserRenderingLimit[] {
  return BROWSER_RENDERING_LIMITS.map(limit => {
    const applies = plan ? limit[plan] : undefined;
    if (limit.id === 'concurrent-browsers') {
      return {
        ...limit,
        ...(applies ? { applies } : {}),
        used: use.openSessions,
        usage: complete
          ? 'Open sessions in the DevTools session list'
          : 'Open sessions in the first pages of the DevTools session list (at least)',
      };
    }
    if (limit.id === 'idle-timeout') {
      return {
        ...limit,
        ...(applies ? { applies } : {}),
        usage: 'A setting, not a use',
      };
    }
    return { ...limit, ...(applies ? { applies } : {}), usage: NO_USAGE_API };
  });
}
