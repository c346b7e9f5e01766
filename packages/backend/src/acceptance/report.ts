import {
  CloudflareAcceptance,
  CloudflareAcceptanceCriterion,
} from '@cloudflare-backstage/plugin-cloudflare-common';

/** What the command decides about one run. */
export interface AcceptanceOutcome {
  /** Criteria that fail and are not deliberate failures. */
  unexpectedFailures: string[];
  /** Deliberate failures that pass, or fail on other resources than the known ones (the demo changed). */
  unexpectedPasses: string[];
  /** 0 when every criterion is as expected, else 1. */
  exitCode: 0 | 1;
}

/**
 * Judges an answer: against the deliberate failures of the demo account (criterion id to the
 * resources that fail it) when given, else every criterion must pass (a real backend).
 */
export function judgeAcceptance(
  answer: CloudflareAcceptance,
  deliberate?: Readonly<Record<string, readonly string[]>>,
): AcceptanceOutcome {
  const unexpectedFailures: string[] = [];
  const unexpectedPasses: string[] = [];
  for (const c of answer.criteria) {
    const known = deliberate?.[c.id];
    if (!known) {
      if (!c.pass) unexpectedFailures.push(c.id);
    } else if (c.pass) {
      unexpectedPasses.push(`${c.id}: passes, the demo is built to fail it`);
    } else if (c.denied) {
      unexpectedFailures.push(c.id);
    } else {
      const missing = known.filter(name => !c.detail?.includes(name));
      if (missing.length) {
        unexpectedPasses.push(
          `${c.id}: ${missing.join(', ')} no longer named as failing`,
        );
      }
    }
  }
  return {
    unexpectedFailures,
    unexpectedPasses,
    exitCode: unexpectedFailures.length || unexpectedPasses.length ? 1 : 0,
  };
}

const pad = (text: string, width: number) => text.padEnd(width);

/** Column widths: the longest cell of each column (titles as the spec words them). */
function widths(answer: CloudflareAcceptance) {
  const max = (cells: string[]) => Math.max(...cells.map(c => c.length));
  return {
    title: max([
      'Criterion (spec section 11)',
      ...answer.criteria.map(c => c.title),
    ]),
    target: max(['Target', ...answer.criteria.map(c => c.target)]),
    measured: max(['Measured', ...answer.criteria.map(c => c.measured)]),
  };
}

type Widths = ReturnType<typeof widths>;

/** One table line per criterion (criterion, target, measured, result), its detail below it. */
function criterionLines(
  c: CloudflareAcceptanceCriterion,
  n: number,
  w: Widths,
): string[] {
  const line = `${n}. ${pad(c.title, w.title)}  ${pad(
    c.target,
    w.target,
  )}  ${pad(c.measured, w.measured)}  ${c.pass ? 'PASS' : 'FAIL'}`;
  return c.detail ? [line, `     ${c.detail}`] : [line];
}

/**
 * The table `yarn acceptance` prints: each criterion with target, measured value and result,
 * then the deliberate failures of the demo account (when measuring the demo) and the verdict.
 */
export function formatAcceptance(
  answer: CloudflareAcceptance,
  outcome: AcceptanceOutcome,
  deliberate?: Readonly<Record<string, readonly string[]>>,
): string {
  const w = widths(answer);
  const header = `   ${pad('Criterion (spec section 11)', w.title)}  ${pad(
    'Target',
    w.target,
  )}  ${pad('Measured', w.measured)}  Result`;
  const lines = [
    `Acceptance criteria, measured ${answer.measuredAt}`,
    '',
    header,
    '-'.repeat(header.length),
    ...answer.criteria.flatMap((c, i) => criterionLines(c, i + 1, w)),
    '',
  ];
  if (deliberate) {
    lines.push('Deliberate failures of the demo account:');
    for (const [id, names] of Object.entries(deliberate)) {
      const n = answer.criteria.findIndex(c => c.id === id) + 1;
      const title = answer.criteria[n - 1]?.title ?? id;
      lines.push(`  ${n}. ${title} (${names.join(', ')})`);
    }
    lines.push('');
  }
  for (const id of outcome.unexpectedFailures) {
    lines.push(`${deliberate ? 'UNEXPECTED FAILURE' : 'FAILED'}: ${id}`);
  }
  for (const what of outcome.unexpectedPasses) {
    lines.push(`UNEXPECTED: ${what}`);
  }
  let verdict = 'Result: NOT as expected.';
  if (outcome.exitCode === 0) {
    verdict = deliberate
      ? 'Result: as expected (every criterion passes but the deliberate failures, which fail).'
      : 'Result: every criterion passes.';
  }
  lines.push(verdict);
  return lines.join('\n');
}
