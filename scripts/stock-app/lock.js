#!/usr/bin/env node
/*
 * Compares a stock app's yarn.lock with the committed stock lockfile (scripts/stock-app/stock.yarn.lock):
 *
 *   node scripts/stock-app/lock.js assert <stock.yarn.lock> <app/yarn.lock>
 *     every descriptor of the committed lock that the app still requests resolves to the locked version (adding
 *     the suite's tarballs may add entries, never move a stock one); exit 1 when one moved;
 *   node scripts/stock-app/lock.js drift <stock.yarn.lock> <app/yarn.lock>
 *     a report of the @backstage/* and @backstage-community/* versions that differ (STOCK_APP=latest); exit 0.
 * Both print the versions of the two packages that broke the unpinned check (backend-defaults, signals-backend).
 */
const fs = require('fs');

const [mode, lockedFile, appFile] = process.argv.slice(2);
if (!['assert', 'drift'].includes(mode) || !lockedFile || !appFile) {
  console.error(
    'usage: lock.js assert|drift <stock.yarn.lock> <app/yarn.lock>',
  );
  process.exit(2);
}
const WATCHED = [
  '@backstage/backend-defaults',
  '@backstage/plugin-signals-backend',
];

/** descriptor (`name@npm:^1.2.3`) -> resolution (`name@npm:1.2.4`) of a yarn 4 lockfile. */
function parseLock(file) {
  const entries = new Map();
  let keys = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const key = /^"?([^\s].*?)"?:$/.exec(line);
    if (key && !line.startsWith(' ')) {
      keys = key[1].split(', ').map(k => k.replace(/^"|"$/g, ''));
      continue;
    }
    const res = /^ {2}resolution: "(.*)"$/.exec(line);
    if (res) for (const k of keys) entries.set(k, res[1]);
  }
  return entries;
}
const nameOf = descriptor => descriptor.slice(0, descriptor.indexOf('@', 1));
const versionOf = resolution =>
  resolution.slice(resolution.lastIndexOf(':') + 1);
/** name -> sorted versions, for the names that `keep` accepts. */
const versionsByName = (lock, keep) => {
  const out = new Map();
  for (const res of lock.values()) {
    const name = nameOf(res);
    if (!keep(name) || !res.includes('@npm:')) continue;
    out.set(name, new Set([...(out.get(name) ?? []), versionOf(res)]));
  }
  return new Map(
    [...out].map(([n, v]) => [n, [...v].sort().join(', ')]).sort(),
  );
};

const locked = parseLock(lockedFile);
const app = parseLock(appFile);
const lockedVersions = versionsByName(locked, () => true);
const appVersions = versionsByName(app, () => true);
for (const name of WATCHED)
  console.log(
    `[lock] ${name}: locked ${lockedVersions.get(name) ?? 'none'}, installed ${
      appVersions.get(name) ?? 'none'
    }`,
  );

if (mode === 'assert') {
  let kept = 0;
  let dropped = 0;
  const moved = [];
  for (const [descriptor, resolution] of locked) {
    if (resolution.includes('@workspace:')) continue;
    const now = app.get(descriptor);
    if (now === undefined) dropped += 1;
    else if (now === resolution) kept += 1;
    else moved.push(`${descriptor}: locked ${resolution}, installed ${now}`);
  }
  for (const m of moved.slice(0, 20)) console.log(`[lock] moved ${m}`);
  console.log(
    `[lock] ${kept} stock lock entries as locked, ${moved.length} moved, ${dropped} no longer requested`,
  );
  process.exit(moved.length > 0 || kept === 0 ? 1 : 0);
}

const scoped = name =>
  name.startsWith('@backstage/') || name.startsWith('@backstage-community/');
const before = versionsByName(locked, scoped);
const after = versionsByName(app, scoped);
let drifted = 0;
for (const name of before.keys()) {
  const a = before.get(name);
  const b = after.get(name) ?? 'none';
  if (a === b) continue;
  drifted += 1;
  console.log(`[drift] ${name}: locked ${a} -> latest ${b}`);
}
console.log(
  `[drift] ${drifted} of ${before.size} locked @backstage packages differ from scripts/stock-app/stock.yarn.lock (a report, not a failure)`,
);
