import { z } from 'zod';
import {
  HyperdriveConfig,
  HyperdriveOrigin,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { ClientContext } from '../context';
import { compact } from '../envelope';
import { Redaction, noteSecretFields } from '../redaction';

const AREA = 'hyperdrive';

/** Cloudflare's largest configs page. */
const PAGE = 100;

/**
 * Origin fields Cloudflare documents as write-only; an answer that carries one anyway has it
 * dropped (zod strips it) and counted as a `secret-field` redaction.
 */
const ORIGIN_SECRETS = ['password', 'access_client_secret'] as const;

/** The origin, one of public `{host, port}`, Access `{host, access_client_id}` or VPC `{service_id}`. */
const originSchema = z.object({
  scheme: z.string(),
  host: z.string().nullish(),
  port: z.number().int().nullish(),
  database: z.string(),
  user: z.string(),
  access_client_id: z.string().nullish(),
  service_id: z.string().nullish(),
});

/** A config as the configs list gives it (`Hyperdrive` of the SDK). */
const configSchema = z.object({
  id: z.string(),
  name: z.string(),
  created_on: z.string().nullish(),
  modified_on: z.string().nullish(),
  restarted_on: z.string().nullish(),
  origin_connection_limit: z.number().int().nonnegative().nullish(),
  origin: originSchema,
  caching: z
    .object({
      disabled: z.boolean().nullish(),
      max_age: z.number().int().nonnegative().nullish(),
      stale_while_revalidate: z.number().int().nonnegative().nullish(),
    })
    .nullish(),
  mtls: z
    .object({
      sslmode: z.string().nullish(),
      ca_certificate_id: z.string().nullish(),
      mtls_certificate_id: z.string().nullish(),
    })
    .nullish(),
});

type RawConfig = z.output<typeof configSchema>;

/** How the origin is reached, from which of its location fields it has. */
function toOrigin(o: RawConfig['origin']): HyperdriveOrigin {
  let network: HyperdriveOrigin['network'] = 'public';
  if (o.service_id) network = 'vpc';
  else if (o.access_client_id) network = 'access';
  return compact({
    network,
    scheme: o.scheme,
    host: o.host ?? undefined,
    port:
      network === 'public' && typeof o.port === 'number'
        ? String(o.port)
        : undefined,
    database: o.database,
    user: o.user,
    accessClientId: o.access_client_id ?? undefined,
    serviceId: o.service_id ?? undefined,
  });
}

function toConfig(c: RawConfig): HyperdriveConfig {
  const mtls = c.mtls
    ? compact({
        sslmode: c.mtls.sslmode ?? undefined,
        caCertificateId: c.mtls.ca_certificate_id ?? undefined,
        mtlsCertificateId: c.mtls.mtls_certificate_id ?? undefined,
      })
    : undefined;
  return compact({
    id: c.id,
    name: c.name,
    createdOn: c.created_on ?? undefined,
    modifiedOn: c.modified_on ?? undefined,
    restartedOn: c.restarted_on ?? undefined,
    originConnectionLimit: c.origin_connection_limit ?? undefined,
    origin: toOrigin(c.origin),
    caching: compact({
      enabled: c.caching?.disabled !== true,
      maxAgeSeconds: c.caching?.max_age ?? undefined,
      staleWhileRevalidateSeconds:
        c.caching?.stale_while_revalidate ?? undefined,
    }),
    mtls: mtls && Object.keys(mtls).length > 0 ? mtls : undefined,
  });
}

/**
 * Hyperdrive reads: the account's configs (origin, caching, mTLS). The origin's `password` and
 * Access `access_client_secret` are never returned by Cloudflare; one an answer carries anyway is
 * dropped and counted as a redaction. No config is created, changed or restarted.
 *
 * @public
 */
export class HyperdriveApi {
  constructor(private readonly ctx: ClientContext) {}

  /**
   * Every config of the account, in Cloudflare's order: page paging, 100 a page, ending at
   * Cloudflare's empty page (2 calls up to 100 configs; Cloudflare allows at most 25 configs on a
   * paid plan, so the list is bounded).
   */
  async listConfigs(): Promise<HyperdriveConfig[]> {
    return this.ctx.run(AREA, 'hyperdrive.listConfigs', async () => {
      const notes: Redaction[] = [];
      const out: HyperdriveConfig[] = [];
      for await (const raw of this.ctx.sdk.hyperdrive.configs.list({
        account_id: this.ctx.accountId,
        per_page: PAGE,
      })) {
        const config = configSchema.parse(raw);
        noteSecretFields(
          (raw as { origin?: unknown }).origin,
          ORIGIN_SECRETS,
          notes,
          `configs.${config.id}.origin`,
        );
        out.push(toConfig(config));
      }
      this.ctx.countRedactions(AREA, notes);
      return out;
    });
  }
}
