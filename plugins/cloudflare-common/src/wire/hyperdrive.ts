import { z } from 'zod';
import { defineRoute, defineWireType } from './contract';

/**
 * How a Hyperdrive config reaches its origin database: `public` (host and port on the Internet),
 * `access` (a host behind Cloudflare Access and a Tunnel, reached with an Access service token) or
 * `vpc` (a Workers VPC service).
 *
 * @public
 */
export const hyperdriveNetworkSchema = z.enum(['public', 'access', 'vpc']);

/**
 * The origin database of a Hyperdrive config. `password` and the Access `access_client_secret`
 * are write-only at Cloudflare and never part of it (the client drops them if an answer carries
 * them). Scheme, host, port, database, user and the Access client id are infrastructure detail:
 * sensitive, masked unless the caller may see unmasked data. The port is a string so that it can be
 * masked like the others.
 *
 * @public
 */
export const hyperdriveOriginSchema = z.object({
  /** How the origin is reached. */
  network: hyperdriveNetworkSchema,
  /** `postgres`, `postgresql` or `mysql` (sensitive). */
  scheme: z.string(),
  /** Host name or address (sensitive); absent for a Workers VPC origin. */
  host: z.string().optional(),
  /** Port (sensitive); public origins only. */
  port: z.string().optional(),
  /** Database name (sensitive). */
  database: z.string(),
  /** Database user (sensitive). */
  user: z.string(),
  /** Client id of the Access service token (sensitive); Access origins only. */
  accessClientId: z.string().optional(),
  /** Workers VPC service id; VPC origins only. */
  serviceId: z.string().optional(),
});

/**
 * A Hyperdrive origin (see {@link hyperdriveOriginSchema}).
 *
 * @public
 */
export type HyperdriveOrigin = z.output<typeof hyperdriveOriginSchema>;

/**
 * Query caching of a Hyperdrive config. Cloudflare's defaults apply where a value is absent: caching
 * on, `max_age` 60 s, `stale_while_revalidate` 15 s.
 *
 * @public
 */
export const hyperdriveCachingSchema = z.object({
  /** Whether query results are cached (Cloudflare's `disabled`, inverted; default on). */
  enabled: z.boolean(),
  /** Seconds a cached result is served (`max_age`), when set. */
  maxAgeSeconds: z.number().int().nonnegative().optional(),
  /** Seconds a stale result may be served while it is refreshed, when set. */
  staleWhileRevalidateSeconds: z.number().int().nonnegative().optional(),
});

/**
 * mTLS and TLS mode of the origin connection.
 *
 * @public
 */
export const hyperdriveMtlsSchema = z.object({
  /** `require`, `verify-ca` or `verify-full`. */
  sslmode: z.string().optional(),
  /** Id of the CA certificate the origin's certificate is verified against. */
  caCertificateId: z.string().optional(),
  /** Id of the client certificate Hyperdrive presents to the origin. */
  mtlsCertificateId: z.string().optional(),
});

/**
 * A Hyperdrive config (spec section 3.11): the configs route's item.
 *
 * @public
 */
export const hyperdriveConfigSchema = z.object({
  /** Config id (32 hex): what a Worker's `hyperdrive` binding carries. */
  id: z.string(),
  /** Config name. */
  name: z.string(),
  /** When it was created (ISO 8601). */
  createdOn: z.string().optional(),
  /** When it was last modified (ISO 8601). */
  modifiedOn: z.string().optional(),
  /** When its connection pool was last restarted (ISO 8601); absent when never. */
  restartedOn: z.string().optional(),
  /** Soft limit of connections to the origin; absent: Cloudflare's default (20 free, 60 paid). */
  originConnectionLimit: z.number().int().nonnegative().optional(),
  /** The origin database, without its password or Access client secret. */
  origin: hyperdriveOriginSchema,
  /** Query caching. */
  caching: hyperdriveCachingSchema,
  /** mTLS and TLS mode; absent when none is configured. */
  mtls: hyperdriveMtlsSchema.optional(),
});

/**
 * A Hyperdrive config (see {@link hyperdriveConfigSchema}).
 *
 * @public
 */
export type HyperdriveConfig = z.output<typeof hyperdriveConfigSchema>;

/**
 * Routes of the Hyperdrive area. No route returns an origin password or Access client secret.
 *
 * @public
 */
export const hyperdriveRoutes = {
  configs: defineRoute({
    id: 'hyperdrive.configs',
    area: 'hyperdrive',
    path: '/v1/hyperdrive/configs',
    description:
      'Hyperdrive configs: origin database (scheme, host, port, database and user masked; never the password or Access client secret), caching, mTLS and sslmode, connection limit.',
    params: z.object({}),
    query: z.object({}),
    shape: 'list',
    wire: defineWireType({
      name: 'HyperdriveConfig',
      schema: hyperdriveConfigSchema,
      sensitive: [
        'origin.scheme',
        'origin.host',
        'origin.port',
        'origin.database',
        'origin.user',
        'origin.accessClientId',
      ],
    }),
  }),
};
