import {
  CLOUDFLARE_SCORECARDS,
  CLOUDFLARE_COVERAGE_TARGET,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  countedPopulation,
  factValueText,
  reasonOf,
  scorecardRates,
  summarizeChecks,
} from './scorecards';

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

  it('counts the Coverage check over production Components only', () => {
    const coverage = {
      id: 'cloudflareComponentCoverage',
      name: 'Coverage',
      description: 'd',
      factIds: [],
    };
    const backlog = { ...coverage, id: 'cloudflareQueueBacklog' };
    const counts = countedPopulation(new Set(['component:default/prod']));
    const run = (entity: string, result: boolean) => ({
      entity,
      results: [
        { check: coverage, result, facts: {} },
        { check: backlog, result, facts: {} },
      ],
    });
    const [cov, queue] = summarizeChecks(
      [coverage, backlog],
      [
        run('Component:default/Prod', true),
        run('component:default/lab', false),
      ],
      counts,
    );
    expect(cov.passed).toEqual(['Component:default/Prod']);
    expect(cov.failed).toEqual([]);
    expect(queue.evaluated).toBe(2);
    expect(queue.failed.map(f => f.entity)).toEqual(['component:default/lab']);
  });

  it('rates every scorecard in table order, with its target and criteria', () => {
    const def = (id: string) => ({
      id,
      name: id,
      description: '',
      factIds: [],
    });
    const summary = (id: string, passed: number, failed: number) => ({
      check: def(id),
      evaluated: passed + failed,
      passed: Array.from(
        { length: passed },
        (_, i) => `resource:default/p${i}`,
      ),
      failed: Array.from({ length: failed }, (_, i) => ({
        entity: `resource:default/f${i}`,
        reason: 'r',
      })),
    });
    const rates = scorecardRates([
      summary('cloudflareQueueBacklog', 3, 1),
      summary('cloudflareQueueDeadLetter', 1, 1),
      summary('cloudflareComponentCoverage', 19, 1),
    ]);
    expect(rates.map(r => r.scorecard.id)).toEqual(
      CLOUDFLARE_SCORECARDS.map(s => s.id),
    );
    const resilience = rates.find(r => r.scorecard.id === 'resilience')!;
    expect(resilience).toMatchObject({ passed: 4, total: 6, target: 1 });
    expect(resilience.rate).toBeCloseTo(4 / 6);
    expect(
      resilience.checks.map(c => [c.summary.check.id, c.criterion]),
    ).toEqual([
      ['cloudflareQueueBacklog', 'A1.1'],
      ['cloudflareQueueDeadLetter', 'A1.2'],
    ]);
    expect(rates.find(r => r.scorecard.id === 'coverage')).toMatchObject({
      passed: 19,
      total: 20,
      rate: 0.95,
      target: CLOUDFLARE_COVERAGE_TARGET,
    });
    const access = rates.find(r => r.scorecard.id === 'access-hygiene')!;
    expect(access).toMatchObject({ passed: 0, total: 0, checks: [] });
    expect(access.rate).toBeUndefined();
  });
});
