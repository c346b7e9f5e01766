import { compatWrapper } from '@backstage/core-compat-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isCloudflareAvailable, isCloudflareResource } from '../conditions';

/**
 * The Cloudflare tab of Components that carry a `cloudflare.com/<area>` annotation.
 *
 * @alpha
 */
export const cloudflareEntityContent = EntityContentBlueprint.make({
  params: {
    path: '/cloudflare',
    title: 'Cloudflare',
    filter: entity =>
      entity.kind.toLocaleLowerCase('en-US') === 'component' &&
      isCloudflareAvailable(entity),
    loader: () =>
      import('../components/EntityCloudflareContent').then(m =>
        compatWrapper(<m.EntityCloudflareContent />),
      ),
  },
});

/**
 * The Cloudflare tab of the suite's `Resource` entities (`spec.type` `cloudflare-*`).
 *
 * @alpha
 */
export const cloudflareResourceEntityContent = EntityContentBlueprint.make({
  name: 'resource',
  params: {
    path: '/cloudflare',
    title: 'Cloudflare',
    filter: isCloudflareResource,
    loader: () =>
      import('../components/EntityCloudflareResourceContent').then(m =>
        compatWrapper(<m.EntityCloudflareResourceContent />),
      ),
  },
});
