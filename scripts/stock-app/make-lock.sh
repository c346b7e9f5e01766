#!/usr/bin/env bash
# Makes the stock lockfile, scripts/stock-app/stock.yarn.lock, once: the yarn.lock of a stock app made by the
# pinned create-app (CREATE_APP in stock-app-check.sh) whose backend starts WITHOUT the suite.
#
#   bash scripts/stock-app/make-lock.sh [cutoff-days]
#
# 1. creates a stock app (no install) and gives it the repo root's `resolutions` and `dependenciesMeta` (as
#    apply.js does), so the lock is the one the check installs on top of;
# 2. seeds its yarn.lock with the repository's yarn.lock (the versions the demo runs), and installs it with
#    npmMinimalAgeGate = cutoff-days (default 15, set to fall before the next Backstage release) for every
#    package, @backstage/* included: a create-app template's caret ranges otherwise pull the next release's
#    plugins (signals 0.3.21 needs backend-defaults 0.19, the template pins ^0.18.0);
# 3. starts the stock backend (every plugin initialised, none threw) and only then copies the lock into scripts/stock-app/.
# Commit the new lock with a note of why it changed. Ports: the first free from 17107 (never 3000, 7007, 8787).
set -uo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=scripts/node-env.sh
source "$REPO_ROOT/scripts/node-env.sh" || exit 1
CUTOFF_DAYS="${1:-15}"
CREATE_APP="$(sed -n 's/^CREATE_APP_VERSION="\([^"]*\)"$/\1/p' "$REPO_ROOT/scripts/stock-app-check.sh")"
WORK="$(mktemp -d /tmp/stock-make-lock.XXXXXX)"
APP="$WORK/stock"
echo "[make-lock] $WORK: @backstage/create-app@$CREATE_APP, age gate ${CUTOFF_DAYS}d"

echo stock | npx -y "@backstage/create-app@$CREATE_APP" --skip-install --path "$APP" >"$WORK/create-app.log" 2>&1 ||
  { tail "$WORK/create-app.log"; exit 1; }
node "$REPO_ROOT/scripts/stock-app/apply.js" --root-only "$APP" "$REPO_ROOT" || exit 1
cp "$REPO_ROOT/yarn.lock" "$APP/yarn.lock"
# The template exempts @backstage/* from the age gate; the lock must not (its .yarnrc.yml is put back after).
cp "$APP/.yarnrc.yml" "$WORK/yarnrc.stock.yml"
sed -i '/^npmPreapprovedPackages:/,/^[^ ]/{/^npmPreapprovedPackages:/d;/^  - /d}' "$APP/.yarnrc.yml"
(cd "$APP" && YARN_NPM_MINIMAL_AGE_GATE="${CUTOFF_DAYS}d" YARN_ENABLE_IMMUTABLE_INSTALLS=false \
  YARN_ENABLE_PROGRESS_BARS=false yarn install >"$WORK/install.log" 2>&1) || { tail "$WORK/install.log"; exit 1; }
cp "$WORK/yarnrc.stock.yml" "$APP/.yarnrc.yml"

PORT=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
case "$PORT" in 3000 | 7007 | 8787) echo "[make-lock] refusing port $PORT, run again"; exit 1 ;; esac
printf 'backend:\n  baseUrl: http://localhost:%s\n  listen:\n    port: %s\n' "$PORT" "$PORT" >"$APP/app-config.lock.yaml"
(cd "$APP" && exec setsid yarn workspace backend start --config "$APP/app-config.yaml" \
  --config "$APP/app-config.lock.yaml" >"$WORK/backend.log" 2>&1) &
PG=$!
ok=""
for _ in $(seq 1 90); do
  grep -qE 'threw an error during startup|Backend startup failed' "$WORK/backend.log" && break
  grep -q 'Plugin initialization complete' "$WORK/backend.log" && { ok=1; break; }
  sleep 2
done
kill -TERM -- "-$PG" 2>/dev/null
if [ -z "$ok" ]; then
  grep -m3 -i 'error' "$WORK/backend.log"
  echo "[make-lock] the stock backend did not start: lock NOT copied (logs in $WORK)"
  exit 1
fi
cp "$APP/yarn.lock" "$REPO_ROOT/scripts/stock-app/stock.yarn.lock"
echo "[make-lock] the stock backend started; wrote scripts/stock-app/stock.yarn.lock"
grep -A1 -E '^"@backstage/(backend-defaults|plugin-signals-backend)@' "$APP/yarn.lock" | grep -E 'version|^"'
rm -rf "$WORK"
