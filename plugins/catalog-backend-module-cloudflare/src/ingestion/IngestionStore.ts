/**
 * Where the provider keeps its progress: per Cloudflare account, the ingestion cycle, each area's
 * last complete read and the cycle it was done in, and each area's memo of per-resource details.
 * {@link DatabaseIngestionStore} keeps them in the module's database (they survive a restart);
 * {@link MemoryIngestionStore} in memory (tests, benchmarks, no database).
 */
export interface IngestionStore {
  /** The account's cycle, its areas' state and their last complete reads. */
  loadAccount(accountId: string): Promise<StoredAccount>;
  /** Records the account's current cycle. */
  saveCycle(accountId: string, cycle: number): Promise<void>;
  /**
   * Records that `area` is done in `doneCycle`: with `read`, its new last complete read (whose
   * `data` may be undefined: an area that reads nothing to keep); without, a failed read that
   * keeps the last complete one.
   */
  saveArea(
    accountId: string,
    area: string,
    state: { doneCycle: number; read?: { data: unknown } },
  ): Promise<void>;
  /** The memo of `area`'s per-resource details, by key. */
  loadDetails(
    accountId: string,
    area: string,
  ): Promise<Map<string, StoredDetail>>;
  /** Adds or replaces memo entries of `area`. */
  saveDetails(
    accountId: string,
    area: string,
    details: StoredDetail[],
  ): Promise<void>;
  /** Removes memo entries of `area` by key (resources no longer listed). */
  deleteDetails(accountId: string, area: string, keys: string[]): Promise<void>;
}

/** What the store holds for one account. */
export interface StoredAccount {
  /** The current cycle: 1 for a first sync, incremented each time every enabled area is done. */
  cycle: number;
  /** Per area: the cycle it was last done in, and its last complete read (absent: never read). */
  areas: Map<string, StoredArea>;
}

/** An area's state in the store. */
export interface StoredArea {
  /** The cycle the area was last done in (read, or failed for a reason other than the budget). */
  doneCycle: number;
  /** Its last complete read; absent when it was never read to the end. */
  read?: { data: unknown };
}

/** One memo entry: a detail of one resource, read in `cycle` for the change key `changeKey`. */
export interface StoredDetail {
  /** The descriptor's key, unique within the area (`settings/acme-api`). */
  key: string;
  /** The resource's change key when the detail was read (`modified_on`, ...); null when it has none. */
  changeKey: string | null;
  /** The cycle the detail was read in. */
  cycle: number;
  /** The value read. */
  value: unknown;
}

import { fromStoredJson, toStoredJson } from './json';

/**
 * An {@link IngestionStore} in memory: progress lives as long as the instance (one process, or the
 * test that shares it between provider instances).
 */
export class MemoryIngestionStore implements IngestionStore {
  /** Serialized like the database's rows, so no caller shares an object with the store. */
  private readonly accounts = new Map<
    string,
    { cycle: number; areas: Map<string, { doneCycle: number; data?: string }> }
  >();
  private readonly details = new Map<
    string,
    Map<string, Omit<StoredDetail, 'value'> & { value: string }>
  >();

  async loadAccount(accountId: string): Promise<StoredAccount> {
    const account = this.account(accountId);
    const areas = new Map<string, StoredArea>();
    for (const [area, { doneCycle, data }] of account.areas) {
      areas.set(area, {
        doneCycle,
        ...(data !== undefined ? { read: { data: fromStoredJson(data) } } : {}),
      });
    }
    return { cycle: account.cycle, areas };
  }

  async saveCycle(accountId: string, cycle: number): Promise<void> {
    this.account(accountId).cycle = cycle;
  }

  async saveArea(
    accountId: string,
    area: string,
    state: { doneCycle: number; read?: { data: unknown } },
  ): Promise<void> {
    const areas = this.account(accountId).areas;
    const data = state.read
      ? toStoredJson(state.read.data)
      : areas.get(area)?.data;
    areas.set(area, { doneCycle: state.doneCycle, data });
  }

  async loadDetails(
    accountId: string,
    area: string,
  ): Promise<Map<string, StoredDetail>> {
    const out = new Map<string, StoredDetail>();
    for (const [key, d] of this.memo(accountId, area)) {
      out.set(key, { ...d, value: fromStoredJson(d.value) });
    }
    return out;
  }

  async saveDetails(
    accountId: string,
    area: string,
    details: StoredDetail[],
  ): Promise<void> {
    const memo = this.memo(accountId, area);
    for (const d of details)
      memo.set(d.key, { ...d, value: toStoredJson(d.value) });
  }

  async deleteDetails(
    accountId: string,
    area: string,
    keys: string[],
  ): Promise<void> {
    const memo = this.memo(accountId, area);
    for (const k of keys) memo.delete(k);
  }

  private account(accountId: string) {
    let account = this.accounts.get(accountId);
    if (!account) {
      account = { cycle: 1, areas: new Map() };
      this.accounts.set(accountId, account);
    }
    return account;
  }

  private memo(accountId: string, area: string) {
    const id = `${accountId}/${area}`;
    let memo = this.details.get(id);
    if (!memo) {
      memo = new Map();
      this.details.set(id, memo);
    }
    return memo;
  }
}
