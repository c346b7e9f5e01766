import { Entity } from '@backstage/catalog-model';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { zeroTrustUsers } from '../../../__fixtures__/envelopes';
import {
  postureAcceptance,
  postureChecks,
  postureComponents,
  postureResources,
  postureRuns,
} from '../../../__fixtures__/posture';
import {
  CloudflareApi,
  cloudflareApiRef,
  cloudflareScorecardApiRef,
  ScorecardApi,
} from '../../../api';
import { catalogIndexRouteRef, rootRouteRef } from '../../../routes';
import { answerReads, mockCloudflareApi } from '../../../testUtils';

/**
 * A catalog holding the posture fixtures' Components and Resources (or `resources`), or failing
 * with `fail`.
 */
export function postureCatalogApi(
  fail?: Error,
  resources: Entity[] = postureResources,
) {
  return {
    getEntities: jest.fn(async (req: any) => {
      if (fail) throw fail;
      return {
        items: req.filter.kind === 'component' ? postureComponents : resources,
      };
    }),
  };
}

/** Tech Insights listing the fixtures' checks and answering the bulk run with their results. */
export function postureScorecardApi(): jest.Mocked<ScorecardApi> {
  const api = {
    getChecks: jest.fn(),
    runChecks: jest.fn(),
    getLatestFacts: jest.fn(),
    runBulkChecks: jest.fn(),
    refresh: jest.fn(),
    getHistory: jest.fn().mockResolvedValue({ days: [], truncated: false }),
  } as jest.Mocked<ScorecardApi>;
  api.getChecks.mockResolvedValue(postureChecks);
  api.runBulkChecks.mockResolvedValue(postureRuns);
  return api;
}

/** The suite's API with no evidence yet, the Zero Trust users and the acceptance figures. */
export function postureCloudflareApi(): jest.Mocked<CloudflareApi> {
  const api = mockCloudflareApi();
  api.listEvidence.mockResolvedValue({ items: [] });
  api.getAcceptance.mockResolvedValue(postureAcceptance);
  answerReads(api, { 'zeroTrust.users': zeroTrustUsers });
  return api;
}

/** Renders `element` (the posture page or one of its sections) in a test app with these APIs. */
export async function renderPosture(
  element: JSX.Element,
  apis: {
    catalog?: ReturnType<typeof postureCatalogApi>;
    scorecards?: ScorecardApi;
    cloudflare?: CloudflareApi;
    /** Where the app mounts the catalog index (unbound: the links fall back to `/catalog`). */
    catalogIndexPath?: string;
    /** The page's URL, e.g. `/?account=acc-b` (default `/`). */
    url?: string;
  } = {},
) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [catalogApiRef, apis.catalog ?? postureCatalogApi()],
        [cloudflareScorecardApiRef, apis.scorecards ?? postureScorecardApi()],
        [cloudflareApiRef, apis.cloudflare ?? postureCloudflareApi()],
      ]}
    >
      {element}
    </TestApiProvider>,
    {
      ...(apis.url ? { routeEntries: [apis.url] } : {}),
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/cloudflare': rootRouteRef,
        ...(apis.catalogIndexPath
          ? { [apis.catalogIndexPath]: catalogIndexRouteRef }
          : {}),
      },
    },
  );
}
