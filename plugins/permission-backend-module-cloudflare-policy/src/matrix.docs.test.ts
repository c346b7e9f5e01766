import fs from 'node:fs';
import path from 'node:path';
import { cloudflarePermissions } from '@cloudflare-backstage/plugin-cloudflare-common';
import { CLOUDFLARE_ROLE_GRANTS, CloudflareRole } from './matrix';

const ROLES: CloudflareRole[] = [
  'security',
  'platform',
  'engineering',
  'readers',
];

/** The root README's permissions table: permission pattern -> yes/no per role. */
function documentedMatrix(): Map<string, boolean[]> {
  const markdown = fs.readFileSync(
    path.resolve(__dirname, '../../../README.md'),
    'utf8',
  );
  const section =
    markdown.split('\n## Permissions\n')[1]?.split('\n## ')[0] ?? '';
  const rows = new Map<string, boolean[]>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map(c => c.trim());
    const name = /^`(cloudflare\.[^`]+)`/.exec(cells[1] ?? '')?.[1];
    if (name)
      rows.set(
        name,
        cells.slice(3, 7).map(c => c === 'yes'),
      );
  }
  return rows;
}

describe('README permissions table', () => {
  const documented = documentedMatrix();

  it('states each role of the matrix for every permission of the suite', () => {
    expect(documented.size).toBeGreaterThanOrEqual(5);
    for (const { name } of cloudflarePermissions) {
      // per-area read permissions are one row, `cloudflare.read.<area>`, unless listed on their own
      const row =
        documented.get(name) ?? documented.get('cloudflare.read.<area>');
      expect({ name, row: row?.length }).toEqual({ name, row: 4 });
      expect({
        name,
        grants: ROLES.map(role => CLOUDFLARE_ROLE_GRANTS[role].has(name)),
      }).toEqual({ name, grants: row });
    }
  });
});
