import { Entity } from '@backstage/catalog-model';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import { r2BucketResourceName } from '@cloudflare-backstage/plugin-cloudflare-common';
import { resourceEntity } from './catalog';

/**
 * The R2 bucket `Resource` entities of the demo account, read through the real client, with the
 * catalog module's `spec.parameters` (bucket, jurisdiction, tags, lifecycle and lock rules).
 */
export async function demoR2Resources(
  client: CloudflareClient,
): Promise<Entity[]> {
  const buckets = await client.r2.listBuckets();
  return Promise.all(
    buckets.map(async bucket => {
      const { rules, lockRules } = await client.r2.getLifecycle(
        bucket.name,
        bucket.jurisdiction,
      );
      return resourceEntity(
        client.accountId,
        'r2',
        r2BucketResourceName(bucket.name, bucket.jurisdiction),
        {
          bucketName: bucket.name,
          jurisdiction: bucket.jurisdiction,
          tags: bucket.tags,
          lifecycle: { rules, lockRules },
        },
        bucket.name,
      );
    }),
  );
}
