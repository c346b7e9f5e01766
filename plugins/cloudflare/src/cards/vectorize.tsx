import {
  VectorizeIndexStats,
  vectorizeRoutes,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { TimeCell } from '../components/shared/time';
import { defineCloudflareCard } from './types';

const DAY_MS = 86_400_000;

/**
 * Days after which the card calls an index's last write stale: the default of the Tech Insights
 * check `cloudflareVectorizeRecentWrite` (spec section 6: "last write < 7d").
 */
export const VECTORIZE_STALE_AFTER_DAYS = 7;

/** `125,000`; `—` when unknown. */
const count = (n: number | undefined) =>
  n === undefined ? '—' : n.toLocaleString('en-US');

/** The metadata indexes in words: `url (string), published (boolean)`, or `None`. */
export function metadataIndexesInWords(
  stats: Pick<VectorizeIndexStats, 'metadataIndexes'>,
): string {
  return (
    stats.metadataIndexes
      .map(m =>
        m.indexType ? `${m.propertyName} (${m.indexType})` : m.propertyName,
      )
      .join(', ') || 'None'
  );
}

/**
 * What the index's last write says, or undefined when it is recent: never written, or older than
 * {@link VECTORIZE_STALE_AFTER_DAYS} days.
 */
export function staleWrite(
  stats: Pick<VectorizeIndexStats, 'name' | 'processedUpToDatetime'>,
  now: number = Date.now(),
): string | undefined {
  if (!stats.processedUpToDatetime)
    return `${stats.name} has never been written: no mutation was ever processed.`;
  const days = Math.floor(
    (now - Date.parse(stats.processedUpToDatetime)) / DAY_MS,
  );
  return days > VECTORIZE_STALE_AFTER_DAYS
    ? `${stats.name} was last written ${days} days ago: its embedding pipeline may have stalled (the check allows ${VECTORIZE_STALE_AFTER_DAYS} days by default).`
    : undefined;
}

/**
 * A Vectorize index: dimensions, metric, the preset it was created from, vector count, its last
 * write (the last mutation processed, and when) and its metadata indexes. No vector is read.
 * Components annotate the index's name (`cloudflare.com/vectorize: acme-idx-main`), which is also
 * Cloudflare's id of it.
 *
 * @public
 */
export const vectorizeCard = defineCloudflareCard({
  route: vectorizeRoutes.stats,
  title: 'Vectorize indexes',
  params: index => ({ index }),
  rowKey: s => s.name,
  columns: [
    { title: 'Index', render: s => s.name },
    { title: 'Dimensions', render: s => count(s.dimensions) },
    { title: 'Metric', render: s => s.metric ?? '—' },
    { title: 'Preset', render: s => s.preset ?? 'None' },
    { title: 'Vectors', render: s => count(s.vectorCount) },
    {
      title: 'Last write',
      render: s =>
        s.processedUpToDatetime ? (
          <>
            <TimeCell iso={s.processedUpToDatetime} />
            {s.processedUpToMutation && (
              <div>
                <code>{s.processedUpToMutation}</code>
              </div>
            )}
          </>
        ) : (
          'Never'
        ),
    },
    { title: 'Metadata indexes', render: metadataIndexesInWords },
  ],
  empty: {
    title: 'No Vectorize index',
    description:
      'Create the index with wrangler vectorize create, or check the cloudflare.com/vectorize annotation.',
  },
  summary: ([s]) => (s ? staleWrite(s) : undefined),
});
