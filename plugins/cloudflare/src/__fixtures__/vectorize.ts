import {
  CloudflareEnvelope,
  VectorizeIndexStats,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { resource } from '../testUtils';

/** The `Resource` entity of `acme-idx-main` as the catalog module makes it. */
export const acmeIdxMainResource = resource(
  'cf-vectorize-acme-idx-main',
  'cloudflare-vectorize',
  { indexName: 'acme-idx-main', dimensions: 1536, metric: 'cosine' },
);

/** The stats of `acme-idx-main` as the route answers them, last written at `processedUpToDatetime`. */
export function acmeIdxMainStats(
  processedUpToDatetime: string | undefined,
): CloudflareEnvelope<VectorizeIndexStats> {
  return {
    account: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
    area: 'vectorize',
    view: 'masked',
    item: {
      name: 'acme-idx-main',
      description: 'Site content embeddings',
      createdOn: '2026-05-18T09:00:00.000Z',
      dimensions: 1536,
      metric: 'cosine',
      tags: { 'backstage-owner': 'platform' },
      vectorCount: 125_000,
      ...(processedUpToDatetime ? { processedUpToDatetime } : {}),
      processedUpToMutation: 'acme-idx-main-mut-1e848',
      metadataIndexes: [
        { propertyName: 'url', indexType: 'string' },
        { propertyName: 'published', indexType: 'boolean' },
      ],
    },
    masked: {},
    fetchedAt: '2026-11-20T10:00:00.000Z',
  };
}
