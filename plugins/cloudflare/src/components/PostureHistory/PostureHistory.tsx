import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { CLOUDFLARE_SCORECARDS } from '@cloudflare-backstage/plugin-cloudflare-common';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import useAsync from 'react-use/esm/useAsync';
import { cloudflareScorecardApiRef, ScorecardHistoryDay } from '../../api';
import { ErrorState } from '../shared/errors';

/** The days the history covers. */
export const HISTORY_DAYS = 180;

const useStyles = makeStyles({
  hidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

const pct = (passed: number, evaluated: number) =>
  evaluated > 0 ? Math.round((passed / evaluated) * 1000) / 10 : undefined;

/** The chart's rows: per day, each scorecard's pass rate in percent (none without results). */
function chartRows(days: ScorecardHistoryDay[]) {
  return days.map(day => ({
    date: day.date,
    ...Object.fromEntries(
      CLOUDFLARE_SCORECARDS.map(s => {
        const p = day.scorecards[s.id];
        return [s.id, p ? pct(p.passed, p.evaluated) : undefined];
      }),
    ),
  }));
}

/** The points as a table for screen readers and tests: one row per day and scorecard with results. */
function PointsTable(props: { days: ScorecardHistoryDay[] }) {
  const classes = useStyles();
  return (
    <table className={classes.hidden} data-testid="posture-history-points">
      <caption>Pass rate per day and scorecard</caption>
      <thead>
        <tr>
          <th>Date</th>
          <th>Scorecard</th>
          <th>Passed</th>
          <th>Evaluated</th>
        </tr>
      </thead>
      <tbody>
        {props.days.flatMap(day =>
          CLOUDFLARE_SCORECARDS.filter(
            s => (day.scorecards[s.id]?.evaluated ?? 0) > 0,
          ).map(s => (
            <tr
              key={`${day.date}-${s.id}`}
              data-date={day.date}
              data-scorecard={s.id}
              data-passed={day.scorecards[s.id].passed}
              data-evaluated={day.scorecards[s.id].evaluated}
            >
              <td>{day.date}</td>
              <td>{s.title}</td>
              <td>{day.scorecards[s.id].passed}</td>
              <td>{day.scorecards[s.id].evaluated}</td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}

/**
 * Each scorecard's pass rate over the last 180 days, one line per scorecard, from the facts Tech
 * Insights keeps; `entityRefs` limits it to those entities (a Group's own).
 */
export function PostureHistory(props: {
  entityRefs?: string[];
  title?: string;
}) {
  const { entityRefs, title = 'Posture history' } = props;
  const api = useApi(cloudflareScorecardApiRef);
  const theme = useTheme();
  const key = entityRefs?.join(',');
  const state = useAsync(
    () => api.getHistory({ days: HISTORY_DAYS, entityRefs }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key],
  );
  const colors = [
    theme.palette.primary.main,
    theme.palette.secondary.main,
    theme.palette.success?.main ?? '#2e7d32',
    theme.palette.warning?.main ?? '#ed6c02',
    theme.palette.info?.main ?? '#0288d1',
    theme.palette.error.main,
  ];

  let body: JSX.Element;
  if (state.loading) {
    body = <Progress />;
  } else if (state.error) {
    body = (
      <ErrorState
        error={state.error}
        permission="tech-insights"
        permissionDescription="to read Tech Insights facts"
      />
    );
  } else if (state.value!.days.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title="No posture history yet"
        description="Tech Insights keeps no facts of the Cloudflare checks for the last 180 days yet: the history starts with the fact retrievers' first run."
      />
    );
  } else {
    const { days, truncated } = state.value!;
    body = (
      <div data-testid="posture-history">
        <ResponsiveContainer width="100%" height={280}>
          <LineChart data={chartRows(days)}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="date" />
            <YAxis domain={[0, 100]} unit="%" />
            <Tooltip
              formatter={(value: number, _name: string, item: any) => {
                const day = days.find(d => d.date === item.payload.date);
                const p = day?.scorecards[item.dataKey as string];
                return p ? `${value}% (${p.passed} of ${p.evaluated})` : value;
              }}
            />
            <Legend />
            {CLOUDFLARE_SCORECARDS.map((s, i) => (
              <Line
                key={s.id}
                type="monotone"
                dataKey={s.id}
                name={s.title}
                stroke={colors[i % colors.length]}
                dot
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
        <PointsTable days={days} />
        <Typography
          variant="caption"
          color="textSecondary"
          data-testid="posture-history-start"
        >
          History starts {days[0].date}
          {days.length === 1 ? ' (one day so far)' : ''}
          {truncated ? '; the oldest day shown is partial' : ''}.
        </Typography>
      </div>
    );
  }
  return <InfoCard title={title}>{body}</InfoCard>;
}
