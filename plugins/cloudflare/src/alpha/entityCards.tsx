import { Entity } from '@backstage/catalog-model';
import { compatWrapper } from '@backstage/core-compat-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  CloudflareContractedAreaId,
  getCloudflareArea,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { CLOUDFLARE_CARDS, CloudflareCardDescriptor } from '../cards';
import { getCloudflareAnnotatedAreas } from '../conditions';

/** The card applies to Components that annotate its area and to the area's Resource entities. */
function cardFilter(card: CloudflareCardDescriptor) {
  const area = getCloudflareArea(card.route.area);
  return (entity: Entity) =>
    entity.spec?.type === area.resourceType ||
    (!!card.params &&
      getCloudflareAnnotatedAreas(entity).some(a => a.area.id === area.id));
}

/**
 * One entity card per entry of `CLOUDFLARE_CARDS` (`entity-card:cloudflare/<area>`), for overview
 * tabs. Disabled by default (the Cloudflare tab already shows them); enable one in
 * `app.extensions`, e.g. `- entity-card:cloudflare/workers: true`.
 *
 * @alpha
 */
export const cloudflareEntityCards = Object.fromEntries(
  Object.entries(CLOUDFLARE_CARDS).map(([id, card]) => [
    id,
    EntityCardBlueprint.make({
      name: id,
      disabled: true,
      params: {
        filter: cardFilter(card),
        loader: () =>
          import('../components/CloudflareCard').then(m =>
            compatWrapper(<m.CloudflareEntityCard card={card} />),
          ),
      },
    }),
  ]),
) as unknown as Record<
  CloudflareContractedAreaId,
  ReturnType<typeof EntityCardBlueprint.make>
>;
