import { DeferredEntity } from '@backstage/plugin-catalog-node';
import { CloudflareAreaId } from '@cloudflare-backstage/plugin-cloudflare-common';
import { CloudflareCatalogReader } from '../lib/reader';
import { mapPagesProjects } from '../mappers/pages';
import { CloudflareMapperContext } from '../mappers/types';
import { mapWorkers } from '../mappers/workers';
import { mapZeroTrust } from '../mappers/zeroTrust';

/**
 * Reads one product area and maps it to entities.
 *
 * @public
 */
export type CloudflareAreaIngestor = (
  reader: CloudflareCatalogReader,
  ctx: CloudflareMapperContext,
) => Promise<DeferredEntity[]>;

/**
 * The areas the provider ingests, each with its reader call and its mapper. Adding an area is one
 * entry here, one read method on the reader and one file under `mappers/`; the provider itself
 * walks the product-area registry and never switches over areas.
 *
 * @public
 */
export const CLOUDFLARE_AREA_INGESTORS: Partial<
  Record<CloudflareAreaId, CloudflareAreaIngestor>
> = {
  workers: async (reader, ctx) => mapWorkers(await reader.readWorkers(), ctx),
  pages: async (reader, ctx) => mapPagesProjects(await reader.readPages(), ctx),
  zeroTrust: async (reader, ctx) =>
    mapZeroTrust(await reader.readZeroTrust(), ctx),
};
