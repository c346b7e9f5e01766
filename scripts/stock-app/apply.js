#!/usr/bin/env node
/*
 * Applies the suite's installation lines (docs/install.md) to a stock Backstage app made by
 * `@backstage/create-app`, exactly as an administrator would:
 *
 *   node scripts/stock-app/apply.js <stock-app-dir> <repo-root> <demo-account-port> <tarballs.json>
 *   node scripts/stock-app/apply.js --root-only <stock-app-dir> <repo-root>
 *
 * - root package.json: the repo's `resolutions` and `dependenciesMeta` (this machine's registry lacks some
 *   optional platform builds; see README.md "Node 22 without assuming Node 22"), and one resolution per suite
 *   package to its packed tarball (tarballs.json, written by pack.sh), since they are not published; with
 *   --root-only only the repo's resolutions and dependenciesMeta (make-lock.sh);
 * - packages/backend/package.json: the suite's backend packages at `^<version>` as docs/install.md says, and
 *   the Tech Insights backend + jsonfc module; the allow-all policy module removed;
 * - packages/backend/src/index.ts: the `backend.add(...)` lines of docs/install.md;
 * - packages/app/package.json: the frontend plugin (discovered by `app.packages: all`);
 * - app-config.yaml: the `cloudflare:` block (pointing at the demo account) and the `techInsights:` block;
 * - examples/entities.yaml: a Component `acme-api` with the suite's annotations (the stock catalog reads it).
 *
 * Fails loudly when the stock template does not have the lines it expects to change.
 */
const fs = require('fs');
const path = require('path');

const rootOnly = process.argv[2] === '--root-only';
const [stockDir, repoRoot, demoPort, tarballsFile] = process.argv.slice(
  rootOnly ? 3 : 2,
);
if (!stockDir || !repoRoot || (!rootOnly && (!demoPort || !tarballsFile))) {
  console.error(
    'usage: apply.js <stock-app-dir> <repo-root> <demo-account-port> <tarballs.json>\n' +
      '       apply.js --root-only <stock-app-dir> <repo-root>',
  );
  process.exit(2);
}

const readJson = f => JSON.parse(fs.readFileSync(f, 'utf8'));
const writeJson = (f, v) =>
  fs.writeFileSync(f, `${JSON.stringify(v, null, 2)}\n`);
const sortKeys = o =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
const fail = msg => {
  console.error(`[apply] ${msg}`);
  process.exit(1);
};

// --- root package.json: resolutions and dependenciesMeta of the repo root, the suite's tarballs
const repoPkg = readJson(path.join(repoRoot, 'package.json'));
const tarballs = rootOnly ? {} : readJson(tarballsFile);
const rootPkgFile = path.join(stockDir, 'package.json');
const rootPkg = readJson(rootPkgFile);
rootPkg.resolutions = {
  ...(rootPkg.resolutions ?? {}),
  ...repoPkg.resolutions,
  ...Object.fromEntries(
    Object.entries(tarballs).map(([name, t]) => [name, `file:${t.file}`]),
  ),
};
rootPkg.dependenciesMeta = {
  ...(rootPkg.dependenciesMeta ?? {}),
  ...repoPkg.dependenciesMeta,
};
writeJson(rootPkgFile, rootPkg);
if (rootOnly) {
  console.log('[apply] root resolutions applied');
  process.exit(0);
}
// `^<version>` of a suite package, as docs/install.md lists it; the resolution points it at the tarball.
const suite = name => {
  if (!tarballs[name]) fail(`no tarball for ${name} in ${tarballsFile}`);
  return `^${tarballs[name].version}`;
};

// --- packages/backend/package.json
const backendPkgFile = path.join(stockDir, 'packages/backend/package.json');
const backendPkg = readJson(backendPkgFile);
const backendDeps = {
  '@cloudflare-backstage/plugin-cloudflare-backend': suite(
    '@cloudflare-backstage/plugin-cloudflare-backend',
  ),
  '@cloudflare-backstage/plugin-catalog-backend-module-cloudflare': suite(
    '@cloudflare-backstage/plugin-catalog-backend-module-cloudflare',
  ),
  '@cloudflare-backstage/plugin-tech-insights-backend-module-cloudflare': suite(
    '@cloudflare-backstage/plugin-tech-insights-backend-module-cloudflare',
  ),
  '@cloudflare-backstage/plugin-permission-backend-module-cloudflare-policy':
    suite(
      '@cloudflare-backstage/plugin-permission-backend-module-cloudflare-policy',
    ),
  '@backstage-community/plugin-tech-insights-backend': '^3.1.0',
  '@backstage-community/plugin-tech-insights-backend-module-jsonfc': '^0.10.0',
};
if (
  !backendPkg.dependencies[
    '@backstage/plugin-permission-backend-module-allow-all-policy'
  ]
) {
  fail('stock backend has no allow-all policy dependency to replace');
}
delete backendPkg.dependencies[
  '@backstage/plugin-permission-backend-module-allow-all-policy'
];
Object.assign(backendPkg.dependencies, backendDeps);
backendPkg.dependencies = sortKeys(backendPkg.dependencies);
writeJson(backendPkgFile, backendPkg);

