import { Entity } from '@backstage/catalog-model';
import { ANNOTATION_CLOUDFLARE_ACCOUNT_ID } from '@cloudflare-backstage/plugin-cloudflare-common';

/**
 * The Cloudflare account an entity names (`cloudflare.com/account-id`: every Resource entity of the
 * suite carries it, a Component may), passed as `account` on every read made for the entity.
 */
export function accountOfEntity(
  entity: Entity | undefined,
): string | undefined {
  const value =
    entity?.metadata.annotations?.[ANNOTATION_CLOUDFLARE_ACCOUNT_ID];
  return value && value.trim() ? value.trim() : undefined;
}

/** The distinct accounts of some entities, sorted; entities without the annotation add none. */
export function accountsOfEntities(entities: readonly Entity[]): string[] {
  const accounts = new Set<string>();
  for (const e of entities) {
    const account = accountOfEntity(e);
    if (account) accounts.add(account);
  }
  return [...accounts].sort();
}
