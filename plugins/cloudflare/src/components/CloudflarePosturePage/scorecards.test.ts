import { factValueText, reasonOf, summarizeChecks } from './scorecards';
import { computeCoverage, hasCloudflareLink } from './coverage';
import { component } from '../../testUtils';

const check = { id: 'c', name: 'C', description: 'd', factIds: [] };

describe('scorecard summaries', () => {
  it('formats fact values', () => {
    expect(factValueText(null)).toBe('none');
    expect(factValueText(false)).toBe('no');
    expect(factValueText([])).toBe('none');
    expect(factValueText(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe(
      '7: a, b, c, d, e (+2 more)',
    );
    expect(factValueText([{ x: 1 }])).toBe('1: {"x":1}');
    expect(factValueText({ x: 1 })).toBe('{"x":1}');
    expect(factValueText(42)).toBe('42');
  });

  it('prefers a reason fact, and explains empty facts', () => {
    expect(
      reasonOf({
        check,
        result: false,
        facts: {
          reason: {
            id: 'reason',
            value: '1 of 3 deployments lacks a commit SHA',
          },
          count: { id: 'count', value: 1 },
        },
      }),
    ).toBe('1 of 3 deployments lacks a commit SHA');
    expect(reasonOf({ check, result: false, facts: {} })).toMatch(/no facts/);
  });

  it('groups results per check', () => {
    const [s] = summarizeChecks(
      [check],
      [
        {
          entity: 'component:default/a',
          results: [{ check, result: true, facts: {} }],
        },
        {
          entity: 'component:default/b',
          results: [
            { check, result: false, facts: { n: { id: 'n', value: 2 } } },
          ],
        },
        {
          entity: 'component:default/c',
          results: [],
          error: { name: 'E', message: 'x' },
        },
      ],
    );
    expect(s.evaluated).toBe(2);
    expect(s.passed).toEqual(['component:default/a']);
    expect(s.failed).toEqual([
      { entity: 'component:default/b', reason: 'n: 2' },
    ]);
  });

  it('computes coverage, ignoring malformed relations', () => {
    const odd = {
      ...component('odd'),
      relations: [{ type: 'dependsOn', targetRef: 'not a ref::' }],
    };
    expect(hasCloudflareLink(odd)).toBe(false);
    expect(computeCoverage([])).toEqual({
      production: 0,
      covered: 0,
      ratio: 0,
      uncovered: [],
    });
  });
});
