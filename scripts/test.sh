#!/usr/bin/env bash
# Command 2 of the quick start: installs what is missing, then runs every test of the suite.
#   1. yarn tsc: type errors fail the run (demo-account fixtures are typed with the Cloudflare SDK's
#      own response types, so a wrong field name or type fails here);
#   2. every package's jest tests, with coverage.
set -euo pipefail
source "$(dirname "$0")/node-env.sh"
cd "$REPO_ROOT"
"$REPO_ROOT/scripts/install.sh"

echo "== type check (yarn tsc)"
yarn tsc

echo "== unit and integration tests (backstage-cli repo test --coverage)"
CI=true yarn backstage-cli repo test --coverage
