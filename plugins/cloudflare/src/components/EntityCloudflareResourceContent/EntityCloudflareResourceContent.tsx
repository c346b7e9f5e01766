import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { cardOfArea } from '../../cards';
import { areaOfResource, cloudflareNameOfResource } from '../../conditions';
import { CloudflareCard } from '../CloudflareCard';
import { ResourceParametersCard } from '../ResourceParametersCard';

/**
 * Content of a suite `Resource` entity (`spec.type` `cloudflare-*`): its parameters and, when its
 * area has a card, that card for the resource.
 *
 * @public
 */
export function EntityCloudflareResourceContent() {
  const { entity } = useEntity();
  const area = areaOfResource(entity);
  const card = area ? cardOfArea(area.id) : undefined;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={card ? 4 : 12}>
        <ResourceParametersCard />
      </Grid>
      {card && (
        <Grid item xs={12} md={8}>
          <CloudflareCard
            card={card}
            name={cloudflareNameOfResource(entity)}
            resource={entity}
          />
        </Grid>
      )}
    </Grid>
  );
}
