import { StatusError, StatusOK } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { CLOUDFLARE_SOC2_CRITERIA } from '@cloudflare-backstage/plugin-cloudflare-common';
import LinearProgress from '@material-ui/core/LinearProgress';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { RemediationLink } from '../CloudflareRemediationPage';
import { EntityScorecard, ScorecardRollup } from './grouping';

/** One entity's results of one scorecard: pass or fail, criterion, the reason and remediation. */
export function EntityScorecardSection(props: { group: EntityScorecard }) {
  const { scorecard, outcomes } = props.group;
  return (
    <section data-testid={`scorecard-${scorecard.id}`}>
      <Typography variant="h6" component="h3">
        {scorecard.title}
      </Typography>
      <List dense disablePadding>
        {outcomes.map(o => (
          <ListItem
            key={o.check.id}
            divider
            style={{ display: 'block' }}
            data-testid={`check-${o.check.id}`}
          >
            <Typography variant="body1">
              {o.passed ? (
                <StatusOK>pass</StatusOK>
              ) : (
                <StatusError>fail</StatusError>
              )}{' '}
              {o.name}
            </Typography>
            <Typography variant="caption" color="textSecondary">
              {o.check.criterion} {CLOUDFLARE_SOC2_CRITERIA[o.check.criterion]}
            </Typography>
            {!o.passed && (
              <Typography variant="body2">
                {o.reason} <RemediationLink checkId={o.check.id} />
              </Typography>
            )}
          </ListItem>
        ))}
      </List>
    </section>
  );
}

/** One scorecard over a Group's or System's entities: counts, pass-rate bar, failing entities. */
export function ScorecardRollupSection(props: { rollup: ScorecardRollup }) {
  const { scorecard, evaluated, passing, failing } = props.rollup;
  const rate = Math.round((passing / evaluated) * 100);
  return (
    <section data-testid={`rollup-${scorecard.id}`}>
      <Typography variant="h6" component="h3">
        {scorecard.title}
      </Typography>
      <Typography variant="body2" data-testid={`rollup-${scorecard.id}-counts`}>
        {evaluated} evaluated, {passing} passing, {failing.length} failing (
        {rate}% pass)
      </Typography>
      <LinearProgress
        variant="determinate"
        value={rate}
        aria-label={`${scorecard.title} pass rate`}
      />
      {failing.length > 0 && (
        <List dense disablePadding>
          {failing.map(f => (
            <ListItem
              key={f.entityRef}
              disableGutters
              style={{ display: 'block' }}
              data-testid={`failing-${f.entityRef}`}
            >
              <EntityRefLink entityRef={f.entityRef} />
              {f.failed.map(c => (
                <Typography key={c.checkId} variant="body2">
                  <StatusError>{c.name}</StatusError> {c.reason}{' '}
                  <RemediationLink checkId={c.checkId} />
                </Typography>
              ))}
            </ListItem>
          ))}
        </List>
      )}
    </section>
  );
}
