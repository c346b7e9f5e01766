import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { EmptyState } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  CLOUDFLARE_PRODUCTION_COMPONENT_CHECK_IDS,
  isCloudflareResourceEntity,
  isProductionComponent,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { cloudflareScorecardApiRef } from '../../api';
import { PostureHistory } from '../PostureHistory';
import { ErrorState } from '../shared/errors';
import { packCheckIds, rollUpByScorecard } from './grouping';
import { ScorecardRollupSection } from './ScorecardViews';

/** The relation that makes an entity part of the rolled-up one: owned by a Group, part of a System. */
export type RollupRelation = 'ownedBy' | 'partOf';

const ref = (e: Entity) => stringifyEntityRef(e).toLocaleLowerCase('en-US');

/**
 * The pack's checks run for the Cloudflare Resources and the Components that are `relation` of
 * `entityRef`, rolled up per scorecard.
 */
export function ScorecardRollups(props: {
  entityRef: string;
  relation: RollupRelation;
}) {
  const { entityRef, relation } = props;
  const catalogApi = useApi(catalogApiRef);
  const api = useApi(cloudflareScorecardApiRef);
  const state = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: ['resource', 'component'].map(kind => ({
        kind,
        [`relations.${relation}`]: entityRef,
      })),
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'spec.type',
        'spec.lifecycle',
      ],
    });
    const entities = items.filter(
      e =>
        isCloudflareResourceEntity(e) || e.kind.toLowerCase() === 'component',
    );
    const ids = entities.length ? await packCheckIds(api) : [];
    if (!ids.length)
      return { entities: entities.length, refs: [], rollups: [] };
    const runs = await api.runBulkChecks(entities.map(ref), ids);
    // The Coverage checks count production Components only (spec section 6).
    const production = new Set(entities.filter(isProductionComponent).map(ref));
    const counts = (checkId: string, entity: string) =>
      !CLOUDFLARE_PRODUCTION_COMPONENT_CHECK_IDS.has(checkId) ||
      production.has(entity.toLocaleLowerCase('en-US'));
    return {
      entities: entities.length,
      refs: entities.map(ref),
      rollups: rollUpByScorecard(runs, counts),
    };
  }, [catalogApi, api, entityRef, relation]);

  if (state.loading) return <LinearProgress />;
  if (state.error) {
    return (
      <ErrorState
        error={state.error}
        permission="tech-insights"
        permissionDescription="to read and run Tech Insights checks"
      />
    );
  }
  const { entities, refs, rollups } = state.value!;
  const what = relation === 'ownedBy' ? 'owns' : 'has as parts';
  if (rollups.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No Cloudflare check results"
        description={
          entities === 0
            ? `This entity ${what} no Cloudflare Resources or Components.`
            : `None of the ${entities} Cloudflare Resources and Components it ${what} has check results yet: the fact retrievers run hourly.`
        }
      />
    );
  }
  return (
    <>
      <Typography variant="body2" color="textSecondary" paragraph>
        The SOC 2 checks of the {entities} Cloudflare Resources and Components
        this entity {what}, per scorecard.
      </Typography>
      {rollups.map(r => (
        <ScorecardRollupSection key={r.scorecard.id} rollup={r} />
      ))}
      {relation === 'ownedBy' && (
        <PostureHistory
          entityRefs={refs}
          title="Posture history of what it owns"
        />
      )}
    </>
  );
}
