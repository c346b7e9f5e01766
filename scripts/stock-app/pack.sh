#!/usr/bin/env bash
# Builds and packs every publishable package of the suite the way a release would, into <out-dir>:
#
#   bash scripts/stock-app/pack.sh <out-dir>
#
# Publishable = the packages under plugins/ and packages/ without `"private": true`. For each: `yarn tsc` once
# (dist-types, which the build bundles into dist/index.d.ts), `backstage-cli package build`, then
# `yarn workspace <name> pack` (its prepack/postpack scripts turn `exports` to dist/ and `workspace:^` ranges into
# versions). Writes <out-dir>/tarballs.json ({ name: { version, file } }) and checks every tarball with
# check-tarball.js (entry points present, `files` shipped, every import declared). Exit status non-zero on any
# failure; logs in <out-dir>/logs/.
set -uo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=scripts/node-env.sh
source "$REPO_ROOT/scripts/node-env.sh" || exit 1
OUT="${1:?usage: pack.sh <out-dir>}"
mkdir -p "$OUT/logs"
OUT="$(cd "$OUT" && pwd)"
cd "$REPO_ROOT" || exit 1

mapfile -t PKGS < <(node -e '
  const fs = require("fs");
  for (const top of ["plugins", "packages"])
    for (const d of fs.readdirSync(top).sort()) {
      const f = `${top}/${d}/package.json`;
      if (!fs.existsSync(f)) continue;
      const p = JSON.parse(fs.readFileSync(f, "utf8"));
      if (!p.private) console.log(`${p.name}\t${top}/${d}\t${p.version}`);
    }')
[ "${#PKGS[@]}" -gt 0 ] || { echo "[pack] no publishable package found"; exit 1; }

# tsc emits dist-types even with type errors; the types step of test.sh is the gate for those.
if ! yarn tsc >"$OUT/logs/tsc.log" 2>&1; then
  echo "[pack] yarn tsc reported type errors (see $OUT/logs/tsc.log); building with the types it emitted"
fi

status=0
manifest="{}"
for row in "${PKGS[@]}"; do
  IFS=$'\t' read -r name dir version <<<"$row"
  log="$OUT/logs/$(basename "$dir").log"
  if ! yarn workspace "$name" backstage-cli package build >"$log" 2>&1; then
    echo "[pack] FAIL build $name (log: $log)"
    tail -5 "$log"
    status=1
    continue
  fi
  file="$OUT/$(echo "$name" | tr -d @ | tr / -)-$version.tgz"
  if ! yarn workspace "$name" pack --out "$file" >>"$log" 2>&1 || [ ! -f "$file" ]; then
    echo "[pack] FAIL pack $name (log: $log)"
    tail -5 "$log"
    status=1
    continue
  fi
  manifest=$(node -e 'const m = JSON.parse(process.argv[1]); m[process.argv[2]] = { version: process.argv[3],
    file: process.argv[4], dir: process.argv[5] }; console.log(JSON.stringify(m));' \
    "$manifest" "$name" "$version" "$file" "$dir")
  echo "[pack] $name@$version -> $(basename "$file")"
done
echo "$manifest" | node -e 'let s = ""; process.stdin.on("data", d => (s += d)).on("end", () =>
  process.stdout.write(JSON.stringify(JSON.parse(s), null, 2) + "\n"));' >"$OUT/tarballs.json"

node "$REPO_ROOT/scripts/stock-app/check-tarball.js" "$OUT/tarballs.json" || status=1
exit "$status"