// --- packages/backend/src/index.ts
const indexFile = path.join(stockDir, 'packages/backend/src/index.ts');
let index = fs.readFileSync(indexFile, 'utf8');
const replaceOnce = (from, to, what) => {
  if (!index.includes(from))
    fail(`stock backend index.ts: cannot find ${what}`);
  index = index.replace(from, to);
};
// 1. catalog module, after the catalog backend
replaceOnce(
  "backend.add(import('@backstage/plugin-catalog-backend'));\n",
  "backend.add(import('@backstage/plugin-catalog-backend'));\n" +
    "backend.add(import('@cloudflare-backstage/plugin-catalog-backend-module-cloudflare'));\n",
  'the catalog backend line',
);
// 2. permission policy: the suite's module replaces the allow-all module
index = index.replace(
  /backend\.add\(\s*import\('@backstage\/plugin-permission-backend-module-allow-all-policy'\),?\s*\);\n/,
  "backend.add(import('@cloudflare-backstage/plugin-permission-backend-module-cloudflare-policy'));\n",
);
if (
  index.includes('allow-all-policy') ||
  !index.includes('module-cloudflare-policy')
) {
  fail('stock backend index.ts: could not replace the allow-all policy module');
}
// 3. Tech Insights + jsonfc + the suite's module, and 4. the Cloudflare backend, before backend.start()
replaceOnce(
  'backend.start();',
  [
    '// Cloudflare suite (docs/install.md)',
    "backend.add(import('@backstage-community/plugin-tech-insights-backend'));",
    "backend.add(import('@backstage-community/plugin-tech-insights-backend-module-jsonfc'));",
    "backend.add(import('@cloudflare-backstage/plugin-tech-insights-backend-module-cloudflare'));",
    "backend.add(import('@cloudflare-backstage/plugin-cloudflare-backend'));",
    '',
    'backend.start();',
  ].join('\n'),
  'backend.start()',
);
fs.writeFileSync(indexFile, index);

// --- packages/app/package.json: the frontend plugin, discovered by `app.packages: all`
const appPkgFile = path.join(stockDir, 'packages/app/package.json');
const appPkg = readJson(appPkgFile);
appPkg.dependencies['@cloudflare-backstage/plugin-cloudflare'] = suite(
  '@cloudflare-backstage/plugin-cloudflare',
);
appPkg.dependencies = sortKeys(appPkg.dependencies);
writeJson(appPkgFile, appPkg);
const appConfigFile = path.join(stockDir, 'app-config.yaml');
let appConfig = fs.readFileSync(appConfigFile, 'utf8');
if (!/^ {2}packages: all$/m.test(appConfig))
  fail('stock app-config.yaml has no `app.packages: all`');

// --- app-config.yaml: the cloudflare block and the techInsights block
const techInsights = fs.readFileSync(
  path.join(
    repoRoot,
    'plugins/tech-insights-backend-module-cloudflare/examples/app-config.tech-insights.yaml',
  ),
  'utf8',
);
if (!/^techInsights:/m.test(techInsights))
  fail('examples/app-config.tech-insights.yaml has no techInsights block');
appConfig += `
# Cloudflare suite (docs/install.md), pointed at the demo account
cloudflare:
  accountId: 0f1e2d3c4b5a69788796a5b4c3d2e1f0
  apiToken: demo-acme-org-read-token-0000000000000000
  apiBaseUrl: http://127.0.0.1:${demoPort}/client/v4
  permissionPolicy:
    # the stock app's guest sign-in (user:development/guest, in no group) reads as the readers role
    roles:
      readers: [user:development/guest]
    otherPermissions: allow

${techInsights}`;
fs.writeFileSync(appConfigFile, appConfig);

// --- examples/entities.yaml (a stock catalog location): a Component with the suite's annotations
const entitiesFile = path.join(stockDir, 'examples/entities.yaml');
if (!fs.existsSync(entitiesFile) || !/examples\/entities\.yaml/.test(appConfig))
  fail('stock app has no examples/entities.yaml catalog location');
fs.appendFileSync(
  entitiesFile,
  fs.readFileSync(path.join(__dirname, 'cloudflare-component.yaml'), 'utf8'),
);
console.log('[apply] installation lines applied');
