import type { Entity } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { ANNOTATION_CLOUDFLARE_ACCOUNT_ID } from '@cloudflare-backstage/plugin-cloudflare-common';
import type {
  CloudflareAccountClient,
  CloudflareAccountHealth,
  CloudflareClientsService,
} from './types';

/**
 * The service over a fixed list of account clients: lookups by config id or Cloudflare account
 * id, by entity annotation, and the health of each. Building the clients is
 * `createCloudflareClientsService`'s job.
 */
export class DefaultCloudflareClientsService
  implements CloudflareClientsService
{
  private readonly accounts: readonly CloudflareAccountClient[];

  constructor(accounts: readonly CloudflareAccountClient[]) {
    this.accounts = [...accounts];
  }

  list(): CloudflareAccountClient[] {
    return [...this.accounts];
  }

  get(account?: string): CloudflareAccountClient {
    if (this.accounts.length === 0) {
      throw new NotFoundError(
        'no Cloudflare account is configured (cloudflare.accountId or cloudflare.accounts)',
      );
    }
    const wanted = account?.trim();
    if (!wanted) {
      if (this.accounts.length === 1) return this.accounts[0];
      throw new InputError(
        `account is required: one of ${this.accounts
          .map(a => a.id)
          .join(', ')}`,
      );
    }
    const found = this.find(wanted);
    if (!found) {
      throw new NotFoundError(
        `no Cloudflare account '${wanted}' is configured; configured: ${this.accounts
          .map(a => a.id)
          .join(', ')}`,
      );
    }
    return found;
  }

  forEntity(entity: Entity): CloudflareAccountClient | undefined {
    const named =
      entity.metadata.annotations?.[ANNOTATION_CLOUDFLARE_ACCOUNT_ID]?.trim();
    if (named) return this.find(named);
    return this.accounts.length === 1 ? this.accounts[0] : undefined;
  }

  health(): CloudflareAccountHealth[] {
    return this.accounts.map(a => ({ ...a.client.health(), id: a.id }));
  }

  /** By config id first, then by Cloudflare account id (case-insensitive: it is hexadecimal). */
  private find(wanted: string): CloudflareAccountClient | undefined {
    const lower = wanted.toLowerCase();
    return (
      this.accounts.find(a => a.id === wanted) ??
      this.accounts.find(a => a.accountId.toLowerCase() === lower)
    );
  }
}
