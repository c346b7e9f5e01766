#!/usr/bin/env bash
# Runs every benchmark of the suite (files named bench/*.bench.ts in plugins/ and packages/), one after
# the other, then prints one table of every figure against its floor and target
# (packages/backend/bench/table.ts) and exits non-zero when a target is missed or a benchmark fails.
# Benchmarks talk only to the demo account on loopback; each loop is bounded. See docs/benchmarks.md.
#
#   yarn bench                      # everything
#   yarn bench router accounts      # only the benchmarks whose path contains one of the words
set -euo pipefail
source "$(dirname "$0")/node-env.sh"
cd "$REPO_ROOT"
"$REPO_ROOT/scripts/install.sh" >/dev/null
shopt -s nullglob
out="$(mktemp -t bench.XXXXXX)"
trap 'rm -f "$out"' EXIT
for bench in plugins/*/bench/*.bench.ts packages/*/bench/*.bench.ts; do
  if [ $# -gt 0 ]; then
    wanted=0
    for word in "$@"; do [[ "$bench" == *"$word"* ]] && wanted=1; done
    [ $wanted = 1 ] || continue
  fi
  echo "== $bench" | tee -a "$out"
  status=0
  yarn tsx "$bench" 2>&1 | tee -a "$out" || status=$?
  echo "BENCH_EXIT $bench $status" >>"$out"
done
yarn tsx packages/backend/bench/table.ts "$out"
