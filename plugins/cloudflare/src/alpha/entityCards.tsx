import { Entity } from '@backstage/catalog-model';
import { compatWrapper } from '@backstage/core-compat-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  CloudflareContractedAreaId,
  getCloudflareArea,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { CLOUDFLARE_CARDS, CloudflareCardDescriptor } from '../cards';
import {
  getCloudflareAnnotatedAreas,
  isCloudflareAvailable,
  isCloudflareResource,
} from '../conditions';

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

/** Groups and Systems (roll-up), suite Resources and Cloudflare-annotated Components. */
function scorecardsFilter(entity: Entity): boolean {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  return (
    kind === 'group' ||
    kind === 'system' ||
    isCloudflareResource(entity) ||
    (kind === 'component' && isCloudflareAvailable(entity))
  );
}

/**
 * The SOC 2 scorecards card (`entity-card:cloudflare/scorecards`), enabled by default on the
 * overview of Groups and Systems (rolled up over what they own or have as parts), suite Resources
 * and Cloudflare-annotated Components (their own checks, with a Refresh button).
 *
 * @alpha
 */
export const cloudflareScorecardsEntityCard = EntityCardBlueprint.make({
  name: 'scorecards',
  params: {
    filter: scorecardsFilter,
    loader: () =>
      import('../components/EntityCloudflareScorecards').then(m =>
        compatWrapper(<m.EntityCloudflareScorecardsCard />),
      ),
  },
});
