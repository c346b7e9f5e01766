/*
 * What every benchmark of the suite shares: the row protocol read by table.ts, peak RSS, child
 * processes, percentiles. Not a benchmark itself (bench.sh runs only *.bench.ts files).
 *
 * A benchmark prints one line `BENCH_ROW {json}` per figure (see BenchRow); table.ts gathers the
 * rows of every benchmark of one `yarn bench` run into one table and fails the run when a row with
 * a target misses it.
 */
import { fork, ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** One figure of the table. */
export interface BenchRow {
  /** What is measured, e.g. `cold sync, 10,000 resources: calls`. */
  figure: string;
  /** The measured value. */
  measured: number;
  /** Its unit, e.g. `calls`, `ms`, `MB`, `req/s`. */
  unit: string;
  /** The floor the benchmark computed (same unit), when the figure has one. */
  floor?: number;
  /** What the target is, in words (`<= 1.05x floor`, `< 400 MB`, `= 0`); absent: information only. */
  target?: string;
  /** Whether the target is met; undefined for information rows. */
  pass?: boolean;
  /** A short note shown under the table (how the floor was computed). */
  note?: string;
}

/** `measured / floor`, or undefined without a positive floor. */
export function ratioOf(row: Pick<BenchRow, 'measured' | 'floor'>) {
  return row.floor && row.floor > 0 ? row.measured / row.floor : undefined;
}

/** Prints one row for table.ts (and a readable line for a reader of the raw output). */
export function emitRow(row: BenchRow): void {
  const ratio = ratioOf(row);
  // eslint-disable-next-line no-console
  console.log(
    `  ${row.figure}: ${fmt(row.measured)} ${row.unit}${
      row.floor !== undefined ? ` (floor ${fmt(row.floor)})` : ''
    }${ratio !== undefined ? ` = ${ratio.toFixed(3)}x` : ''}${
      row.target ? ` target ${row.target}: ${row.pass ? 'PASS' : 'FAIL'}` : ''
    }`,
  );
  // eslint-disable-next-line no-console
  console.log(`BENCH_ROW ${JSON.stringify(row)}`);
}

/** A number for humans: integers with separators, others with 2 decimals. */
export function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return Number.isInteger(n)
    ? n.toLocaleString('en-US')
    : n.toLocaleString('en-US', {
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      });
}

/**
 * Peak resident set of this process in MB: the kernel's high-water mark (`VmHWM`), so a short peak
 * between two samples is not missed; `rss` now when /proc is absent.
 */
export function peakRssMb(): number {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(
      readFileSync('/proc/self/status', 'utf8'),
    );
    if (m) return Math.round(Number(m[1]) / 1024);
  } catch {
    // not Linux
  }
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}

/** Value at percentile `p` (0-100) of ascending `sorted`. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

/** A message between a benchmark and its child process. */
export type BenchMessage = { type: string; [key: string]: unknown };

/** Messages received, waited for by type. */
class Inbox {
  private readonly items: BenchMessage[] = [];
  private wake?: () => void;

  push(message: BenchMessage) {
    this.items.push(message);
    this.poke();
  }

  /** Wakes a waiting `take` (to check its stop condition). */
  poke() {
    this.wake?.();
  }

  /**
   * The first message `match` accepts (others stay), waiting for it; throws when `stopped` gives a
   * reason first.
   */
  async take(
    match: (m: BenchMessage) => boolean,
    stopped: () => string | undefined = () => undefined,
  ): Promise<BenchMessage> {
    for (;;) {
      const i = this.items.findIndex(match);
      if (i >= 0) return this.items.splice(i, 1)[0];
      const reason = stopped();
      if (reason) throw new Error(reason);
      await this.arrival();
    }
  }

  private arrival() {
    return new Promise<void>(resolve => {
      this.wake = resolve;
    });
  }
}

/**
 * A child process running `file` (a TypeScript file, through the same tsx loader), so its peak
 * memory is its own; messages both ways over IPC.
 */
export class BenchChild {
  private readonly child: ChildProcess;
  private readonly inbox = new Inbox();
  private exited?: number | null;

  /**
   * `options.maxOldSpaceMb` caps the child's V8 old space (`--max-old-space-size`), as a
   * production backend's `NODE_OPTIONS` does; by default V8 sizes it to the machine's memory.
   */
  constructor(
    file: string,
    args: string[] = [],
    options: { maxOldSpaceMb?: number } = {},
  ) {
    this.child = fork(file, args, {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: options.maxOldSpaceMb
        ? [...process.execArgv, `--max-old-space-size=${options.maxOldSpaceMb}`]
        : process.execArgv,
    });
    this.child.on('message', m => this.inbox.push(m as BenchMessage));
    this.child.on('exit', code => {
      this.exited = code;
      this.inbox.poke();
    });
  }

  /** Sends a message to the child. */
  send(message: BenchMessage): void {
    this.child.send(message);
  }

  /** The next message of `type`; throws when the child reports an error or ends first. */
  async next<T extends { type: string }>(type: string): Promise<T> {
    const m = await this.inbox.take(
      x => x.type === type || x.type === 'error',
      () =>
        this.exited !== undefined
          ? `bench child exited (${this.exited}) before sending ${type}`
          : undefined,
    );
    if (m.type === 'error')
      throw new Error(`bench child failed: ${String(m.message)}`);
    return m as unknown as T;
  }

  /** Stops the child. */
  kill(): void {
    if (this.exited === undefined) this.child.kill('SIGTERM');
  }
}

/**
 * The child side: `send` to the parent, `next` message of a type from it. Reports an uncaught
 * failure as `{ type: 'error' }` and exits 1.
 */
export function benchParent() {
  const inbox = new Inbox();
  // Stopped by the parent: exit normally, so 'exit' handlers (clean-up) run.
  process.on('SIGTERM', () => process.exit(0));
  process.on('message', m => inbox.push(m as BenchMessage));
  const send = (message: BenchMessage) =>
    new Promise<void>((resolve, reject) =>
      process.send!(message, undefined, undefined, e =>
        e ? reject(e) : resolve(),
      ),
    );
  return {
    send,
    /** The next message of `type` (or of one of the types given). */
    async next<T extends { type: string }>(
      type: string | readonly string[],
    ): Promise<T> {
      const types = typeof type === 'string' ? [type] : type;
      return (await inbox.take(m => types.includes(m.type))) as unknown as T;
    },
    /** Runs the child's work; failures go to the parent as an `error` message. */
    run(main: () => Promise<void>) {
      main()
        .then(() => process.exit(0))
        .catch(async e => {
          await send({
            type: 'error',
            message: e instanceof Error ? e.stack ?? e.message : String(e),
          }).catch(() => undefined);
          process.exit(1);
        });
    },
  };
}

/** A logger that drops everything (Backstage's LoggerService shape). */
export const silentLogger: any = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child() {
    return silentLogger;
  },
};
