import type { Entity } from '@backstage/catalog-model';
import type {
  CloudflareClient,
  CloudflareClientHealth,
} from '@cloudflare-backstage/cloudflare-client';

/**
 * One configured Cloudflare account and the backend's one client for it.
 *
 * @public
 */
export interface CloudflareAccountClient {
  /**
   * The account's config id: the `id` of its `cloudflare.accounts[]` entry, or `default` for the
   * top-level `cloudflare` block.
   */
  id: string;
  /** The Cloudflare account id (32 hexadecimal characters). Not a secret. */
  accountId: string;
  /** The account's client: its call budget (shared by every account on the same API token) and circuit breaker. */
  client: CloudflareClient;
}

/**
 * The health of one configured account, as {@link CloudflareClientsService.health} reports it: the
 * client's health (budget left, breaker state, calls per area) and the account's config id. Holds
 * no secret.
 *
 * @public
 */
export interface CloudflareAccountHealth extends CloudflareClientHealth {
  /** The account's config id (`default` for the top-level `cloudflare` block). */
  id: string;
}

/**
 * The Cloudflare clients of the whole backend process, one per configured account, shared by the
 * catalog module, the `/api/cloudflare` plugin and the Tech Insights module so that they spend one
 * call budget per API token and see one circuit breaker per account. Get it with
 * {@link cloudflareClientsServiceRef}.
 *
 * @public
 */
export interface CloudflareClientsService {
  /** Every configured account, in configuration order. */
  list(): CloudflareAccountClient[];
  /**
   * The account named by `account`: its config id or its Cloudflare account id. Without `account`,
   * the only configured account.
   *
   * @throws `InputError` when `account` is missing and several accounts are configured (its message
   *   lists their config ids); `NotFoundError` when no configured account has that id.
   */
  get(account?: string): CloudflareAccountClient;
  /**
   * The account an entity belongs to: the one its `cloudflare.com/account-id` annotation names,
   * else the only configured account. Undefined when the annotation names an account that is not
   * configured, or when several accounts are configured and the entity names none.
   */
  forEntity(entity: Entity): CloudflareAccountClient | undefined;
  /** Per configured account: budget left, breaker state, calls per area. No secret. */
  health(): CloudflareAccountHealth[];
}
