import { EmptyState, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { useCallback, useEffect, useMemo } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { cloudflareScorecardApiRef } from '../../api';
import { ErrorState } from '../shared/errors';
import { absoluteTime } from '../shared/time';
import { groupByScorecard, packCheckIds } from './grouping';
import { EntityScorecardSection } from './ScorecardViews';
import {
  DEFAULT_REFRESH_TIMING,
  RefreshState,
  RefreshTiming,
  useScorecardRefresh,
} from './useScorecardRefresh';

function RefreshStatus(props: { state: RefreshState; timeoutMs: number }) {
  const { state } = props;
  switch (state.status) {
    case 'waiting':
      return (
        <Box my={1} data-testid="scorecards-refreshing">
          <Typography variant="body2">
            Refreshing: waiting for {state.pending} of {state.retrievers.length}{' '}
            fact retrievers to report new facts…
          </Typography>
          <LinearProgress />
        </Box>
      );
    case 'done':
      return (
        <Typography variant="body2" data-testid="scorecards-refreshed">
          Refreshed at {absoluteTime(state.refreshedAt)}
        </Typography>
      );
    case 'denied':
      return (
        <Typography variant="body2" color="error" role="alert">
          Refresh denied: you may not run Tech Insights checks. Ask your
          Backstage administrator for the permission.
        </Typography>
      );
    case 'timeout':
      return (
        <Typography variant="body2" color="error" role="alert">
          The facts did not update within {Math.round(props.timeoutMs / 1000)}{' '}
          seconds (still waiting for {state.pending.join(', ')}); the results
          below are the previous ones. Try again later.
        </Typography>
      );
    case 'error':
      return (
        <ResponseErrorPanel
          error={state.error}
          title={`Refresh failed: ${state.error.message}`}
        />
      );
    default:
      return null;
  }
}

/**
 * The pack's checks for one Resource or Component, grouped by scorecard, with a Refresh button that
 * re-collects the entity's facts and re-runs its checks.
 */
export function EntityScorecards(props: {
  entityRef: string;
  timing?: RefreshTiming;
}) {
  const { entityRef } = props;
  const timing = props.timing ?? DEFAULT_REFRESH_TIMING;
  const api = useApi(cloudflareScorecardApiRef);
  const [run, doRun] = useAsyncFn(
    async () => {
      const ids = await packCheckIds(api);
      return ids.length ? api.runChecks(entityRef, ids) : [];
    },
    [api, entityRef],
    { loading: true },
  );
  useEffect(() => {
    doRun();
  }, [doRun]);
  const rerun = useCallback(async () => {
    await doRun();
  }, [doRun]);
  const { state, refresh } = useScorecardRefresh(entityRef, rerun, timing);
  const groups = useMemo(() => groupByScorecard(run.value ?? []), [run.value]);

  let body: JSX.Element;
  if (run.error) {
    body = (
      <ErrorState
        error={run.error}
        permission="tech-insights"
        permissionDescription="to read and run Tech Insights checks"
      />
    );
  } else if (!run.value) {
    body = <LinearProgress />;
  } else if (groups.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title="No Cloudflare check results for this entity"
        description="None of the SOC 2 checks has facts about this entity yet: the fact retrievers run hourly, or press Refresh to collect them now."
      />
    );
  } else {
    body = (
      <>
        {groups.map(g => (
          <EntityScorecardSection key={g.scorecard.id} group={g} />
        ))}
      </>
    );
  }
  return (
    <>
      <Box display="flex" justifyContent="flex-end">
        <Button
          variant="outlined"
          size="small"
          onClick={refresh}
          disabled={state.status === 'waiting' || run.loading}
        >
          Refresh
        </Button>
      </Box>
      <RefreshStatus state={state} timeoutMs={timing.timeoutMs} />
      {body}
    </>
  );
}
