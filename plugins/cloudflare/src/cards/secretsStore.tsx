import { Entity } from '@backstage/catalog-model';
import {
  SecretsStoreMetadata,
  secretsStoreRoutes,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { TimeCell } from '../components/shared/time';
import { defineCloudflareCard } from './types';

/** Statuses in the order the card names them. */
const STATUSES = ['active', 'pending', 'deleted'];

/** The store's id, as the catalog module writes it on its `Resource` entity. */
function storeIdOf(resource: Entity | undefined): string | undefined {
  const id = (resource?.spec?.parameters as { storeId?: unknown } | undefined)
    ?.storeId;
  return typeof id === 'string' ? id : undefined;
}

/** Counts in words, largest first: `22 workers, 2 ai_gateway`; `—` when there are none. */
function countsText(counts: Record<string, number>, order?: string[]): string {
  const keys = Object.keys(counts).sort((a, b) =>
    order
      ? order.indexOf(a) - order.indexOf(b)
      : counts[b] - counts[a] || a.localeCompare(b),
  );
  return keys.length ? keys.map(k => `${counts[k]} ${k}`).join(', ') : '—';
}

/** The secrets count, with `+` when the read's budget ended before the last page. */
const secretsText = (s: SecretsStoreMetadata) =>
  `${s.secretCount.toLocaleString('en-US')}${s.complete ? '' : '+'}`;

/**
 * A Secrets Store: its secrets counted by status and scope, the latest secret change and the
 * account's quota use. Metadata only, behind `cloudflare.read.secretsstore.meta`: secret values
 * are never read, whoever looks. Components annotate the store's name
 * (`cloudflare.com/secrets-store: acme-account-secrets`); the metadata route takes its id, which the
 * store's `Resource` entity holds (`spec.parameters.storeId`).
 *
 * @public
 */
export const secretsStoreCard = defineCloudflareCard({
  route: secretsStoreRoutes.metadata,
  title: 'Secrets Store',
  params: (_name, resource) => {
    const store = storeIdOf(resource);
    return store ? { store } : undefined;
  },
  rowKey: s => s.id,
  columns: [
    { title: 'Store', render: s => s.name },
    { title: 'Secrets', render: secretsText },
    { title: 'By status', render: s => countsText(s.byStatus, STATUSES) },
    { title: 'By scope', render: s => countsText(s.byScope) },
    {
      title: 'Account quota',
      render: s =>
        s.accountQuota
          ? `${s.accountQuota.usage} of ${s.accountQuota.limit} used`
          : '—',
    },
    {
      title: 'Last secret change',
      render: s => <TimeCell iso={s.lastSecretModified} />,
    },
    { title: 'Created', render: s => <TimeCell iso={s.created} /> },
  ],
  empty: {
    title: 'No Secrets Store',
    description:
      'Create the store in the Cloudflare dashboard (Secrets Store), or check the cloudflare.com/secrets-store annotation.',
  },
  summary: ([s]) =>
    s &&
    `${secretsText(s)} secrets in ${s.name}${
      s.complete ? '' : ' (counted within the read budget)'
    }. Names, statuses and scopes only: secret values are never read.`,
});
