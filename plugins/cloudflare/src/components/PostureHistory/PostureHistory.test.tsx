import { screen } from '@testing-library/react';
import { responseError } from '../../testUtils';
import {
  postureScorecardApi,
  renderPosture,
} from '../CloudflarePosturePage/__testUtils__/renderPosturePage';
import { twoDays } from './__fixtures__/history';
import { PostureHistory } from './PostureHistory';

const points = () =>
  [
    ...screen
      .getByTestId('posture-history-points')
      .querySelectorAll('tbody tr'),
  ].map(tr => ({
    date: tr.getAttribute('data-date'),
    scorecard: tr.getAttribute('data-scorecard'),
    passed: Number(tr.getAttribute('data-passed')),
    evaluated: Number(tr.getAttribute('data-evaluated')),
  }));

// jsdom has no ResizeObserver, which recharts' ResponsiveContainer watches its size with.
beforeAll(() => {
  (global as any).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

describe('PostureHistory', () => {
  it('lists each day and scorecard with results (n of m) and says when the history starts', async () => {
    const scorecards = postureScorecardApi();
    scorecards.getHistory.mockResolvedValue(twoDays);
    await renderPosture(<PostureHistory />, { scorecards });

    expect(await screen.findByText('Posture history')).toBeInTheDocument();
    expect(points()).toEqual([
      {
        date: '2026-12-04',
        scorecard: 'access-hygiene',
        passed: 1,
        evaluated: 4,
      },
      { date: '2026-12-04', scorecard: 'coverage', passed: 3, evaluated: 4 },
      {
        date: '2026-12-05',
        scorecard: 'access-hygiene',
        passed: 3,
        evaluated: 4,
      },
      {
        date: '2026-12-05',
        scorecard: 'ai-governance',
        passed: 2,
        evaluated: 2,
      },
      { date: '2026-12-05', scorecard: 'coverage', passed: 3, evaluated: 4 },
    ]);
    expect(screen.getByTestId('posture-history-start')).toHaveTextContent(
      'History starts 2026-12-04.',
    );
    expect(scorecards.getHistory).toHaveBeenCalledWith({
      days: 180,
      entityRefs: undefined,
    });
  });

  it("asks for the given entities' history only, and says so when there is one day", async () => {
    const scorecards = postureScorecardApi();
    scorecards.getHistory.mockResolvedValue({
      days: [twoDays.days[1]],
      truncated: false,
    });
    const refs = ['component:default/acme-api', 'resource:default/cf-r2-x'];
    await renderPosture(
      <PostureHistory
        entityRefs={refs}
        title="Posture history of what it owns"
      />,
      { scorecards },
    );
    expect(
      await screen.findByTestId('posture-history-start'),
    ).toHaveTextContent('History starts 2026-12-05 (one day so far).');
    expect(scorecards.getHistory).toHaveBeenCalledWith({
      days: 180,
      entityRefs: refs,
    });
  });

  it('says in words that there is no history yet', async () => {
    await renderPosture(<PostureHistory />);
    expect(
      await screen.findByText('No posture history yet'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('posture-history-points')).toBeNull();
  });

  it('names the permission when Tech Insights denies the facts', async () => {
    const scorecards = postureScorecardApi();
    scorecards.getHistory.mockRejectedValue(
      await responseError(
        403,
        'NotAllowedError',
        'Not allowed to read Tech Insights facts',
      ),
    );
    await renderPosture(<PostureHistory />, { scorecards });
    expect(
      await screen.findByText(/to read Tech Insights facts/),
    ).toBeInTheDocument();
  });
});
