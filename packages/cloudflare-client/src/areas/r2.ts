import { z } from 'zod';
import {
  R2_JURISDICTIONS,
  R2Bucket,
  R2BucketLifecycle,
  R2Jurisdiction,
  R2LifecycleRule,
  R2LockRule,
  ResourceTagIndex,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { ClientContext } from '../context';
import { compact } from '../envelope';
import { tagsOf, tagsOfType } from './tags';

const AREA = 'r2';
const DAY_S = 86_400;
/** Cloudflare's largest bucket page. */
const BUCKETS_PAGE = 1000;

const bucketSchema = z.object({
  name: z.string(),
  creation_date: z.string().nullish(),
  location: z.string().nullish(),
  storage_class: z.string().nullish(),
});

const bucketsPageSchema = z.object({
  result: z.object({ buckets: z.array(bucketSchema).nullish() }).nullish(),
  result_info: z.object({ cursor: z.string().nullish() }).nullish(),
});

/** `{type: Age, maxAge}` (seconds) or `{type: Date, date}`. */
const conditionSchema = z
  .object({
    type: z.string(),
    maxAge: z.number().nullish(),
    date: z.string().nullish(),
  })
  .nullish();

const lifecycleSchema = z.object({
  rules: z
    .array(
      z.object({
        id: z.string(),
        enabled: z.boolean(),
        conditions: z.object({ prefix: z.string().nullish() }).nullish(),
        deleteObjectsTransition: z
          .object({ condition: conditionSchema })
          .nullish(),
        abortMultipartUploadsTransition: z
          .object({ condition: conditionSchema })
          .nullish(),
        storageClassTransitions: z
          .array(
            z.object({ condition: conditionSchema, storageClass: z.string() }),
          )
          .nullish(),
      }),
    )
    .nullish(),
});

const lockSchema = z.object({
  rules: z
    .array(
      z.object({
        id: z.string(),
        enabled: z.boolean(),
        prefix: z.string().nullish(),
        condition: z.object({
          type: z.enum(['Age', 'Date', 'Indefinite']),
          maxAgeSeconds: z.number().nullish(),
          date: z.string().nullish(),
        }),
      }),
    )
    .nullish(),
});

/** A lifecycle condition in days or as a date; undefined when there is none. */
function when(c: z.output<typeof conditionSchema>) {
  if (!c) return undefined;
  if (c.type === 'Age' && typeof c.maxAge === 'number')
    return { afterDays: c.maxAge / DAY_S };
  if (c.type === 'Date' && c.date) return { onDate: c.date };
  return undefined;
}

/**
 * Options of {@link R2Api.listBuckets}.
 *
 * @public
 */
export interface R2BucketsOptions {
  /** Tags read once for the run; read for `r2_bucket` when absent. */
  tags?: ResourceTagIndex;
}

/**
 * R2 reads: buckets of every jurisdiction, a bucket's lifecycle and lock rules. Objects are never
 * listed or read.
 *
 * @public
 */
export class R2Api {
  constructor(private readonly ctx: ClientContext) {}

  /** Every bucket of every jurisdiction in `R2_JURISDICTIONS` (cursor paging), with its tags. */
  async listBuckets(options: R2BucketsOptions = {}): Promise<R2Bucket[]> {
    return this.ctx.run(AREA, 'r2.listBuckets', async () => {
      const tags = await tagsOfType(this.ctx, 'r2_bucket', options.tags);
      const out: R2Bucket[] = [];
      for (const jurisdiction of R2_JURISDICTIONS) {
        let cursor: string | undefined;
        do {
          const res = await this.ctx.sdk.r2.buckets
            .list({
              account_id: this.ctx.accountId,
              per_page: BUCKETS_PAGE,
              ...(cursor ? { cursor } : {}),
              'cf-r2-jurisdiction': jurisdiction,
            })
            .asResponse();
          const page = bucketsPageSchema.parse(await res.json());
          for (const b of page.result?.buckets ?? []) {
            out.push(
              compact({
                name: b.name,
                jurisdiction,
                location: b.location ?? undefined,
                storageClass: b.storage_class ?? undefined,
                createdAt: b.creation_date ?? undefined,
                tags: tagsOf(tags, b.name),
              }),
            );
          }
          cursor = page.result_info?.cursor || undefined;
        } while (cursor);
      }
      return out;
    });
  }

  /** A bucket's lifecycle rules and object lock rules, in days and dates. */
  async getLifecycle(
    bucket: string,
    jurisdiction: R2Jurisdiction = 'default',
  ): Promise<R2BucketLifecycle> {
    return this.ctx.run(AREA, 'r2.getLifecycle', async () => {
      const params = {
        account_id: this.ctx.accountId,
        'cf-r2-jurisdiction': jurisdiction,
      };
      const lifecycle = lifecycleSchema.parse(
        await this.ctx.sdk.r2.buckets.lifecycle.get(bucket, params),
      );
      const lock = lockSchema.parse(
        await this.ctx.sdk.r2.buckets.locks.get(bucket, params),
      );
      return {
        bucket,
        jurisdiction,
        rules: (lifecycle.rules ?? []).map(
          (r): R2LifecycleRule =>
            compact({
              id: r.id,
              enabled: r.enabled,
              prefix: r.conditions?.prefix ?? '',
              expiration: when(r.deleteObjectsTransition?.condition),
              transitions: (r.storageClassTransitions ?? []).map(t => ({
                ...when(t.condition),
                storageClass: t.storageClass,
              })),
              abortMultipartAfterDays: when(
                r.abortMultipartUploadsTransition?.condition,
              )?.afterDays,
            }),
        ),
        lockRules: (lock.rules ?? []).map(
          (r): R2LockRule =>
            compact({
              id: r.id,
              enabled: r.enabled,
              prefix: r.prefix ?? '',
              mode: r.condition.type.toLowerCase() as R2LockRule['mode'],
              days:
                typeof r.condition.maxAgeSeconds === 'number'
                  ? r.condition.maxAgeSeconds / DAY_S
                  : undefined,
              date: r.condition.date ?? undefined,
            }),
        ),
      };
    });
  }
}
