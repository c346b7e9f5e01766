import { IngestionStore } from './IngestionStore';
import { DetailMemo } from './DetailMemo';

/**
 * One account's ingestion progress, over the store: the current cycle, the areas done in it, every
 * area's last complete read (loaded from the store at the start of each run, so a restart or
 * another replica starts from what was last read well) and each area's detail memo.
 *
 * A cycle reads every enabled area once. A run continues the current cycle: it skips the areas
 * already done in it and reads the others in the registry's order until the budget's deadline;
 * when every enabled area is done, the next run starts a new cycle.
 */
export class AccountIngestion {
  private cycleNo = 1;
  private readonly doneIn = new Map<string, number>();
  /** Last complete read per area. */
  readonly lastGood = new Map<string, unknown>();

  constructor(
    private readonly store: IngestionStore,
    readonly accountId: string,
  ) {}

  /**
   * Loads the account's state from the store, at the start of every run: another replica on the
   * same database may have run the task since (the scheduler's lock gives each run to one of
   * them), and this run continues from what that one did.
   */
  async load(): Promise<void> {
    const stored = await this.store.loadAccount(this.accountId);
    this.cycleNo = stored.cycle;
    this.doneIn.clear();
    this.lastGood.clear();
    for (const [area, { doneCycle, read }] of stored.areas) {
      this.doneIn.set(area, doneCycle);
      if (read) this.lastGood.set(area, read.data);
    }
  }

  /** The current cycle (1 for a first sync). */
  get cycle(): number {
    return this.cycleNo;
  }

  /** Whether `area` is done (read, or failed for a reason other than the budget) in this cycle. */
  isDone(area: string): boolean {
    return this.doneIn.get(area) === this.cycleNo;
  }

  /** The detail memo of `area` for this run. */
  async memo(area: string): Promise<DetailMemo> {
    const entries = await this.store.loadDetails(this.accountId, area);
    return new DetailMemo(entries, this.cycleNo, details =>
      this.store.saveDetails(this.accountId, area, details),
    );
  }

  /** Records `area`'s complete read: its new last good read, done in this cycle; prunes its memo. */
  async complete(
    area: string,
    read: unknown,
    memo?: DetailMemo,
  ): Promise<void> {
    if (memo) {
      await memo.flush();
      const gone = memo.untouched();
      if (gone.length > 0)
        await this.store.deleteDetails(this.accountId, area, gone);
    }
    await this.store.saveArea(this.accountId, area, {
      doneCycle: this.cycleNo,
      read: { data: read },
    });
    this.lastGood.set(area, read);
    this.doneIn.set(area, this.cycleNo);
  }

  /** Records a failed read of `area` (a Cloudflare fault): done in this cycle, last good read kept. */
  async failed(area: string, memo?: DetailMemo): Promise<void> {
    await memo?.flush();
    await this.store.saveArea(this.accountId, area, {
      doneCycle: this.cycleNo,
    });
    this.doneIn.set(area, this.cycleNo);
  }

  /** Records an interrupted read of `area` (budget, deadline): what it loaded stays in its memo. */
  async interrupted(memo?: DetailMemo): Promise<void> {
    await memo?.flush();
  }

  /**
   * Ends a run: when every area of `enabled` is done in this cycle, the next run starts a new one.
   * Returns whether the cycle was complete.
   */
  async endRun(enabled: string[]): Promise<boolean> {
    if (!enabled.every(a => this.isDone(a))) return false;
    this.cycleNo += 1;
    await this.store.saveCycle(this.accountId, this.cycleNo);
    return true;
  }
}
