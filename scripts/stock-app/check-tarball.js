#!/usr/bin/env node
/*
 * Checks the suite's packed tarballs (pack.sh's tarballs.json) for what `link:` installs hide:
 *
 *   node scripts/stock-app/check-tarball.js <tarballs.json>
 *
 * For each tarball, from its own package.json:
 * - no `workspace:` range is left in dependencies, peerDependencies or optionalDependencies;
 * - `main`, `module`, `types`, every `exports` and `typesVersions` target and `configSchema` is in the tarball;
 * - every `files` entry shipped something;
 * - every package that dist/ imports or requires (bare specifiers, not `node:` or built-ins) is declared in
 *   dependencies or peerDependencies.
 * Prints one line per problem and exits non-zero when there is any.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { builtinModules } = require('module');

const manifestFile = process.argv[2];
if (!manifestFile) {
  console.error('usage: check-tarball.js <tarballs.json>');
  process.exit(2);
}
const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
const builtins = new Set(builtinModules);

/** Every string leaf of an `exports` / `typesVersions` value. */
const targets = value => {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(targets);
  if (value && typeof value === 'object')
    return Object.values(value).flatMap(targets);
  return [];
};

/** The package name of a bare import specifier, or undefined for relative, `node:` and built-in ones. */
const packageOf = spec => {
  if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('node:'))
    return undefined;
  const parts = spec.split('/');
  const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return builtins.has(name) ? undefined : name;
};

const IMPORT_RE =
  /(?:\brequire\(\s*|\bimport\(\s*|\bfrom\s+|^\s*import\s+)['"]([^'"\n]+)['"]/gm;

const walk = dir =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });

let problems = 0;
const problem = (name, msg) => {
  problems += 1;
  console.log(`[check-tarball] ${name}: ${msg}`);
};

for (const [name, { file }] of Object.entries(manifest)) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'check-tarball-'));
  try {
    execFileSync('tar', ['-xzf', file, '-C', tmp]);
    const root = path.join(tmp, 'package');
    const pkg = JSON.parse(
      fs.readFileSync(path.join(root, 'package.json'), 'utf8'),
    );
    const exists = rel => fs.existsSync(path.join(root, rel));

    for (const field of [
      'dependencies',
      'peerDependencies',
      'optionalDependencies',
    ])
      for (const [dep, range] of Object.entries(pkg[field] ?? {}))
        if (String(range).startsWith('workspace:'))
          problem(name, `${field}.${dep} is still ${range}`);

    const entryPoints = [
      pkg.main,
      pkg.module,
      pkg.types,
      pkg.configSchema,
      // paths only: a condition such as `backstage: '@backstage/FrontendPlugin'` is a marker
      ...targets(pkg.exports).filter(t => t.startsWith('./')),
      ...targets(pkg.typesVersions),
    ].filter(t => typeof t === 'string' && !t.includes('*'));
    for (const t of entryPoints)
      if (!exists(t)) problem(name, `entry point ${t} is not in the tarball`);

    for (const f of pkg.files ?? [])
      if (!f.includes('*') && !exists(f))
        problem(name, `"files" lists ${f}, which the tarball lacks`);

    const declared = new Set([
      name,
      ...Object.keys(pkg.dependencies ?? {}),
      ...Object.keys(pkg.peerDependencies ?? {}),
    ]);
    const undeclared = new Map();
    const dist = path.join(root, 'dist');
    for (const f of fs.existsSync(dist) ? walk(dist) : []) {
      if (!/\.(c|m)?js$/.test(f)) continue;
      for (const m of fs.readFileSync(f, 'utf8').matchAll(IMPORT_RE)) {
        const dep = packageOf(m[1]);
        if (dep && !declared.has(dep))
          undeclared.set(dep, path.relative(root, f));
      }
    }
    for (const [dep, where] of undeclared)
      problem(
        name,
        `${where} imports ${dep}, which package.json does not declare`,
      );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
const count = Object.keys(manifest).length;
console.log(
  `[check-tarball] ${count} tarballs, ${problems} problem${
    problems === 1 ? '' : 's'
  }`,
);
process.exit(problems > 0 || count === 0 ? 1 : 0);
