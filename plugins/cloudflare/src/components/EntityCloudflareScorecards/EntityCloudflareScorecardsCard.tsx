import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { EntityScorecards } from './EntityScorecards';
import { ScorecardRollups } from './ScorecardRollups';
import { RefreshTiming } from './useScorecardRefresh';

/** The card's body for the entity's kind (exported for tests: `timing` shortens the refresh waits). */
export function EntityCloudflareScorecardsBody(props: {
  timing?: RefreshTiming;
}) {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  switch (entity.kind.toLocaleLowerCase('en-US')) {
    case 'group':
      return <ScorecardRollups entityRef={entityRef} relation="ownedBy" />;
    case 'system':
      return <ScorecardRollups entityRef={entityRef} relation="partOf" />;
    default:
      return <EntityScorecards entityRef={entityRef} timing={props.timing} />;
  }
}

/**
 * The SOC 2 scorecards of the current entity: for a Cloudflare Resource or a Component, its checks
 * grouped by scorecard with a Refresh button; for a Group (what it owns) or a System (its parts),
 * each scorecard rolled up over those entities.
 *
 * @public
 */
export function EntityCloudflareScorecardsCard() {
  return (
    <InfoCard title="Cloudflare SOC 2 scorecards">
      <EntityCloudflareScorecardsBody />
    </InfoCard>
  );
}
