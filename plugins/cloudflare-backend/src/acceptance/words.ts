import { Measured } from './types';

/** `n of total (p%)`, the percentage floored to one decimal so 99.96% never reads 100%. */
export function shareInWords(n: number, total: number): string {
  const percent = total ? Math.floor((n / total) * 1000) / 10 : 100;
  return `${n} of ${total} (${percent}%)`;
}

/** `n / total`, and 1 for an empty population (nothing fails). */
export const ratio = (n: number, total: number): number =>
  total ? n / total : 1;

/** Most names a detail lists before `and N more`. */
const MAX_NAMED = 10;

/** `label: a, b, c` (at most ten names, then `and N more`). */
export function namesInWords(label: string, names: readonly string[]): string {
  const shown = names.slice(0, MAX_NAMED).join(', ');
  const more =
    names.length > MAX_NAMED ? ` and ${names.length - MAX_NAMED} more` : '';
  return `${label}: ${shown}${more}`;
}

/** An age in words: seconds, minutes, hours or days. */
export function ageInWords(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  if (s < 172800) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86400)} days`;
}

/** `1 store`, `3 stores`. */
export const countOf = (n: number, noun: string): string =>
  `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * The figures of a share criterion: `ok` of `total` pass, `failing` names what does not (listed in
 * the detail after `label`); passes at `target` (every one, unless given).
 */
export function shareMeasured(
  total: number,
  failing: readonly string[],
  label: string,
  target = 1,
): Measured {
  const ok = total - failing.length;
  const value = ratio(ok, total);
  return {
    measured: shareInWords(ok, total),
    value,
    pass: value >= target,
    ...(failing.length ? { detail: namesInWords(label, failing) } : {}),
  };
}
