import { useApi } from '@backstage/core-plugin-api';
import { CLOUDFLARE_CHECK_IDS } from '@cloudflare-backstage/plugin-cloudflare-common';
import useAsync from 'react-use/esm/useAsync';
import { cloudflareScorecardApiRef } from '../../api';
import {
  ResultCounts,
  ScorecardRate,
  scorecardRates,
  summarizeChecks,
} from './scorecards';

/** The SOC 2 pack's checks over the catalog's entities, run once for the bars and the details. */
export interface ScorecardResults {
  /** Every scorecard in table order, with the summaries of its checks. */
  rates: ScorecardRate[];
  /** Checks of the pack that Tech Insights does not list. */
  missing: string[];
}

/** The one bulk run's state, which the bars and the details both render. */
export interface ScorecardResultsState {
  loading: boolean;
  error?: Error;
  value?: ScorecardResults;
}

/**
 * Lists Tech Insights' checks and runs the pack's checks in one bulk request for `entityRefs`; the
 * results of each check count over its population (`counts`). Pass both memoized: a new array or
 * function runs the checks again.
 */
export function useScorecardResults(
  entityRefs: string[],
  counts: ResultCounts,
) {
  const api = useApi(cloudflareScorecardApiRef);
  return useAsync(async (): Promise<ScorecardResults> => {
    const all = await api.getChecks();
    const checks = all.filter(c => CLOUDFLARE_CHECK_IDS.includes(c.id));
    const missing = CLOUDFLARE_CHECK_IDS.filter(
      id => !checks.some(c => c.id === id),
    );
    const runs =
      checks.length === 0 || entityRefs.length === 0
        ? []
        : await api.runBulkChecks(
            entityRefs,
            checks.map(c => c.id),
          );
    return {
      rates: scorecardRates(summarizeChecks(checks, runs, counts)),
      missing,
    };
  }, [api, entityRefs, counts]);
}
