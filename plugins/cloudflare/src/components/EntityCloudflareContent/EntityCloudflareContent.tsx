import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { CLOUDFLARE_AREAS } from '@cloudflare-backstage/plugin-cloudflare-common';
import Grid from '@material-ui/core/Grid';
import { cardOfArea } from '../../cards';
import { getCloudflareAnnotatedAreas } from '../../conditions';
import { CloudflareCard } from '../CloudflareCard';
import { accountOfEntity } from '../shared/account';

/**
 * The Cloudflare tab of a Component: per annotated product area, the area's card for each
 * annotated name (an account-wide card, one without `params`, once for the area). Every read names
 * the Component's `cloudflare.com/account-id` when it carries one, else the account of the name's
 * `Resource` entity.
 *
 * @public
 */
export function EntityCloudflareContent() {
  const { entity } = useEntity();
  const areas = getCloudflareAnnotatedAreas(entity);
  const account = accountOfEntity(entity);
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
              <CloudflareCard card={card} account={account} />
            </Grid>,
          ];
        }
        return names.map(name => (
          <Grid item xs={12} key={`${area.id}:${name}`}>
            <CloudflareCard card={card} name={name} account={account} />
          </Grid>
        ));
      })}
    </Grid>
  );
}
