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

/**
 * An {@link IngestionStore} in memory: progress lives as long as the instance (one process, or the
 * test that shares it between provider instances). It keeps the values themselves, not copies (a
 * 10,000-resource account would otherwise be held twice): the provider never changes a read or a
 * detail after handing it over, every run builds new ones.
 */
export class MemoryIngestionStore implements IngestionStore {
  private readonly accounts = new Map<
    string,
    { cycle: number; areas: Map<string, StoredArea> }
  >();
  private readonly details = new Map<string, Map<string, StoredDetail>>();

  async loadAccount(accountId: string): Promise<StoredAccount> {
    const account = this.account(accountId);
    return { cycle: account.cycle, areas: new Map(account.areas) };
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
    const read = state.read ?? areas.get(area)?.read;
    areas.set(area, { doneCycle: state.doneCycle, ...(read ? { read } : {}) });
  }

  async loadDetails(
    accountId: string,
    area: string,
  ): Promise<Map<string, StoredDetail>> {
    return new Map(this.memo(accountId, area));
  }

  async saveDetails(
    accountId: string,
    area: string,
    details: StoredDetail[],
  ): Promise<void> {
    const memo = this.memo(accountId, area);
    for (const d of details) memo.set(d.key, d);
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
