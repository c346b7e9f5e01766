import { AreaRouteDescriptors } from './types';

/**
 * Browser Rendering routes: the session list (Cloudflare's `limit`/`offset` paging; the cursor is
 * the next offset) and the documented limits of the configured plan with today's sessions. The
 * session URLs never reach the backend (the client drops them); nothing is launched or closed.
 */
export const browserRenderingRouteDescriptors: AreaRouteDescriptors<'browserRendering'> =
  {
    pools: {
      what: () => 'Browser Rendering sessions',
      load: async (client, { query }) => {
        const page = await client.browserRendering.listSessions({
          limit: query.limit,
          offset: query.cursor === undefined ? 0 : Number(query.cursor),
        });
        return page.nextOffset === undefined
          ? { items: page.items }
          : { items: page.items, cursor: String(page.nextOffset) };
      },
    },
    quotas: {
      what: () => 'Browser Rendering quotas',
      load: async client => ({ item: await client.browserRendering.quotas() }),
    },
  };
