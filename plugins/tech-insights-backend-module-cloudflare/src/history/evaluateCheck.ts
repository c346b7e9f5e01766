import { CloudflareCheck, CloudflareCheckCondition } from '../checkModel';

/** A fact value as stored (JSON). */
type FactValue = unknown;

/** json-rules-engine's check before a numeric comparison: the fact parses as a number. */
const numeric = (actual: FactValue) =>
  !Number.isNaN(Number.parseFloat(actual as string));

/** One condition as json-rules-engine's default operators decide it. */
function holds(
  condition: CloudflareCheckCondition,
  actual: FactValue,
): boolean {
  const { operator, value } = condition;
  const a = actual as number;
  const b = value as number;
  switch (operator) {
    case 'equal':
      return actual === value;
    case 'notEqual':
      return actual !== value;
    case 'lessThan':
      return numeric(actual) && a < b;
    case 'lessThanInclusive':
      return numeric(actual) && a <= b;
    case 'greaterThan':
      return numeric(actual) && a > b;
    case 'greaterThanInclusive':
      return numeric(actual) && a >= b;
    default:
      return false;
  }
}

/**
 * Evaluates one suite check the way the jsonfc checker does for its `all` of simple comparisons:
 * `undefined` when a fact it reads is missing (jsonfc skips the check), otherwise whether every
 * condition holds. `facts` are the merged facts of the check's retrievers for one entity.
 */
export function evaluateCheck(
  check: Pick<CloudflareCheck, 'rule'>,
  facts: Readonly<Record<string, FactValue>>,
): boolean | undefined {
  const conditions = check.rule.conditions.all;
  if (!conditions.every(c => Object.hasOwn(facts, c.fact))) {
    return undefined;
  }
  return conditions.every(c => holds(c, facts[c.fact]));
}
