import {
  CloudflareClient,
  isCloudflareApiError,
} from '@cloudflare-backstage/cloudflare-client';
import {
  R2Bucket,
  R2BucketLifecycle,
  r2BucketResourceName,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { cloudflareResourceEntity } from './entity';
import { defineCatalogArea, memoOf } from './types';

/** What the R2 area reads: every bucket, and the rules of each by resource name. */
export interface R2Read {
  /** Every bucket of every jurisdiction. */
  buckets: R2Bucket[];
  /** Lifecycle and lock rules by resource name (absent for a bucket that vanished before its read). */
  lifecycles: Record<string, R2BucketLifecycle>;
}

/** The bucket's rules, or undefined when it vanished between the list and the read. */
async function readLifecycle(client: CloudflareClient, bucket: R2Bucket) {
  try {
    return await client.r2.getLifecycle(bucket.name, bucket.jurisdiction);
  } catch (e) {
    if (isCloudflareApiError(e) && e.kind === 'not-found') return undefined;
    throw e;
  }
}

/**
 * R2: one `Resource` (type `cloudflare-r2`) per bucket of every jurisdiction, named by
 * `r2BucketResourceName` (`cf-r2-<name>` in the default jurisdiction, a hashed
 * `cf-r2-<jurisdiction>-<name>-…` elsewhere), with location, jurisdiction, storage class, Cloudflare
 * tags (`spec.parameters.tags`), and its lifecycle and lock rules (`spec.parameters.lifecycle`).
 *
 * Calls per run: one bucket list page per jurisdiction (3, up to 1,000 buckets each), and the
 * `r2_bucket` tags only when read alone (the provider's run reads tags once for every area); the
 * rules (two calls a bucket) through the run's memo. The bucket list has no change key for them
 * (rules change without the bucket changing): a live detail, read for a new bucket and again every
 * few cycles. The demo account's 6 buckets cost 15 calls in a first run, 3 in the next.
 */
export const r2Area = defineCatalogArea<R2Read>({
  async read(client, _previous, context) {
    const memo = memoOf(context);
    const buckets = await client.r2.listBuckets({ tags: context?.tags });
    const lifecycles: Record<string, R2BucketLifecycle> = {};
    for (const bucket of buckets) {
      const key = r2BucketResourceName(bucket.name, bucket.jurisdiction);
      const lifecycle = await memo.detail(`rules/${key}`, { live: true }, () =>
        readLifecycle(client, bucket),
      );
      if (lifecycle) lifecycles[key] = lifecycle;
    }
    return { buckets, lifecycles };
  },

  map: ({ buckets, lifecycles }, ctx) =>
    buckets.map(bucket => {
      const key = r2BucketResourceName(bucket.name, bucket.jurisdiction);
      const rules = lifecycles[key];
      const elsewhere = bucket.jurisdiction !== 'default';
      return cloudflareResourceEntity(ctx, {
        area: 'r2',
        resourceName: key,
        // Cloudflare's id of a bucket (the Resource Tagging API's too) is its name.
        resourceId: bucket.name,
        description: `Cloudflare R2 bucket ${bucket.name}${
          elsewhere ? ` (${bucket.jurisdiction} jurisdiction)` : ''
        }`,
        tags: [elsewhere ? bucket.jurisdiction : undefined],
        parameters: {
          accountId: ctx.accountId,
          bucketName: bucket.name,
          jurisdiction: bucket.jurisdiction,
          location: bucket.location,
          storageClass: bucket.storageClass,
          createdAt: bucket.createdAt,
          tags: bucket.tags,
          lifecycle: rules
            ? { rules: rules.rules, lockRules: rules.lockRules }
            : undefined,
        },
      });
    }),
});
