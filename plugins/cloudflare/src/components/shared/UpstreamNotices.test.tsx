import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { responseError } from '../../testUtils';
import { StaleNotice, UpstreamUnavailable } from './UpstreamNotices';

const NOW = Date.parse('2026-12-05T04:00:00.000Z');

describe('StaleNotice', () => {
  it('says Cloudflare was unreachable and how old the data is', async () => {
    await renderInTestApp(
      <StaleNotice fetchedAt="2026-12-05T03:48:00.000Z" now={NOW} />,
    );
    // WarningPanel prefixes its severity.
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Warning: Cloudflare could not be reached: showing data read 12 minutes ago',
    );
    expect(screen.getByText('2026-12-05 03:48:00 UTC')).toHaveAttribute(
      'datetime',
      '2026-12-05T03:48:00.000Z',
    );
  });
});

describe('UpstreamUnavailable', () => {
  it('says when to retry, from Retry-After', async () => {
    const error = await responseError(
      503,
      'ServiceUnavailableError',
      'Cloudflare is unavailable while reading Worker script acme-api',
      { 'Retry-After': '30' },
    );
    await renderInTestApp(<UpstreamUnavailable error={error} now={NOW} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Error: Cloudflare could not be reached, and there is no earlier answer to show',
    );
    expect(screen.getByTestId('cloudflare-retry-after')).toHaveTextContent(
      'Try again in 30 seconds (after 2026-12-05 04:00:30 UTC).',
    );
    expect(
      screen.getByText(
        'Cloudflare is unavailable while reading Worker script acme-api',
      ),
    ).toBeInTheDocument();
  });

  it('still says to retry without Retry-After', async () => {
    const error = await responseError(503, 'ServiceUnavailableError', 'down');
    await renderInTestApp(<UpstreamUnavailable error={error} now={NOW} />);
    expect(screen.getByTestId('cloudflare-retry-after')).toHaveTextContent(
      'Try again in a minute.',
    );
  });
});
