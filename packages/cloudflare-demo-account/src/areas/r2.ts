import { cfError, ok } from '../envelope';
import { cursorPageOf } from '../pagination';
import { DemoRoute, RouteContext, get } from '../route';
import type { R2BucketRecord } from '../fixtures/r2';

const BUCKETS = '/accounts/:account_id/r2/buckets';

/** Cloudflare's answer for a bucket that does not exist (in the requested jurisdiction). */
const noSuchBucket = () =>
  cfError(404, 10006, 'The specified bucket does not exist.');

/** Buckets visible under the request's `cf-r2-jurisdiction` header (`default` when absent). */
function visibleBuckets(ctx: RouteContext): R2BucketRecord[] {
  const jurisdiction =
    ctx.request.headers.get('cf-r2-jurisdiction') ?? 'default';
  return ctx.data.r2.buckets.filter(
    b => (b.bucket.jurisdiction ?? 'default') === jurisdiction,
  );
}

/** Resolves `:bucket_name` in the request's jurisdiction, then answers with `answer`. */
const perBucket =
  (answer: (b: R2BucketRecord) => Response) => (ctx: RouteContext) => {
    const record = visibleBuckets(ctx).find(
      b => b.bucket.name === ctx.params.bucket_name,
    );
    return record ? answer(record) : noSuchBucket();
  };

/** Lists buckets: `name_contains`, `start_after`, `order=name`, `direction`, cursor paging by `per_page`. */
function listBuckets(ctx: RouteContext): Response {
  const { searchParams } = ctx.url;
  const contains = searchParams.get('name_contains');
  const startAfter = searchParams.get('start_after');
  let buckets = visibleBuckets(ctx)
    .map(b => b.bucket)
    .filter(b => !contains || b.name.includes(contains))
    .filter(b => !startAfter || b.name > startAfter)
    .sort((a, b) => a.name.localeCompare(b.name));
  if (searchParams.get('direction') === 'desc') buckets = buckets.reverse();
  const page = cursorPageOf(buckets, ctx.url, {
    sizeParam: 'per_page',
    defaultSize: 20,
    maxSize: 1000,
  });
  return ok(
    { buckets: page.items },
    { cursor: page.resultInfo.cursor, per_page: page.resultInfo.per_page },
  );
}

/**
 * Routes of the R2 area: buckets (with the `cf-r2-jurisdiction` header), bucket detail, lifecycle,
 * CORS, lock and the account's storage metrics.
 *
 * @public
 */
export const r2Routes: DemoRoute[] = [
  get(BUCKETS, listBuckets),
  get(
    `${BUCKETS}/:bucket_name`,
    perBucket(b => ok(b.bucket)),
  ),
  get(
    `${BUCKETS}/:bucket_name/lifecycle`,
    perBucket(b => ok(b.lifecycle)),
  ),
  get(
    `${BUCKETS}/:bucket_name/cors`,
    perBucket(b =>
      b.cors
        ? ok(b.cors)
        : cfError(404, 10059, 'The CORS configuration does not exist.'),
    ),
  ),
  get(
    `${BUCKETS}/:bucket_name/lock`,
    perBucket(b => ok(b.lock)),
  ),
  get('/accounts/:account_id/r2/metrics', ctx => ok(ctx.data.r2.metrics)),
];
