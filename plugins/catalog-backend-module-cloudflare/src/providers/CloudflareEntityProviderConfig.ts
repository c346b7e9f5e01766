import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import {
  KubernetesValidatorFunctions,
  parseEntityRef,
} from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  CloudflareClientConfig,
  readCloudflareAccounts,
} from '@cloudflare-backstage/cloudflare-client';
import {
  CLOUDFLARE_AREAS,
  CloudflareAreaId,
} from '@cloudflare-backstage/plugin-cloudflare-common';

/**
 * Schedule used when `cloudflare.entityProvider.schedule` is absent: every 10 minutes, at most 2
 * minutes per run.
 */
export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 2 },
};

/**
 * Owner of entities no ownership rule matches.
 */
export const DEFAULT_OWNER = 'group:default/platform';

/**
 * Owner of the Zero Trust posture entity when no configured rule matches it.
 */
export const DEFAULT_ZERO_TRUST_OWNER = 'group:default/security';

/**
 * One ownership rule: the first rule whose `match` fits a resource gives its owner and system.
 *
 * @public
 */
export interface CloudflareOwnershipRule {
  /** Product area the rule applies to (registry id); every area when absent. */
  area?: CloudflareAreaId;
  /** Anchored regular expression over the Cloudflare resource name; every name when absent. */
  namePattern?: RegExp;
  /**
   * A Cloudflare resource tag the resource must carry (Resource Tagging API): `key` (any value), or
   * `key` and `value` (config `match.tag: backstage-owner=team-a`); every resource when absent.
   */
  tag?: { key: string; value?: string };
  /** Entity ref of the owner, e.g. `group:default/platform`. */
  owner: string;
  /** Entity ref of the system, e.g. `system:default/acme-org`. */
  system?: string;
}

/**
 * The configuration of one provider instance (one Cloudflare account).
 *
 * @public
 */
export interface CloudflareEntityProviderConfig {
  /** Provider id: `default` for the single top-level block, else the account entry's `id`. */
  id: string;
  /** The Cloudflare account read by this provider. */
  accountId: string;
  /**
   * This account's client settings, as `readCloudflareAccounts` of the client package reads them
   * (the clients service builds the backend's client from the same). It carries the API token:
   * never log it.
   */
  clientConfig: CloudflareClientConfig;
  /** Whether each product area is imported (`import.<areaId>`, default true). */
  import: Record<CloudflareAreaId, boolean>;
  /** Ownership rules, configured ones first, then the built-in defaults. */
  ownership: CloudflareOwnershipRule[];
  /** Schedule of the refresh task. */
  schedule: SchedulerServiceTaskScheduleDefinition;
}

function configError(key: string, problem: string): Error {
  return new Error(
    `Invalid Cloudflare entity provider configuration at '${key}': ${problem}`,
  );
}

function read<T>(key: string, fn: () => T): T {
  try {
    return fn();
  } catch {
    throw configError(key, 'missing or of the wrong type');
  }
}

function compilePattern(pattern: string, key: string): RegExp {
  let full = pattern;
  if (!full.startsWith('^')) full = `^${full}`;
  if (!full.endsWith('$')) full = `${full}$`;
  try {
    return new RegExp(full);
  } catch {
    throw configError(key, 'is not a valid regular expression');
  }
}

/** `key` or `key=value` (split at the first `=`; Cloudflare tag keys hold no `=`). */
function parseTag(value: string, key: string): { key: string; value?: string } {
  const at = value.indexOf('=');
  const tag =
    at < 0
      ? { key: value.trim() }
      : { key: value.slice(0, at).trim(), value: value.slice(at + 1).trim() };
  if (!tag.key) throw configError(key, 'must be a tag key or key=value');
  return tag;
}

function checkEntityRef(value: string, key: string, defaultKind: string) {
  let valid: boolean;
  try {
    const ref = parseEntityRef(value, {
      defaultKind,
      defaultNamespace: 'default',
    });
    valid =
      KubernetesValidatorFunctions.isValidObjectName(ref.name) &&
      KubernetesValidatorFunctions.isValidNamespace(ref.namespace) &&
      /^[a-zA-Z][a-z0-9A-Z]*$/.test(ref.kind);
  } catch {
    valid = false;
  }
  if (!valid) throw configError(key, 'is not a valid entity reference');
  return value;
}

const AREA_IDS = new Set<string>(CLOUDFLARE_AREAS.map(a => a.id));

function readImport(
  layers: Array<{ config?: Config; key: string }>,
): Record<CloudflareAreaId, boolean> {
  const result = Object.fromEntries(
    CLOUDFLARE_AREAS.map(a => [a.id, true]),
  ) as Record<CloudflareAreaId, boolean>;
  for (const { config, key } of layers) {
    const at = `${key}.import`;
    const imp = config
      ? read(at, () => config.getOptionalConfig('import'))
      : undefined;
    if (!imp) continue;
    for (const areaId of imp.keys()) {
      if (!AREA_IDS.has(areaId)) {
        throw configError(`${at}.${areaId}`, 'is not a known product area');
      }
      result[areaId as CloudflareAreaId] = read(`${at}.${areaId}`, () =>
        imp.getBoolean(areaId),
      );
    }
  }
  return result;
}

