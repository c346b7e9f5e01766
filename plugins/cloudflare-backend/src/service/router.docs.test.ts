import fs from 'node:fs';
import path from 'node:path';
import { createRouter } from './router';
import { RouteContext } from './context';

const repoRoot = path.resolve(__dirname, '../../../..');
const readme = (file: string) =>
  fs.readFileSync(path.join(repoRoot, file), 'utf8');

/** `METHOD /path` of every route the router registers (registration reads nothing from the context). */
async function registeredRoutes(): Promise<string[]> {
  const router = await createRouter({} as RouteContext);
  return router.stack.flatMap((layer: any) =>
    layer.route
      ? Object.keys(layer.route.methods).map(
          m => `${m.toUpperCase()} ${layer.route.path}`,
        )
      : [],
  );
}

/** `METHOD /path` of each row of the first table under `## <heading>` (query strings dropped). */
function documentedRoutes(markdown: string, heading: string): string[] {
  const section =
    markdown.split(`\n## ${heading}\n`)[1]?.split('\n## ')[0] ?? '';
  return [
    ...section.matchAll(
      /^\|\s*(GET|POST|PUT|PATCH|DELETE)\s*\|\s*`([^`?]+)[^`]*`\s*\|/gm,
    ),
  ].map(m => `${m[1]} ${m[2]}`);
}

describe('route documentation', () => {
  it.each([
    ['README.md', 'Routes'],
    ['plugins/cloudflare-backend/README.md', 'Routes'],
  ])(
    '%s lists exactly the routes the router registers',
    async (file, heading) => {
      const registered = await registeredRoutes();
      expect(registered.length).toBeGreaterThan(5);
      expect(documentedRoutes(readme(file), heading).sort()).toEqual(
        [...registered].sort(),
      );
    },
  );
});
