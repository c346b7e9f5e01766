/*
 * Prints the table of one `yarn bench` run from the benchmarks' output (the `BENCH_ROW` lines of
 * benchKit.ts, and the `BENCH_EXIT <file> <status>` lines bench.sh adds) and exits 1 when a target
 * is missed or a benchmark failed.
 *
 *   yarn tsx packages/backend/bench/table.ts <output file>
 */
import { readFileSync } from 'node:fs';
import { BenchRow, fmt, ratioOf } from './benchKit';

function verdict(row: BenchRow): string {
  if (row.pass === undefined) return 'info';
  return row.pass ? 'PASS' : 'FAIL';
}

function main() {
  const lines = readFileSync(process.argv[2], 'utf8').split('\n');
  const rows: BenchRow[] = [];
  const failedBenches: string[] = [];
  for (const line of lines) {
    if (line.startsWith('BENCH_ROW '))
      rows.push(JSON.parse(line.slice('BENCH_ROW '.length)));
    const exit = /^BENCH_EXIT (\S+) (\d+)$/.exec(line);
    if (exit && exit[2] !== '0') failedBenches.push(exit[1]);
  }
  const table = [
    ['figure', 'measured', 'floor', 'ratio', 'target', 'result'],
    ...rows.map(r => {
      const ratio = ratioOf(r);
      return [
        r.figure,
        `${fmt(r.measured)} ${r.unit}`,
        r.floor !== undefined ? `${fmt(r.floor)} ${r.unit}` : '-',
        ratio !== undefined ? `${ratio.toFixed(3)}x` : '-',
        r.target ?? '-',
        verdict(r),
      ];
    }),
  ];
  const widths = table[0].map((_, c) =>
    Math.max(...table.map(row => row[c].length)),
  );
  const print = (row: string[]) =>
    // eslint-disable-next-line no-console
    console.log(
      `| ${row
        .map((cell, c) =>
          c === 0 || c === 4
            ? cell.padEnd(widths[c])
            : cell.padStart(widths[c]),
        )
        .join(' | ')} |`,
    );
  /* eslint-disable no-console */
  console.log('\n== yarn bench: every figure against its floor and target\n');
  print(table[0]);
  console.log(`|${widths.map(w => '-'.repeat(w + 2)).join('|')}|`);
  table.slice(1).forEach(print);
  const notes = rows.filter(r => r.note);
  if (notes.length > 0) {
    console.log('\nNotes (floors, and where the time goes):');
    for (const r of notes) console.log(`- ${r.figure}: ${r.note}`);
  }
  const missed = rows.filter(r => r.pass === false);
  for (const b of failedBenches) console.log(`\n${b} FAILED (see above)`);
  console.log(
    `\n${rows.length} figures, ${missed.length} target(s) missed, ${failedBenches.length} benchmark(s) failed`,
  );
  /* eslint-enable no-console */
  process.exit(missed.length > 0 || failedBenches.length > 0 ? 1 : 0);
}

main();
