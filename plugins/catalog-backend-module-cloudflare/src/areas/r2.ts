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
import { defineCatalogArea } from './types';

/**
 * Buckets whose lifecycle and lock rules one run reads (two calls each): the ones never read first,
 * then the longest unread. The rest keep their last read, so a large account is refreshed over
 * several runs and a run stays within Cloudflare's budget (1,200 calls per 5 minutes per token).
 */
export const R2_LIFECYCLE_READS_PER_RUN = 50;

/** A bucket's retention rules and the run that read them. */
interface LifecycleRead {
  lifecycle: R2BucketLifecycle;
  run: number;
}

/** What the R2 area reads: every bucket, and the rules of those read so far by resource name. */
export interface R2Read {
  buckets: R2Bucket[];
  lifecycles: Record<string, LifecycleRead>;
  /** Number of this run (1 for the first one in this process). */
  run: number;
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
 * Calls per run: one bucket list page per jurisdiction (3, up to 1,000 buckets each), two per
 * bucket whose rules are read (at most 2 x {@link R2_LIFECYCLE_READS_PER_RUN} = 100), and the
 * `r2_bucket` tags only when read alone (the provider's run reads tags once for every area). The
 * demo account's 6 buckets cost 15 calls in a provider run.
 */
export const r2Area = defineCatalogArea<R2Read>({
  async read(client, previous, context) {
    const buckets = await client.r2.listBuckets({ tags: context?.tags });
    const run = (previous?.run ?? 0) + 1;
    const known = previous?.lifecycles ?? {};
    const keyed = buckets.map(bucket => ({
      bucket,
      key: r2BucketResourceName(bucket.name, bucket.jurisdiction),
    }));
    const lifecycles: Record<string, LifecycleRead> = {};
    for (const { key } of keyed) if (known[key]) lifecycles[key] = known[key];
    const due = [...keyed]
      .sort((a, b) => (known[a.key]?.run ?? 0) - (known[b.key]?.run ?? 0))
      .slice(0, R2_LIFECYCLE_READS_PER_RUN);
    for (const { bucket, key } of due) {
      const lifecycle = await readLifecycle(client, bucket);
      if (lifecycle) lifecycles[key] = { lifecycle, run };
    }
    return { buckets, lifecycles, run };
  },

  map: ({ buckets, lifecycles }, ctx) =>
    buckets.map(bucket => {
      const key = r2BucketResourceName(bucket.name, bucket.jurisdiction);
      const rules = lifecycles[key]?.lifecycle;
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
