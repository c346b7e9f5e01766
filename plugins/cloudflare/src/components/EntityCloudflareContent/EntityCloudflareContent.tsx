import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { CLOUDFLARE_AREAS } from '@cloudflare-backstage/plugin-cloudflare-common';
import Grid from '@material-ui/core/Grid';
import { cardOfArea } from '../../cards';
import { getCloudflareAnnotatedAreas } from '../../conditions';
import { CloudflareCard } from '../CloudflareCard';
import { GenericResourceCard } from '../GenericResourceCard';

/**
 * The Cloudflare tab of a Component: per annotated product area, the area's card for each name, or
 * (for an area without a card) its Resource entities' parameters.
 *
 * @public
 */
export function EntityCloudflareContent() {
  const { entity } = useEntity();
  const areas = getCloudflareAnnotatedAreas(entity);
  if (areas.length === 0) {
    return (
      <MissingAnnotationEmptyState
        annotation={CLOUDFLARE_AREAS.flatMap(a =>
          a.annotation ? [a.annotation] : [],
        )}
      />
    );
  }
  return (
    <Grid container spacing={3} alignItems="stretch">
      {areas.map(({ area, names }) => {
        const card = cardOfArea(area.id);
        return card?.params ? (
          names.map(name => (
            <Grid item xs={12} key={`${area.id}:${name}`}>
              <CloudflareCard card={card} name={name} />
            </Grid>
          ))
        ) : (
          <Grid item xs={12} md={6} key={area.id}>
            <GenericResourceCard area={area} names={names} />
          </Grid>
        );
      })}
    </Grid>
  );
}
