import { Config, ConfigReader } from '@backstage/config';
import { CloudflareClientConfig, readCloudflareClientConfig } from './config';
import { CloudflareConfigError } from './configError';

/**
 * One configured Cloudflare account: the top-level `cloudflare` block (id `default`) or an entry
 * of `cloudflare.accounts`.
 *
 * @public
 */
export interface CloudflareAccountConfig {
  /** `default` for the top-level block, else the entry's `id`. */
  id: string;
  /** The Cloudflare account id (32 hexadecimal characters). */
  accountId: string;
  /** The client settings of this account. Carries the API token: never log it. */
  clientConfig: CloudflareClientConfig;
}

type JsonObject = NonNullable<ConstructorParameters<typeof ConfigReader>[0]>;

/**
 * The `id` of the account made from the top-level `cloudflare` block.
 *
 * @public
 */
export const DEFAULT_CLOUDFLARE_ACCOUNT_CONFIG_ID = 'default';

/** Keys of an account entry that are this account's own. */
const ACCOUNT_KEYS = [
  'accountId',
  'apiToken',
  'apiBaseUrl',
  'browserRendering',
] as const;
/** Keys of the top-level block that apply to every account. */
const SHARED_KEYS = [
  'fetch',
  'redaction',
  'provenance',
  'budget',
  'breaker',
] as const;

function read<T>(key: string, fn: () => T): T {
  try {
    return fn();
  } catch {
    throw new CloudflareConfigError(key, 'missing or of the wrong type');
  }
}

/** An error of the per-entry client config, named by the entry's key when the entry set it. */
function renamed(e: unknown, account: Config, accountKey: string): unknown {
  if (!(e instanceof CloudflareConfigError)) return e;
  const sub = e.key.replace(/^cloudflare\./, '');
  const path = sub.replace(/\[\d+\]$/, '');
  const own =
    ACCOUNT_KEYS.some(k => sub === k || sub.startsWith(`${k}.`)) ||
    (sub.startsWith('budget') && account.has(path));
  return own
    ? new CloudflareConfigError(
        `${accountKey}.${sub}`,
        e.message.replace(/^.*?': /, ''),
      )
    : e;
}

function readEntry(
  cf: Config,
  account: Config,
  accountKey: string,
): CloudflareClientConfig {
  const block: JsonObject = {};
  for (const k of SHARED_KEYS) {
    const v = read(`cloudflare.${k}`, () => cf.getOptional(k));
    if (v !== undefined && v !== null) block[k] = v;
  }
  const ownBudget = read(`${accountKey}.budget`, () =>
    account.getOptionalConfig('budget'),
  );
  if (ownBudget) {
    block.budget = {
      ...((block.budget as JsonObject | undefined) ?? {}),
      ...(ownBudget.get() as JsonObject),
    };
  }
  for (const k of ACCOUNT_KEYS) {
    const v = read(`${accountKey}.${k}`, () => account.getOptional(k));
    if (v !== undefined && v !== null) block[k] = v;
  }
  try {
    return readCloudflareClientConfig(new ConfigReader({ cloudflare: block }));
  } catch (e) {
    throw renamed(e, account, accountKey);
  }
}

/**
 * Reads every configured Cloudflare account, with the connection settings of its client.
 *
 * - No `cloudflare` block, or neither `cloudflare.accountId` nor `cloudflare.accounts`: none.
 * - `cloudflare.accounts` (`{ id, accountId, apiToken, apiBaseUrl?, browserRendering?, budget? }`):
 *   one per entry; the top-level `fetch`, `redaction`, `provenance`, `budget` and `breaker` apply to
 *   each, an entry's own `budget` keys win. Ids must be unique, and so must account ids. The
 *   top-level `accountId` and `apiToken` are not read then.
 * - Otherwise the top-level block (`cloudflare.accountId`, `cloudflare.apiToken`, ...): one account
 *   with id `default`.
 *
 * Errors are {@link CloudflareConfigError}s naming the key, never a value (a duplicated account
 * id, which is no secret, excepted).
 *
 * @public
 */
export function readCloudflareAccounts(
  config: Config,
): CloudflareAccountConfig[] {
  const cf = read('cloudflare', () => config.getOptionalConfig('cloudflare'));
  if (!cf) return [];
  const accounts = read('cloudflare.accounts', () =>
    cf.getOptionalConfigArray('accounts'),
  );
  if (!accounts) {
    if (!cf.has('accountId')) return [];
    const clientConfig = readCloudflareClientConfig(config);
    return [
      {
        id: DEFAULT_CLOUDFLARE_ACCOUNT_CONFIG_ID,
        accountId: clientConfig.accountId,
        clientConfig,
      },
    ];
  }
  const ids = new Map<string, number>();
  const accountIds = new Map<string, number>();
  return accounts.map((account, i) => {
    const accountKey = `cloudflare.accounts[${i}]`;
    const id = read(`${accountKey}.id`, () => account.getString('id'));
    if (!/^[a-z0-9]([a-z0-9_-]*[a-z0-9])?$/i.test(id)) {
      throw new CloudflareConfigError(
        `${accountKey}.id`,
        'must be letters, digits, - and _ (starting and ending with a letter or digit)',
      );
    }
    const sameId = ids.get(id);
    if (sameId !== undefined) {
      throw new CloudflareConfigError(
        `${accountKey}.id`,
        `duplicates cloudflare.accounts[${sameId}].id`,
      );
    }
    ids.set(id, i);
    const clientConfig = readEntry(cf, account, accountKey);
    const lower = clientConfig.accountId.toLowerCase();
    const sameAccount = accountIds.get(lower);
    if (sameAccount !== undefined) {
      throw new CloudflareConfigError(
        `${accountKey}.accountId`,
        `names account ${lower} as cloudflare.accounts[${sameAccount}] does`,
      );
    }
    accountIds.set(lower, i);
    return { id, accountId: clientConfig.accountId, clientConfig };
  });
}
