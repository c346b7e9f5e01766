import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { CLOUDFLARE_AREAS } from '@cloudflare-backstage/plugin-cloudflare-common';
import Grid from '@material-ui/core/Grid';
import { cardOfArea } from '../../cards';
import { getCloudflareAnnotatedAreas } from '../../conditions';
import { CloudflareCard } from '../CloudflareCard';

/**
 * The Cloudflare tab of a Component: per annotated product area, the area's card for each
 * annotated name (an account-wide card, one without `params`, once for the area).
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
      {areas.flatMap(({ area, names }) => {
        const card = cardOfArea(area.id);
        if (!card.params) {
          return [
            <Grid item xs={12} key={area.id}>
              <CloudflareCard card={card} />
            </Grid>,
          ];
        }
        return names.map(name => (
          <Grid item xs={12} key={`${area.id}:${name}`}>
            <CloudflareCard card={card} name={name} />
          </Grid>
        ));
      })}
    </Grid>
  );
}
