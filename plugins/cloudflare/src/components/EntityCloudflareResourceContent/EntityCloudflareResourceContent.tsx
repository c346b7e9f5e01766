import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { areaOfResource, cloudflareNameOfResource } from '../../conditions';
import { AREA_CARDS } from '../areaCards';
import { ResourceParametersCard } from '../ResourceParametersCard';

/**
 * Content of a suite `Resource` entity (`spec.type` `cloudflare-*`): its parameters and, for Workers and
 * Pages, its deployments.
 *
 * @public
 */
export function EntityCloudflareResourceContent() {
  const { entity } = useEntity();
  const area = areaOfResource(entity);
  const Card = area ? AREA_CARDS[area.id] : undefined;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={Card ? 4 : 12}>
        <ResourceParametersCard />
      </Grid>
      {Card && (
        <Grid item xs={12} md={8}>
          <Card name={cloudflareNameOfResource(entity)} />
        </Grid>
      )}
    </Grid>
  );
}
