import { InfoCard, Progress } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ErrorState } from '../shared/errors';
import { PassRateBar } from './PassRateBar';
import { percent, ScorecardRate } from './scorecards';
import { ScorecardResultsState } from './useScorecardResults';

const useStyles = makeStyles(theme => ({
  row: { marginBottom: theme.spacing(2) },
  heading: { display: 'flex', justifyContent: 'space-between' },
}));

function ScorecardBar(props: { rate: ScorecardRate }) {
  const classes = useStyles();
  const { scorecard, passed, total, rate, target } = props.rate;
  const population = scorecard.productionComponentsOnly
    ? 'production Components'
    : 'results';
  return (
    <div className={classes.row} data-testid={`scorecard-bar-${scorecard.id}`}>
      <div className={classes.heading}>
        <Typography variant="subtitle2">{scorecard.title}</Typography>
        <Typography variant="body2" data-testid="scorecard-rate">
          {rate === undefined
            ? 'no results yet'
            : `${passed} of ${total} ${population} pass (${percent(rate)})`}
        </Typography>
      </div>
      {rate === undefined ? (
        <Typography variant="caption" color="textSecondary">
          None of its checks has a result yet: Tech Insights lacks them or their
          facts (the fact retrievers run hourly).
        </Typography>
      ) : (
        <PassRateBar
          rate={rate}
          target={target}
          label={`${scorecard.title} pass rate`}
        />
      )}
      {target < 1 && (
        <Typography variant="caption" color="textSecondary">
          Target {percent(target)}
        </Typography>
      )}
    </div>
  );
}

/** One bar per scorecard of the SOC 2 pack: the share of its (entity, check) results that pass. */
export function ScorecardBarsSection(props: { checks: ScorecardResultsState }) {
  const { loading, error, value: results } = props.checks;
  let body: JSX.Element;
  if (error) {
    body = (
      <ErrorState
        error={error}
        permission="tech-insights"
        permissionDescription="to read and run Tech Insights checks"
      />
    );
  } else if (loading || !results) {
    body = <Progress />;
  } else {
    body = (
      <>
        {results.rates.map(r => (
          <ScorecardBar key={r.scorecard.id} rate={r} />
        ))}
      </>
    );
  }
  return (
    <InfoCard
      title="Scorecard pass rates"
      subheader="Share of each SOC 2 scorecard's check results that pass"
    >
      {body}
    </InfoCard>
  );
}
