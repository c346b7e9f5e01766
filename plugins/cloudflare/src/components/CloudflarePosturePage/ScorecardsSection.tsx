import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import List from '@material-ui/core/List';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { CheckRow } from './CheckRow';
import { percent, ScorecardRate } from './scorecards';
import { ScorecardResultsState } from './useScorecardResults';

const useStyles = makeStyles(theme => ({
  scorecard: { marginBottom: theme.spacing(3) },
}));

function ScorecardDetails(props: { rate: ScorecardRate }) {
  const classes = useStyles();
  const { scorecard, checks, passed, total, rate } = props.rate;
  return (
    <section
      className={classes.scorecard}
      data-testid={`scorecard-${scorecard.id}`}
    >
      <Typography variant="h6">
        {scorecard.title}
        <Typography variant="body2" component="span" color="textSecondary">
          {' '}
          —{' '}
          {rate === undefined
            ? 'no results yet'
            : `${passed} of ${total} pass (${percent(rate)})`}
        </Typography>
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {scorecard.summary}
      </Typography>
      {checks.length === 0 ? (
        <Typography variant="body2">
          None of its checks is configured in Tech Insights.
        </Typography>
      ) : (
        <List disablePadding>
          {checks.map(({ summary, criterion }) => (
            <CheckRow
              key={summary.check.id}
              summary={summary}
              criterion={criterion}
            />
          ))}
        </List>
      )}
    </section>
  );
}

/**
 * The SOC 2 pack's checks per scorecard: each scorecard's summary, then each check with its
 * criterion, status, failing entities and the reason in words, and a remediation link on failure.
 */
export function ScorecardsSection(props: {
  hasEntities: boolean;
  checks: ScorecardResultsState;
}) {
  const { loading, error, value: results } = props.checks;
  let body: JSX.Element;
  if (error) {
    body = (
      <Typography variant="body2" color="error">
        The checks could not be run: {error.message}
      </Typography>
    );
  } else if (loading || !results) {
    body = <Progress />;
  } else if (!props.hasEntities) {
    body = (
      <EmptyState
        missing="data"
        title="No Cloudflare entities in the catalog yet"
        description="Enable the Cloudflare entity provider and annotate Components with cloudflare.com/<area> to get scorecards."
      />
    );
  } else {
    const { rates, missing } = results;
    body = (
      <>
        {rates.map(r => (
          <ScorecardDetails key={r.scorecard.id} rate={r} />
        ))}
        {missing.length > 0 && (
          <Typography variant="body2" color="textSecondary">
            Not configured in Tech Insights: {missing.join(', ')}. Add the
            Cloudflare Tech Insights module and its checks under{' '}
            <code>techInsights.factChecker.checks</code>.
          </Typography>
        )}
      </>
    );
  }
  return (
    <InfoCard title="SOC 2 scorecards" subheader="Tech Insights checks">
      {body}
    </InfoCard>
  );
}
