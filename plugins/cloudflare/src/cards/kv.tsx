import {
  KvKeySample,
  kvRoutes,
  MASKED,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { Entity } from '@backstage/catalog-model';
import Chip from '@material-ui/core/Chip';
import { TimeCell } from '../components/shared/time';
import { defineCloudflareCard } from './types';

/** A TTL in words: `45 s`, `12 min`, `5 h`, `3 d`. */
function ttlText(seconds: number | undefined): string {
  if (seconds === undefined) return 'never expires';
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} d`;
}

/** A parameter of the namespace's `Resource` entity, as the catalog module writes it. */
const parameter = (resource: Entity | undefined, key: string): unknown =>
  (resource?.spec?.parameters as Record<string, unknown> | undefined)?.[key];

/** The key's name as the redaction rules left it: shown, masked, or withheld. */
function KeyName(props: { item: KvKeySample }) {
  const { name, credentialName, redaction } = props.item;
  if (redaction === 'credential-value-shape') {
    return (
      <Chip
        size="small"
        variant="outlined"
        label="withheld"
        title="Part of this key's name looks like a credential: it never leaves the backend."
      />
    );
  }
  if (redaction === 'credential-key-name') {
    return credentialName === MASKED || credentialName === undefined ? (
      <Chip
        size="small"
        variant="outlined"
        label="masked"
        title="This key's name looks like a credential's: it is shown only to holders of cloudflare.read.unmasked."
      />
    ) : (
      <code>{credentialName}</code>
    );
  }
  return <code>{name}</code>;
}

/**
 * A KV namespace: its approximate key count and a sample of up to 50 keys with their expiry and
 * how the redaction rules treated their names (masked, withheld). Values are never read.
 * Components annotate the namespace's title (`cloudflare.com/kv: acme-cache`); the routes take its
 * id, which the namespace's `Resource` entity holds (`spec.parameters.namespaceId`).
 *
 * @public
 */
export const kvCard = defineCloudflareCard({
  route: kvRoutes.sample,
  title: 'KV namespace',
  params: (_title, resource) => {
    const id = parameter(resource, 'namespaceId');
    return typeof id === 'string' ? { namespace: id } : undefined;
  },
  rowKey: k => k.name ?? k.credentialName ?? k.redaction,
  columns: [
    { title: 'Key', render: k => <KeyName item={k} /> },
    { title: 'Expires', render: k => <TimeCell iso={k.expiration} /> },
    { title: 'TTL', render: k => ttlText(k.ttlSeconds) },
    { title: 'Metadata', render: k => (k.hasMetadata ? 'present' : '—') },
  ],
  empty: {
    title: 'No keys',
    description:
      'The namespace holds no keys, or Cloudflare has not listed them yet (KV listings are eventually consistent).',
  },
  summary: (items, resource) => {
    const approx = parameter(resource, 'keysApprox');
    const never = items.filter(k => k.ttlSeconds === undefined).length;
    return [
      typeof approx === 'number'
        ? `About ${approx.toLocaleString('en-US')} keys.`
        : undefined,
      `A sample of ${items.length}${
        never ? `, ${never} of which never expire` : ', all expiring'
      }; values are never read.`,
    ]
      .filter(Boolean)
      .join(' ');
  },
});
