import { useEntity } from '@backstage/plugin-catalog-react';
import { MissingAnnotationEmptyState } from '@backstage/plugin-catalog-react';
import { CLOUDFLARE_AREAS } from '@cloudflare-backstage/plugin-cloudflare-common';
import Grid from '@material-ui/core/Grid';
import { getCloudflareAnnotatedAreas } from '../../conditions';
import { AREA_CARDS } from '../areaCards';
import { GenericResourceCard } from '../GenericResourceCard';

/**
 * The Cloudflare tab of a Component: one card per annotated product area.
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
        const Card = AREA_CARDS[area.id];
        return Card ? (
          names.map(name => (
            <Grid item xs={12} key={`${area.id}:${name}`}>
              <Card name={name} />
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