function readOwnership(
  ep: Config | undefined,
  key: string,
): {
  rules: CloudflareOwnershipRule[];
  defaultOwner?: string;
  defaultSystem?: string;
} {
  if (!ep) return { rules: [] };
  const list = read(`${key}.ownership`, () =>
    ep.getOptionalConfigArray('ownership'),
  );
  const rules = (list ?? []).map((rule, i) => {
    const at = `${key}.ownership[${i}]`;
    const area = read(`${at}.match.area`, () =>
      rule.getOptionalString('match.area'),
    );
    if (area !== undefined && !AREA_IDS.has(area)) {
      throw configError(`${at}.match.area`, 'is not a known product area');
    }
    const pattern = read(`${at}.match.namePattern`, () =>
      rule.getOptionalString('match.namePattern'),
    );
    const tag = read(`${at}.match.tag`, () =>
      rule.getOptionalString('match.tag'),
    );
    const owner = read(`${at}.owner`, () => rule.getString('owner'));
    const system = read(`${at}.system`, () => rule.getOptionalString('system'));
    return {
      area: area as CloudflareAreaId | undefined,
      namePattern:
        pattern !== undefined
          ? compilePattern(pattern, `${at}.match.namePattern`)
          : undefined,
      tag: tag !== undefined ? parseTag(tag, `${at}.match.tag`) : undefined,
      owner: checkEntityRef(owner, `${at}.owner`, 'group'),
      system:
        system !== undefined
          ? checkEntityRef(system, `${at}.system`, 'system')
          : undefined,
    };
  });
  const defaultOwner = read(`${key}.defaultOwner`, () =>
    ep.getOptionalString('defaultOwner'),
  );
  const defaultSystem = read(`${key}.defaultSystem`, () =>
    ep.getOptionalString('defaultSystem'),
  );
  return {
    rules: list ? rules : [],
    defaultOwner:
      defaultOwner !== undefined
        ? checkEntityRef(defaultOwner, `${key}.defaultOwner`, 'group')
        : undefined,
    defaultSystem:
      defaultSystem !== undefined
        ? checkEntityRef(defaultSystem, `${key}.defaultSystem`, 'system')
        : undefined,
  };
}

function readSchedule(
  layers: Array<{ config?: Config; key: string }>,
): SchedulerServiceTaskScheduleDefinition {
  // The most specific layer that has a schedule wins.
  for (const { config, key } of [...layers].reverse()) {
    if (config?.has('schedule')) {
      try {
        return readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('schedule'),
        );
      } catch (e) {
        throw configError(`${key}.schedule`, (e as Error).message);
      }
    }
  }
  return DEFAULT_SCHEDULE;
}

function readOne(options: {
  id: string;
  accountId: string;
  clientConfig: CloudflareClientConfig;
  cf: Config;
  account: Config;
  accountKey: string;
}): CloudflareEntityProviderConfig {
  const { id, accountId, clientConfig, cf, account, accountKey } = options;
  const shared = read('cloudflare.entityProvider', () =>
    cf.getOptionalConfig('entityProvider'),
  );
  const own =
    account === cf
      ? undefined
      : read(`${accountKey}.entityProvider`, () =>
          account.getOptionalConfig('entityProvider'),
        );
  const layers = [
    { config: shared, key: 'cloudflare.entityProvider' },
    { config: own, key: `${accountKey}.entityProvider` },
  ];

  const sharedOwnership = readOwnership(shared, 'cloudflare.entityProvider');
  const ownOwnership = readOwnership(own, `${accountKey}.entityProvider`);
  const configuredRules = own?.has('ownership')
    ? ownOwnership.rules
    : sharedOwnership.rules;
  const defaultOwner =
    ownOwnership.defaultOwner ?? sharedOwnership.defaultOwner ?? DEFAULT_OWNER;
  const defaultSystem =
    ownOwnership.defaultSystem ?? sharedOwnership.defaultSystem;
  const builtIn: CloudflareOwnershipRule[] = [
    {
      area: 'zeroTrust',
      owner: DEFAULT_ZERO_TRUST_OWNER,
      system: defaultSystem,
    },
    { owner: defaultOwner, system: defaultSystem },
  ];

  return {
    id,
    accountId,
    clientConfig,
    import: readImport(layers),
    ownership: [...configuredRules, ...builtIn],
    schedule: readSchedule(layers),
  };
}

/**
 * Reads one provider configuration per configured Cloudflare account: the account and its client
 * settings from `readCloudflareAccounts` (the client package's, which the clients service reads
 * too), and this module's own `entityProvider` settings.
 *
 * - No `cloudflare` block, or `cloudflare.entityProvider.enabled: false`: no provider.
 * - `cloudflare.accounts` (a list of `{ id, accountId, apiToken, apiBaseUrl?, entityProvider? }`):
 *   one provider per entry, with the entry's `id`. `cloudflare.entityProvider` applies to every
 *   entry; an entry's own `entityProvider` keys win.
 * - Otherwise a single top-level block (`cloudflare.accountId`, `cloudflare.apiToken`, ...): one
 *   provider with id `default`.
 *
 * Errors name the offending key and never quote a value (a duplicated account id, which is no
 * secret, excepted).
 */
export function readProviderConfigs(
  config: Config,
): CloudflareEntityProviderConfig[] {
  const cf = read('cloudflare', () => config.getOptionalConfig('cloudflare'));
  if (!cf) return [];
  const enabled = read('cloudflare.entityProvider.enabled', () =>
    cf.getOptionalBoolean('entityProvider.enabled'),
  );
  if (enabled === false) return [];
  const entries = read('cloudflare.accounts', () =>
    cf.getOptionalConfigArray('accounts'),
  );
  return readCloudflareAccounts(config).map((account, i) =>
    readOne({
      ...account,
      cf,
      account: entries ? entries[i] : cf,
      accountKey: entries ? `cloudflare.accounts[${i}]` : 'cloudflare',
    }),
  );
}
