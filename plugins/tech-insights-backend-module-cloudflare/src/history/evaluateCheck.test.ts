import { CloudflareCheckCondition } from '../checkModel';
import { evaluateCheck } from './evaluateCheck';

const check = (...all: CloudflareCheckCondition[]) => ({
  rule: { conditions: { all } },
});

describe('evaluateCheck', () => {
  it('decides each operator as json-rules-engine does', () => {
    const cases: Array<
      [CloudflareCheckCondition['operator'], unknown, boolean]
    > = [
      ['equal', 3, true],
      ['equal', '3', false],
      ['notEqual', 4, true],
      ['lessThan', 2, true],
      ['lessThan', 3, false],
      ['lessThan', '2', true], // a numeric string passes the number check and compares
      ['lessThan', 'two', false],
      ['lessThan', null, false],
      ['lessThanInclusive', 3, true],
      ['greaterThan', 4, true],
      ['greaterThan', 3, false],
      ['greaterThanInclusive', 3, true],
      ['greaterThanInclusive', 2, false],
    ];
    for (const [operator, actual, expected] of cases) {
      expect({
        operator,
        actual,
        result: evaluateCheck(check({ fact: 'n', operator, value: 3 }), {
          n: actual,
        }),
      }).toEqual({ operator, actual, result: expected });
    }
  });

  it('needs every condition to hold, and is not evaluated when a fact is missing', () => {
    const both = check(
      { fact: 'ok', operator: 'equal', value: true },
      { fact: 'count', operator: 'lessThanInclusive', value: 0 },
    );
    expect(evaluateCheck(both, { ok: true, count: 0 })).toBe(true);
    expect(evaluateCheck(both, { ok: true, count: 1 })).toBe(false);
    expect(evaluateCheck(both, { ok: true })).toBeUndefined();
    expect(evaluateCheck(both, { ok: true, count: undefined })).toBe(false);
  });
});
