import { Entity } from '@backstage/catalog-model';
import {
  BrowserSession,
  browserRenderingRoutes,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { ShortId } from './cells';
import { TimeCell } from '../components/shared/time';
import { defineCloudflareCard } from './types';
import { humanDuration } from './workflows';

/**
 * Concurrent browsers Cloudflare documents per Workers plan
 * (https://developers.cloudflare.com/browser-rendering/limits/); no API gives them.
 */
const CONCURRENT_BROWSERS = { free: 3, paid: 120 } as const;

const PLAN_TITLE = { free: 'Workers Free', paid: 'Workers Paid' } as const;

/** `Open`, or `Ended: BrowserIdle (1011)`. */
export function sessionStatus(s: BrowserSession): string {
  if (s.open) return 'Open';
  const reason = s.closeReasonText ?? 'no reason given';
  return `Ended: ${reason}${
    s.closeReason === undefined ? '' : ` (${s.closeReason})`
  }`;
}

/** The configured plan, from the account's Browser Rendering `Resource` entity. */
function planOf(resource: Entity | undefined): 'free' | 'paid' | undefined {
  const plan = (resource?.spec?.parameters as { plan?: unknown } | undefined)
    ?.plan;
  return plan === 'free' || plan === 'paid' ? plan : undefined;
}

/** `2 sessions open now of 120 concurrent browsers on Workers Paid (documented limit). ...` */
export function browserSessionsSummary(
  sessions: BrowserSession[],
  resource?: Entity,
): string {
  const open = sessions.filter(s => s.open).length;
  const plan = planOf(resource);
  const limit = plan
    ? ` of ${CONCURRENT_BROWSERS[plan]} concurrent browsers on ${PLAN_TITLE[plan]} (documented limit)`
    : ' (plan not configured: 3 concurrent browsers on Workers Free, 120 on Workers Paid)';
  return `${open} ${
    open === 1 ? 'session' : 'sessions'
  } open now${limit}. Browser time used today: no API, see the dashboard. Session URLs are never read out.`;
}

/**
 * Browser Rendering (Browser Run) of the account: its newest DevTools sessions (open or ended, age,
 * close reason) and the sessions open now against the plan's documented concurrency limit. One
 * Resource per account (`cloudflare.com/browser-rendering: acme-browser`); session URLs are never
 * part of the answer.
 *
 * @public
 */
export const browserRenderingCard = defineCloudflareCard({
  route: browserRenderingRoutes.pools,
  title: 'Browser Rendering sessions',
  params: () => ({}),
  rowKey: s => s.sessionId,
  columns: [
    { title: 'Session', render: s => <ShortId value={s.sessionId} /> },
    { title: 'Status', render: sessionStatus },
    { title: 'Started', render: s => <TimeCell iso={s.startedAt} /> },
    {
      title: 'Age',
      render: s => humanDuration(s.ageSeconds * 1000),
    },
  ],
  empty: {
    title: 'No Browser Rendering sessions',
    description:
      'Cloudflare lists no recent browser session for this account: none was launched lately.',
  },
  summary: browserSessionsSummary,
});
