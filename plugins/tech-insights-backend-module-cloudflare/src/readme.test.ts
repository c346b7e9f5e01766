import fs from 'fs';
import path from 'path';
import { CLOUDFLARE_SCORECARDS } from '@cloudflare-backstage/plugin-cloudflare-common';
import { CLOUDFLARE_TECH_INSIGHTS_CHECKS } from './checks';

/** The rows the README's scorecard list must hold: one per check, in scorecard order. */
function expectedRows(): string[][] {
  return CLOUDFLARE_SCORECARDS.flatMap(scorecard =>
    scorecard.checks.map(({ id }) => {
      const check = CLOUDFLARE_TECH_INSIGHTS_CHECKS[id];
      const { control, title } = check.metadata.soc2;
      return [
        scorecard.title,
        `\`${id}\``,
        `${control} ${title}`,
        check.rule.conditions.all
          .map(c => `\`${c.fact} == ${c.value}\``)
          .join(' and '),
      ];
    }),
  );
}

/** The cells of the markdown table between the README's scorecard markers, header excluded. */
function readmeRows(): string[][] {
  const text = fs.readFileSync(path.resolve(__dirname, '../README.md'), 'utf8');
  const block = text
    .split('<!-- scorecards:start -->')[1]
    .split('<!-- scorecards:end -->')[0];
  return block
    .split('\n')
    .filter(line => line.startsWith('|'))
    .slice(2)
    .map(line =>
      line
        .slice(1, -1)
        .split(' | ')
        .map(cell => cell.trim()),
    );
}

describe('README', () => {
  it('lists the six scorecards with every check, its SOC 2 criterion and its rule, as the pack and the module say', () => {
    expect(readmeRows()).toEqual(expectedRows());
    expect(new Set(readmeRows().map(r => r[0])).size).toBe(6);
  });
});
