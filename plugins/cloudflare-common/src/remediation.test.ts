import fs from 'node:fs';
import path from 'node:path';
import {
  CLOUDFLARE_REMEDIATIONS,
  renderCloudflareRemediationMarkdown,
} from './remediation';
import { CLOUDFLARE_CHECK_IDS } from './scorecards';

const DOC = path.resolve(__dirname, '../../../docs/soc2-remediation.md');

describe('CLOUDFLARE_REMEDIATIONS', () => {
  it('has an entry for every check of the pack and none for another', () => {
    expect(Object.keys(CLOUDFLARE_REMEDIATIONS).sort()).toEqual(
      [...CLOUDFLARE_CHECK_IDS].sort(),
    );
  });

  it.each(CLOUDFLARE_CHECK_IDS.map(id => [id]))(
    '%s says why, what to change and two to four steps',
    id => {
      const r = CLOUDFLARE_REMEDIATIONS[id];
      expect(r.why.length).toBeGreaterThan(40);
      expect(r.setting.length).toBeGreaterThan(20);
      expect(r.steps.length).toBeGreaterThanOrEqual(2);
      expect(r.steps.length).toBeLessThanOrEqual(4);
    },
  );
});

describe('renderCloudflareRemediationMarkdown', () => {
  const markdown = renderCloudflareRemediationMarkdown();

  it('anchors every check at its id, under its scorecard, with its criterion', () => {
    for (const id of CLOUDFLARE_CHECK_IDS) {
      expect(markdown).toContain(`<a id="${id}"></a>\n\n### ${id}\n`);
    }
    expect(markdown).toMatch(
      /## Access Hygiene[\s\S]*### cloudflareApiTokenHygiene\n\n\*\*CC6\.1 Logical access security\.\*\*/,
    );
    expect(markdown.match(/^## /gm)).toHaveLength(6);
  });

  it('is what docs/soc2-remediation.md holds (rewrite it with the command in its header)', () => {
    expect(fs.readFileSync(DOC, 'utf8')).toBe(markdown);
  });
});
