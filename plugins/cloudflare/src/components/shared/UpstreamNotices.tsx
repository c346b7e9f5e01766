import { WarningPanel } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { absoluteTime, relativeTime } from './time';
import { retryAfterSecondsOf } from './upstream';

/**
 * The notice over data the backend served from its cache because Cloudflare could not be reached
 * (`stale: true` in the envelope): how old the data is, from the envelope's `fetchedAt`.
 */
export function StaleNotice(props: { fetchedAt: string; now?: number }) {
  const { fetchedAt } = props;
  const age = relativeTime(fetchedAt, props.now);
  return (
    <div data-testid="cloudflare-stale">
      <WarningPanel
        severity="warning"
        title={`Cloudflare could not be reached: showing data read ${age}`}
      >
        <Typography variant="body2">
          This is what Cloudflare answered at{' '}
          <time dateTime={fetchedAt}>{absoluteTime(fetchedAt)}</time>; it may
          have changed since. The page shows fresh data again once Cloudflare
          answers.
        </Typography>
      </WarningPanel>
    </div>
  );
}

/** `in 30 seconds`, `in 5 minutes`. */
function waitInWords(seconds: number, now: number): string {
  return relativeTime(new Date(now + seconds * 1000).toISOString(), now);
}

/**
 * The state of a read that failed with 503: Cloudflare could not be reached and the backend had
 * no earlier answer to show; when to try again, from `Retry-After`.
 */
export function UpstreamUnavailable(props: { error: Error; now?: number }) {
  const now = props.now ?? Date.now();
  const seconds = retryAfterSecondsOf(props.error, now);
  // The backend's own words (a ResponseError's message is only "Request failed with 503 ...").
  const detail =
    (props.error as { body?: { error?: { message?: string } } }).body?.error
      ?.message ?? props.error.message;
  const when =
    seconds === undefined
      ? 'Try again in a minute.'
      : `Try again ${waitInWords(seconds, now)} (after ${absoluteTime(
          new Date(now + seconds * 1000).toISOString(),
        )}).`;
  return (
    <div data-testid="cloudflare-unavailable">
      <WarningPanel
        severity="error"
        title="Cloudflare could not be reached, and there is no earlier answer to show"
        defaultExpanded
      >
        <Typography variant="body2" data-testid="cloudflare-retry-after">
          {when}
        </Typography>
        {detail && (
          <Typography variant="caption" color="textSecondary" component="p">
            {detail}
          </Typography>
        )}
      </WarningPanel>
    </div>
  );
}
