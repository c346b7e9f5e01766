import { Entity } from '@backstage/catalog-model';
import { d1Routes } from '@cloudflare-backstage/plugin-cloudflare-common';
import { TimeCell } from '../components/shared/time';
import { humanBytes } from './cells';
import { defineCloudflareCard } from './types';

/** The Time Travel bookmark wraps anywhere, within a width that leaves room for the other columns. */
const BOOKMARK_STYLE = {
  wordBreak: 'break-all',
  display: 'inline-block',
  maxWidth: '32ch',
} as const;

/** The database's uuid, as the catalog module writes it on its `Resource` entity. */
function uuidOf(resource: Entity | undefined): string | undefined {
  const uuid = (resource?.spec?.parameters as { uuid?: unknown } | undefined)
    ?.uuid;
  return typeof uuid === 'string' ? uuid : undefined;
}

/**
 * A D1 database: size, version, creation time, jurisdiction, read replication, and its current
 * Time Travel bookmark, the evidence that point-in-time recovery is available (the bookmark is only
 * read, never restored). Components annotate the database's name (`cloudflare.com/d1: acme-core`);
 * the metadata route takes its uuid, which the database's `Resource` entity holds
 * (`spec.parameters.uuid`).
 *
 * @public
 */
export const d1Card = defineCloudflareCard({
  route: d1Routes.metadata,
  title: 'D1 databases',
  params: (_name, resource) => {
    const uuid = uuidOf(resource);
    return uuid ? { db: uuid } : undefined;
  },
  rowKey: d => d.uuid,
  columns: [
    { title: 'Database', render: d => d.name },
    { title: 'Size', render: d => humanBytes(d.fileSize) },
    { title: 'Version', render: d => d.version ?? '—' },
    { title: 'Created', render: d => <TimeCell iso={d.createdAt} /> },
    { title: 'Jurisdiction', render: d => d.jurisdiction ?? '—' },
    { title: 'Read replication', render: d => d.readReplication ?? '—' },
    {
      title: 'Time Travel bookmark',
      render: d =>
        d.bookmark ? (
          <>
            {/* At most two lines: 60 characters in one piece would squeeze the other columns. */}
            <code style={BOOKMARK_STYLE}>{d.bookmark}</code> (read{' '}
            <TimeCell iso={d.bookmarkReadAt} />)
          </>
        ) : (
          'None'
        ),
    },
  ],
  empty: {
    title: 'No D1 database',
    description:
      'Create the database with wrangler d1 create, or check the cloudflare.com/d1 annotation.',
  },
  summary: ([d]) =>
    d?.bookmark
      ? 'Point-in-time recovery: Time Travel gave a current bookmark, so the database can be restored to a point within its retention window (30 days on Workers Paid, 7 on Free).'
      : `${d?.name} has no Time Travel bookmark: point-in-time recovery cannot be shown for it.`,
});
