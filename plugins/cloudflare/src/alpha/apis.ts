import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  cloudflareApiRef,
  CloudflareApiClient,
  cloudflareScorecardApiRef,
  TechInsightsScorecardClient,
} from '../api';

/**
 * The `/api/cloudflare` client.
 *
 * @alpha
 */
export const cloudflareApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: cloudflareApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new CloudflareApiClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The Tech Insights REST client used by the posture page's scorecards.
 *
 * @alpha
 */
export const cloudflareScorecardApi = ApiBlueprint.make({
  name: 'scorecards',
  params: defineParams =>
    defineParams({
      api: cloudflareScorecardApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new TechInsightsScorecardClient({ discoveryApi, fetchApi }),
    }),
});
