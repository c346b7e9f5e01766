import {
  EmptyState,
  InfoCard,
  Progress,
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import {
  CLOUDFLARE_SCORECARD_CHECK_IDS,
  cloudflareScorecardApiRef,
} from '../../api';
import { ErrorState } from '../shared/errors';
import { CheckSummary, summarizeChecks } from './scorecards';

function CheckRow(props: { summary: CheckSummary }) {
  const { check, evaluated, passed, failed } = props.summary;
  let status: JSX.Element;
  if (evaluated === 0) {
    status = <StatusWarning>no data</StatusWarning>;
  } else if (failed.length === 0) {
    status = <StatusOK>pass</StatusOK>;
  } else {
    status = <StatusError>fail</StatusError>;
  }
  return (
    <ListItem
      divider
      alignItems="flex-start"
      style={{ display: 'block' }}
      data-testid={`check-${check.id}`}
    >
      <Typography variant="subtitle1">
        {status} {check.name}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {check.description}
      </Typography>
      <Typography variant="body2">
        {evaluated === 0
          ? 'No entity has facts for this check yet; the fact retrievers run hourly.'
          : `${passed.length} of ${evaluated} entities pass.`}
      </Typography>
      {failed.length > 0 && (
        <List dense disablePadding>
          {failed.map(f => (
            <ListItem
              key={f.entity}
              disableGutters
              style={{ display: 'block' }}
            >
              <EntityRefLink entityRef={f.entity} />
              <Typography variant="body2" component="span">
                {' '}
                — {f.reason}
              </Typography>
            </ListItem>
          ))}
        </List>
      )}
      {failed.length === 0 && passed.length > 0 && (
        <Typography variant="caption" color="textSecondary">
          Concerns:{' '}
          {passed.map((ref, i) => (
            <span key={ref}>
              {i > 0 && ', '}
              <EntityRefLink entityRef={ref} hideIcon />
            </span>
          ))}
        </Typography>
      )}
    </ListItem>
  );
}

/**
 * The suite's SOC 2 checks run through the Tech Insights REST API for the given entities.
 */
export function ScorecardsSection(props: { entityRefs: string[] }) {
  const api = useApi(cloudflareScorecardApiRef);
  const { entityRefs } = props;
  const state = useAsync(async () => {
    const all = await api.getChecks();
    const wanted: readonly string[] = CLOUDFLARE_SCORECARD_CHECK_IDS;
    const checks = all.filter(c => wanted.includes(c.id));
    const missing = CLOUDFLARE_SCORECARD_CHECK_IDS.filter(
      id => !checks.some(c => c.id === id),
    );
    if (checks.length === 0 || entityRefs.length === 0) {
      return { summaries: [], missing };
    }
    const runs = await api.runBulkChecks(
      entityRefs,
      checks.map(c => c.id),
    );
    return { summaries: summarizeChecks(checks, runs), missing };
  }, [api, entityRefs.join(',')]);

  let body: JSX.Element;
  if (state.loading) {
    body = <Progress />;
  } else if (state.error) {
    body = (
      <ErrorState
        error={state.error}
        permission="tech-insights"
        permissionDescription="to read and run Tech Insights checks"
      />
    );
  } else if (entityRefs.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title="No Cloudflare entities in the catalog yet"
        description="Enable the Cloudflare entity provider and annotate Components with cloudflare.com/<area> to get scorecards."
      />
    );
  } else {
    const { summaries, missing } = state.value!;
    body = (
      <>
        {summaries.length > 0 && (
          <List disablePadding>
            {summaries.map(s => (
              <CheckRow key={s.check.id} summary={s} />
            ))}
          </List>
        )}
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
