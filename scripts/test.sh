#!/usr/bin/env bash
# Command 2 of the quick start: installs what is missing, then runs every test of the suite, step by step:
#   1. types    yarn tsc: type errors fail the run (demo-account fixtures are typed with the Cloudflare SDK's
#               own response types, so a wrong field name or type fails here);
#   2. api      API reports (yarn check:api-reports): a from-scratch tsc, then API Extractor (backstage-repo-tools)
#               over plugins/* and packages/cloudflare-{client,demo-account}; fails on a report.api.md,
#               report-alpha.api.md, report-testUtils.api.md or report.sql.md that differs from what the code gives
#               (`yarn build:api-reports` rewrites them), on an API Extractor warning (missing release tag,
#               forgotten export, unresolved {@link}, TSDoc syntax) and on a release tag unfit for its entry point;
#               it cannot reuse the types step's output (incremental tsc orders some declarations differently);
#   3. lint     prettier --check over the code with Backstage's prettier config (`yarn format` fixes it), then
#               Backstage's ESLint rules over every package (backstage-cli repo lint);
#   4. unit     every package's jest tests, with coverage (backstage-cli repo test; CI=true, so no watch mode),
#               then line coverage per package, failing a suite package under 70% (scripts/coverage-check.js;
#               the HTML report is in coverage/lcov-report/);
#   5. acceptance  yarn acceptance: the acceptance criteria of spec section 11 measured on the demo (its own
#               demo backend and demo account on free ports, signed in as alice, a Zero Trust audit snapshot
#               exported, GET /api/cloudflare/v1/acceptance, everything logged and answered scanned for the
#               demo's secrets); prints criterion, target, measured and PASS/FAIL, and fails when a criterion
#               fails that the demo is not built to fail or a deliberate failure passes;
#   6. browser  the browser tests against the running demo (playwright-core on Debian's chromium; screenshots
#               in test-artifacts/e2e/);
#   7. stock    packs the suite (yarn pack), applies the documented installation lines (docs/install.md) to a
#               stock app made by the pinned @backstage/create-app on its committed lockfile, installs the
#               tarballs, builds its frontend and checks its backend and, in chromium, the Cloudflare tab
#               (scripts/stock-app-check.sh; STOCK_APP=latest by hand reports drift, never in CI).
# Every step runs; any failing step fails the run (non-zero exit). The summary at the end lists each step with
# its result and time.
#
# Adding a step: write a step_<name> function and add <name> to STEPS.
# For local work, TEST_SKIP="browser" (space-separated step names) skips steps; CI (.ci/run) skips none.
set -euo pipefail
source "$(dirname "$0")/node-env.sh"
cd "$REPO_ROOT"
"$REPO_ROOT/scripts/install.sh"
# PostgreSQL and Redis for the tests: the ones on their default ports, else throw-away ones (scripts/services.sh).
source "$REPO_ROOT/scripts/services.sh"
services_start

STEPS=(types api lint unit acceptance browser stock)

step_types() {
  yarn tsc
}

step_api() {
  yarn check:api-reports
}

step_lint() {
  yarn format:check && yarn lint:all
}

step_unit() {
  rm -f coverage/coverage-summary.json
  CI=true yarn backstage-cli repo test --coverage \
    --coverageReporters=text-summary --coverageReporters=json-summary --coverageReporters=lcov || return 1
  node scripts/coverage-check.js
}

step_acceptance() {
  yarn acceptance
}

step_browser() {
  if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
    echo "[test] installing Debian's chromium for the browser tests"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq || return 1
    $sudo apt-get install -y -qq chromium >/dev/null || return 1
  fi
  yarn tsx packages/app/e2e-tests/demo.e2e.ts
}

# The CI gate is the locked stock app (STOCK_APP=locked), whatever the caller's environment says.
step_stock() {
  STOCK_APP=locked bash "$REPO_ROOT/scripts/stock-app-check.sh"
}

summary=()
failed=0
RUN_LOG="$(mktemp)"
trap 'rm -f "$RUN_LOG"; services_stop' EXIT
for step in "${STEPS[@]}"; do
  if [[ " ${TEST_SKIP:-} " == *" $step "* ]]; then
    summary+=("  $step: skipped (TEST_SKIP)")
    continue
  fi
  echo "== $step"
  start=$SECONDS
  if "step_$step" 2>&1 | tee -a "$RUN_LOG"; then
    summary+=("  $step: passed in $((SECONDS - start)) s")
  else
    summary+=("  $step: FAILED after $((SECONDS - start)) s")
    failed=1
  fi
done

# Totals over every runner: jest's "Tests:" line and the "N passed, N failed" lines of the browser and stock steps.
totals=$(sed 's/\x1b\[[0-9;]*m//g' "$RUN_LOG" | awk '
  /^Tests:|^browser:|^stock-app check:/ {
    if (match($0, /[0-9]+ passed/)) p += substr($0, RSTART, RLENGTH) + 0
    if (match($0, /[0-9]+ failed/)) f += substr($0, RSTART, RLENGTH) + 0
  }
  END { printf "%d passed, %d failed", p, f }')

echo
echo "== summary"
printf '%s\n' "${summary[@]}"
echo "total: $totals"
exit "$failed"
