import { CloudflareCheck, CloudflareCheckCondition } from '../checkModel';

/** A fact value as stored (JSON). */
type FactValue = unknown;

function holds(
  condition: CloudflareCheckCondition,
  actual: FactValue,
): boolean {
  const { operator, value } = condition;
  switch (operator) {
    case 'equal':
      return actual === value;
    case 'notEqual':
      return actual !== value;
    case 'lessThan':
      return typeof actual === 'number' && actual < (value as number);
    case 'lessThanInclusive':
      return typeof actual === 'number' && actual <= (value as number);
    case 'greaterThan':
      return typeof actual === 'number' && actual > (value as number);
    case 'greaterThanInclusive':
      return typeof actual === 'number' && actual >= (value as number);
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
