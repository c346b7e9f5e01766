import {
  HyperdriveConfig,
  hyperdriveRoutes,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { TimeCell } from '../components/shared/time';
import { defineCloudflareCard } from './types';

/** Cloudflare's caching defaults, applied where a config sets none. */
const DEFAULT_MAX_AGE_SECONDS = 60;
const DEFAULT_STALE_WHILE_REVALIDATE_SECONDS = 15;

const NETWORK: Record<HyperdriveConfig['origin']['network'], string> = {
  public: 'Public',
  access: 'Access + Tunnel',
  vpc: 'Workers VPC',
};

/** `On: max age 60 s, stale-while-revalidate 15 s (defaults)` or `Off`. */
export function cachingInWords(caching: HyperdriveConfig['caching']): string {
  if (!caching.enabled) return 'Off';
  const maxAge = caching.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS;
  const swr =
    caching.staleWhileRevalidateSeconds ??
    DEFAULT_STALE_WHILE_REVALIDATE_SECONDS;
  const defaults = [
    caching.maxAgeSeconds === undefined && 'max age',
    caching.staleWhileRevalidateSeconds === undefined &&
      'stale-while-revalidate',
  ].filter(Boolean);
  return `On: max age ${maxAge} s, stale-while-revalidate ${swr} s${
    defaults.length > 0 ? ` (default ${defaults.join(' and ')})` : ''
  }`;
}

/** `verify-full, mTLS` / `require` / `Cloudflare default` (no mTLS block). */
export function tlsInWords(mtls: HyperdriveConfig['mtls']): string {
  const parts = [
    mtls?.sslmode,
    mtls?.mtlsCertificateId !== undefined && 'mTLS client certificate',
    mtls?.caCertificateId !== undefined && 'custom CA',
  ].filter(Boolean);
  return parts.join(', ') || 'Cloudflare default';
}

/** Where the origin is: `host:port`, the Access host, or the Workers VPC service. */
function originCell(c: HyperdriveConfig): string {
  const { origin } = c;
  if (origin.network === 'vpc') return `service ${origin.serviceId ?? '—'}`;
  return origin.port ? `${origin.host}:${origin.port}` : origin.host ?? '—';
}

/**
 * A Hyperdrive config: how the origin database is reached (public, Access and Tunnel, Workers VPC),
 * its scheme, host, port, database and user (masked unless the viewer may see unmasked data),
 * caching (on or off, max age, stale-while-revalidate), TLS mode and mTLS, and the connection
 * limit. Cloudflare never returns the origin password or Access client secret, and the suite
 * drops them if it ever did. The configs route lists the account, so the card keeps the row of the
 * name (`cloudflare.com/hyperdrive: acme-hyperdrive`, or the config's own `Resource` page).
 *
 * @public
 */
export const hyperdriveCard = defineCloudflareCard({
  route: hyperdriveRoutes.configs,
  title: 'Hyperdrive',
  params: () => ({}),
  rows: (configs, name) => configs.filter(c => c.name === name),
  rowKey: c => c.id,
  columns: [
    { title: 'Config', render: c => c.name },
    { title: 'Network', render: c => NETWORK[c.origin.network] },
    { title: 'Scheme', render: c => c.origin.scheme },
    { title: 'Origin', render: originCell },
    {
      title: 'Database',
      render: c => `${c.origin.database} as ${c.origin.user}`,
    },
    { title: 'Caching', render: c => cachingInWords(c.caching) },
    { title: 'TLS', render: c => tlsInWords(c.mtls) },
    {
      title: 'Connection limit',
      render: c =>
        c.originConnectionLimit === undefined
          ? 'Default'
          : String(c.originConnectionLimit),
    },
    {
      title: 'Modified',
      render: c => (c.modifiedOn ? <TimeCell iso={c.modifiedOn} /> : '—'),
    },
  ],
  empty: {
    title: 'No Hyperdrive config of this name',
    description:
      'Create it with wrangler hyperdrive create, or check the cloudflare.com/hyperdrive annotation.',
  },
  summary: ([c]) =>
    c &&
    `${c.name}: caching ${cachingInWords(c.caching).replace(
      /^O/,
      'o',
    )}; TLS ${tlsInWords(c.mtls)}. The origin password${
      c.origin.network === 'access' ? ' and Access client secret are' : ' is'
    } never read.`,
});
