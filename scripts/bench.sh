#!/usr/bin/env bash
# Runs every benchmark of the suite (files named bench/*.bench.ts in plugins/ and packages/) and prints
# their figures. Benchmarks talk only to the demo account on loopback; each loop is bounded.
set -euo pipefail
source "$(dirname "$0")/node-env.sh"
cd "$REPO_ROOT"
"$REPO_ROOT/scripts/install.sh" >/dev/null
shopt -s nullglob
status=0
for bench in plugins/*/bench/*.bench.ts packages/*/bench/*.bench.ts; do
  echo "== $bench"
  yarn tsx "$bench" || status=1
done
exit $status
