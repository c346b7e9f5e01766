import { AreaRouteDescriptors } from './types';

/**
 * Secrets Store routes, behind `cloudflare.read.secretsstore.meta` (metadata only): the account's
 * stores (the list call), and one store's metadata (the store's read, its secrets list within the
 * client's call budget and the account's quota). No route requests a secret value, whatever the
 * caller holds: `?view=unmasked` unmasks secret comments, never a value.
 */
export const secretsStoreRouteDescriptors: AreaRouteDescriptors<'secretsStore'> =
  {
    stores: {
      what: () => 'Secrets Store stores',
      load: async client => ({ items: await client.secretsStore.listStores() }),
    },
    metadata: {
      what: ({ params }) => `Secrets Store '${params.store}'`,
      load: async (client, { params }) => ({
        item: await client.secretsStore.getMetadata(params.store),
      }),
    },
  };
