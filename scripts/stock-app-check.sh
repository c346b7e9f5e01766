#!/usr/bin/env bash
# Installs the suite into a STOCK Backstage app, exactly as docs/install.md says and from packed tarballs, as users
# get it, and checks that it works, backend and frontend.
#
#   ./scripts/stock-app-check.sh                    the CI gate: the pinned stock app and its committed lockfile
#   STOCK_APP=latest ./scripts/stock-app-check.sh   today's create-app, no lockfile; reports drift from the lock
#
# 1. builds and packs every publishable package of the suite (scripts/stock-app/pack.sh: yarn tsc, backstage-cli
#    package build, yarn pack) and checks the tarballs (entry points, `files`, declared imports);
# 2. creates a stock app (no install) with @backstage/create-app@$CREATE_APP_VERSION, the Backstage 1.55.0 template;
# 3. applies the installation lines of docs/install.md (scripts/stock-app/apply.js): backend.add lines, the
#    suite's packages at ^<version> with root `resolutions` to their tarballs, the frontend plugin in packages/app,
#    the `cloudflare:` and `techInsights:` config blocks, a Component acme-api with the suite's annotations;
# 4. copies in the stock lockfile (scripts/stock-app/stock.yarn.lock, made by scripts/stock-app/make-lock.sh),
#    runs the stock app's own `yarn install` and asserts that every stock lock entry stayed as locked
#    (STOCK_APP=latest: no lockfile, and a report of the @backstage versions that drifted from it);
# 5. builds the stock app's frontend (`yarn workspace app build`), which the stock backend serves;
# 6. starts the demo Cloudflare account and the stock app's backend on free ports;
# 7. asserts: every backend plugin started, /api/cloudflare/health answers 200, the suite's Tech Insights checks
#    are registered, the catalog (guest token) lists the Resource cf-worker-acme-api, the demo account saw calls;
#    and in chromium (scripts/stock-app/browser.js): guest sign-in, then the Cloudflare tab of the Component
#    acme-api shows a Workers deployment with a commit SHA the demo account serves (screenshots in
#    test-artifacts/stock/).
# Everything it started is stopped (process groups) at the end, and it prints
# `stock-app check: N passed, N failed`; the exit status is non-zero on any failure.
#
# Environment:
#   STOCK_APP              `locked` (default) or `latest`
#   STOCK_CHECK_DIR        where to build the stock app (default: a new mktemp dir, removed on success)
#   STOCK_CHECK_KEEP=1     keep the temp dir (logs, the stock app) even on success
#   STOCK_BACKEND_PORT     backend port (default: first free port from 17007)
#   STOCK_DEMO_PORT        demo account port (default: first free port from 18787)
#   STOCK_INSTALL_TIMEOUT  seconds for the stock app's yarn install (default 1200)
#   STOCK_BUILD_TIMEOUT    seconds for the stock app's frontend build (default 900)
#   STOCK_START_TIMEOUT    seconds for the backend to answer /api/cloudflare/health (default 240)
#   STOCK_CATALOG_TIMEOUT  seconds for cf-worker-acme-api to appear in the catalog (default 180)
# Ports 3000, 7007 and 8787 (the demo's) are never used.

set -uo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/node-env.sh
source "$REPO_ROOT/scripts/node-env.sh" || exit 1

# The pinned stock app: create-app 0.9.2 makes the Backstage 1.55.0 template; scripts/stock-app/stock.yarn.lock is
# that app's lockfile (scripts/stock-app/make-lock.sh made it from a stock app whose backend starts).
CREATE_APP_VERSION="0.9.2"
START_TS=$(date +%s)
INSTALL_TIMEOUT="${STOCK_INSTALL_TIMEOUT:-1200}"
START_TIMEOUT="${STOCK_START_TIMEOUT:-240}"
CATALOG_TIMEOUT="${STOCK_CATALOG_TIMEOUT:-180}"
BUILD_TIMEOUT="${STOCK_BUILD_TIMEOUT:-900}"
STOCK_APP="${STOCK_APP:-locked}"
STOCK_LOCK="$REPO_ROOT/scripts/stock-app/stock.yarn.lock"
SHOTS="$REPO_ROOT/test-artifacts/stock"
case "$STOCK_APP" in
  locked) CREATE_APP="@backstage/create-app@$CREATE_APP_VERSION" ;;
  latest) CREATE_APP="@backstage/create-app@latest" ;;
  *) echo "STOCK_APP must be locked or latest, not '$STOCK_APP'" >&2; exit 2 ;;
esac

if [ -n "${STOCK_CHECK_DIR:-}" ]; then
  WORK="$STOCK_CHECK_DIR"
  mkdir -p "$WORK"
else
  WORK="$(mktemp -d /tmp/stock-app-check.XXXXXX)"
fi
APP_DIR="$WORK/stock"
LOGS="$WORK/logs"
mkdir -p "$LOGS"

PASSED=0
FAILED=0
PGIDS=()

log() { echo "[stock-app $(( $(date +%s) - START_TS ))s] $*"; }
pass() { PASSED=$((PASSED + 1)); log "PASS $*"; }
failed() { FAILED=$((FAILED + 1)); log "FAIL $*"; }

stop_all() {
  local pg
  for pg in "${PGIDS[@]}"; do
    kill -TERM -- "-$pg" 2>/dev/null || true
  done
  for _ in $(seq 1 20); do
    local alive=0
    for pg in "${PGIDS[@]}"; do kill -0 -- "-$pg" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.5
  done
  for pg in "${PGIDS[@]}"; do kill -KILL -- "-$pg" 2>/dev/null || true; done
  PGIDS=()
}

finish() {
  local status=$?
  trap - EXIT INT TERM
  stop_all
  echo "stock-app check: $PASSED passed, $FAILED failed ($(( $(date +%s) - START_TS ))s)"
  if [ "$FAILED" -gt 0 ] || [ "$PASSED" -eq 0 ] || [ "$status" -ne 0 ]; then
    echo "logs and the stock app are kept in $WORK"
    exit 1
  fi
  if [ -z "${STOCK_CHECK_KEEP:-}" ] && [ -z "${STOCK_CHECK_DIR:-}" ]; then
    rm -rf "$WORK"
  else
    echo "the stock app is kept in $APP_DIR"
  fi
  exit 0
}
trap finish EXIT
trap 'log "interrupted"; FAILED=$((FAILED + 1)); exit 130' INT TERM

# Stop with the summary when a step that the next ones need fails.
abort() {
  failed "$*"
  exit 1
}

# First free TCP port on 127.0.0.1 from $1 on, never 3000, 7007 or 8787.
free_port() {
  node -e '
    const net = require("net");
    const reserved = new Set([3000, 7007, 8787]);
    const tryPort = p => {
      if (p > 65000) process.exit(1);
      if (reserved.has(p)) return tryPort(p + 1);
      const s = net.createServer();
      s.once("error", () => tryPort(p + 1));
      s.listen({ port: p, host: "0.0.0.0" }, () => s.close(() => console.log(p)));
    };
    tryPort(Number(process.argv[1]));
  ' "$1"
}

# Runs a command in its own process group (setsid), logging to $1; the group id is remembered for stop_all.
LAST_PGID=""
start_group() {
  local logfile="$1"
  shift
  setsid "$@" >"$logfile" 2>&1 </dev/null &
  LAST_PGID=$!
  PGIDS+=("$LAST_PGID")
}

http_code() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@" || true; }

BACKEND_PORT="${STOCK_BACKEND_PORT:-$(free_port 17007)}"
DEMO_PORT="${STOCK_DEMO_PORT:-$(free_port 18787)}"
for p in "$BACKEND_PORT" "$DEMO_PORT"; do
  case "$p" in 3000 | 7007 | 8787 | "") abort "refusing port '$p'" ;; esac
done
log "work dir $WORK; backend port $BACKEND_PORT, demo account port $DEMO_PORT"

# --- 1. the suite, packed
log "building and packing the suite (log: $LOGS/pack.log)"
if bash "$REPO_ROOT/scripts/stock-app/pack.sh" "$WORK/tarballs" >"$LOGS/pack.log" 2>&1; then
  pass "the suite built and packed, $(tail -1 "$LOGS/pack.log" | sed 's/^\[check-tarball\] //')"
else
  grep -E 'FAIL|problem|\[check-tarball\]' "$LOGS/pack.log" | head -20
  abort "packing the suite (log: $LOGS/pack.log)"
fi

# --- 2. a stock app
log "creating a stock app with $CREATE_APP (STOCK_APP=$STOCK_APP)"
if echo stock | timeout 300 npx -y "$CREATE_APP" --skip-install --path "$APP_DIR" >"$LOGS/create-app.log" 2>&1 \
  && [ -f "$APP_DIR/packages/backend/src/index.ts" ]; then
  pass "create-app made a stock app (Backstage $(node -p "require('$APP_DIR/backstage.json').version"))"
else
  tail -20 "$LOGS/create-app.log"
  abort "create-app (log: $LOGS/create-app.log)"
fi

# --- 3. the installation lines of docs/install.md
if node "$REPO_ROOT/scripts/stock-app/apply.js" "$APP_DIR" "$REPO_ROOT" "$DEMO_PORT" "$WORK/tarballs/tarballs.json" \
  >"$LOGS/apply.log" 2>&1; then
  pass "installation lines applied"
else
  cat "$LOGS/apply.log"
  abort "applying the installation lines"
fi
# The port of this check's backend, which also serves the frontend: an extra config file, the stock
# app-config.yaml is left as installed.
cat >"$APP_DIR/app-config.stock-check.yaml" <<EOF
app:
  baseUrl: http://localhost:$BACKEND_PORT
backend:
  baseUrl: http://localhost:$BACKEND_PORT
  listen:
    port: $BACKEND_PORT
  cors:
    origin: http://localhost:$BACKEND_PORT
EOF
[ "$STOCK_APP" = locked ] && cp "$STOCK_LOCK" "$APP_DIR/yarn.lock"

# --- 4. the stock app's yarn install
log "yarn install in the stock app (up to ${INSTALL_TIMEOUT}s; log: $LOGS/install.log)"
install_start=$(date +%s)
if (cd "$APP_DIR" && YARN_ENABLE_IMMUTABLE_INSTALLS=false YARN_ENABLE_PROGRESS_BARS=false \
  timeout --kill-after=10 "$INSTALL_TIMEOUT" nice -n 10 yarn install >"$LOGS/install.log" 2>&1); then
  pass "yarn install ($(( $(date +%s) - install_start ))s)"
else
  grep -E 'YN0001|YN0009|YN0082|YN0028|Error' "$LOGS/install.log" | head -20
  tail -5 "$LOGS/install.log"
  abort "yarn install (log: $LOGS/install.log)"
fi

if [ "$STOCK_APP" = locked ]; then
  if node "$REPO_ROOT/scripts/stock-app/lock.js" assert "$STOCK_LOCK" "$APP_DIR/yarn.lock" >"$LOGS/lock.log" 2>&1; then
    pass "stock lock kept: $(tail -1 "$LOGS/lock.log" | sed 's/^\[lock\] //')"
    grep -E 'backend-defaults|signals-backend' "$LOGS/lock.log"
  else
    cat "$LOGS/lock.log"
    failed "the install moved stock lock entries"
  fi
else
  node "$REPO_ROOT/scripts/stock-app/lock.js" drift "$STOCK_LOCK" "$APP_DIR/yarn.lock" | tee "$LOGS/drift.log" | tail -40
fi

# --- 5. the stock app's frontend, with the suite's plugin (served by the stock backend's app plugin)
log "building the stock app's frontend (up to ${BUILD_TIMEOUT}s; log: $LOGS/app-build.log)"
build_start=$(date +%s)
if (cd "$APP_DIR" && timeout --kill-after=10 "$BUILD_TIMEOUT" nice -n 10 yarn workspace app build \
  --config "$APP_DIR/app-config.yaml" --config "$APP_DIR/app-config.stock-check.yaml" >"$LOGS/app-build.log" 2>&1) \
  && [ -f "$APP_DIR/packages/app/dist/index.html" ]; then
  pass "yarn workspace app build ($(( $(date +%s) - build_start ))s)"
else
  tail -20 "$LOGS/app-build.log"
  abort "the stock frontend did not build (log: $LOGS/app-build.log)"
fi

# --- 6. the demo account and the stock backend
log "starting the demo account on 127.0.0.1:$DEMO_PORT"
start_group "$LOGS/demo-account.log" env DEMO_ACCOUNT_PORT="$DEMO_PORT" \
  yarn --cwd "$REPO_ROOT" workspace @cloudflare-backstage/cloudflare-demo-account serve
demo_ok=""
for _ in $(seq 1 60); do
  code=$(http_code "http://127.0.0.1:$DEMO_PORT/__demo/calls")
  [ "$code" = 200 ] && { demo_ok=1; break; }
  sleep 1
done
[ -n "$demo_ok" ] || { tail -20 "$LOGS/demo-account.log"; abort "demo account did not answer on port $DEMO_PORT"; }

log "starting the stock backend on port $BACKEND_PORT (log: $LOGS/backend.log)"
start_group "$LOGS/backend.log" bash -c "cd '$APP_DIR' && exec nice -n 5 yarn workspace backend start \
  --config '$APP_DIR/app-config.yaml' --config '$APP_DIR/app-config.stock-check.yaml'"

BASE="http://localhost:$BACKEND_PORT"
health=""
deadline=$(( $(date +%s) + START_TIMEOUT ))
while [ "$(date +%s)" -lt "$deadline" ]; do
  code=$(http_code "$BASE/api/cloudflare/health")
  [ "$code" = 200 ] && { health=1; break; }
  kill -0 -- "-$LAST_PGID" 2>/dev/null || break
  sleep 2
done
for _ in $(seq 1 30); do
  grep -q 'Plugin initialization complete' "$LOGS/backend.log" && break
  sleep 1
done
if grep -q 'Plugin initialization complete' "$LOGS/backend.log" \
  && ! grep -qE 'threw an error during startup|Backend startup failed' "$LOGS/backend.log"; then
  pass "every plugin of the stock backend started"
else
  grep -E 'threw an error during startup|Backend startup failed' "$LOGS/backend.log" | head -3 | cut -c1-400
  failed "a plugin of the stock backend failed to start"
fi
if [ -n "$health" ]; then
  pass "GET /api/cloudflare/health -> 200"
else
  tail -40 "$LOGS/backend.log"
  abort "GET /api/cloudflare/health did not answer 200 within ${START_TIMEOUT}s (last: ${code:-none})"
fi

# --- 7. assertions with a guest token
TOKEN=$(curl -s --max-time 10 -H 'X-Requested-With: XMLHttpRequest' \
  "$BASE/api/auth/guest/refresh?env=development" | node -e '
    let s = ""; process.stdin.on("data", d => (s += d)).on("end", () => {
      try { process.stdout.write(JSON.parse(s).backstageIdentity.token || ""); } catch { }
    });')
if [ -n "$TOKEN" ]; then
  pass "guest token from /api/auth/guest/refresh"
else
  abort "no guest token from /api/auth/guest/refresh"
fi
AUTH=(-H "Authorization: Bearer $TOKEN")

# The suite's checks are registered in Tech Insights (jsonfc + the suite's module + the techInsights block).
checks=$(curl -s --max-time 10 "${AUTH[@]}" "$BASE/api/tech-insights/checks" || true)
if echo "$checks" | grep -q '"cloudflareApiTokenHygiene"'; then
  pass "Tech Insights lists the suite's checks"
else
  echo "  /api/tech-insights/checks: ${checks:0:300}"
  failed "Tech Insights does not list cloudflareApiTokenHygiene"
fi

# The entity provider ran: the Worker acme-api is a Resource in the catalog.
found=""
deadline=$(( $(date +%s) + CATALOG_TIMEOUT ))
while [ "$(date +%s)" -lt "$deadline" ]; do
  body=$(curl -s --max-time 10 "${AUTH[@]}" "$BASE/api/catalog/entities?filter=kind=resource&fields=metadata.name" || true)
  if echo "$body" | grep -q '"cf-worker-acme-api"'; then found=1; break; fi
  sleep 3
done
if [ -n "$found" ]; then
  count=$(echo "$body" | grep -o '"name"' | wc -l)
  pass "catalog lists Resource cf-worker-acme-api ($count Resources)"
else
  echo "  last catalog answer: ${body:0:300}"
  grep -i cloudflare "$LOGS/backend.log" | tail -10
  failed "catalog did not list cf-worker-acme-api within ${CATALOG_TIMEOUT}s"
fi

# The backend called the demo account (apiBaseUrl from the cloudflare block was used).
calls=$(curl -s --max-time 10 "http://127.0.0.1:$DEMO_PORT/__demo/calls" || true)
if [ -n "$calls" ] && [ "$calls" != "{}" ] && [ "$calls" != "[]" ]; then
  pass "the backend called the demo account"
else
  failed "the demo account saw no calls"
fi

# The stock frontend in chromium: sign-in, then the Component's Cloudflare tab with the demo's data.
log "browser check of the stock frontend (screenshots in $SHOTS)"
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  log "installing Debian's chromium (as test.sh's browser step does)"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  { $sudo apt-get update -qq && $sudo apt-get install -y -qq chromium; } >"$LOGS/apt-chromium.log" 2>&1
fi
node "$REPO_ROOT/scripts/stock-app/browser.js" "$BASE" "http://127.0.0.1:$DEMO_PORT" "$SHOTS" >"$LOGS/browser.log" 2>&1
while IFS= read -r line; do
  case "$line" in
    '[stock-browser] PASS '*) pass "browser: ${line#\[stock-browser\] PASS }" ;;
    '[stock-browser] FAIL '*) failed "browser: ${line#\[stock-browser\] FAIL }" ;;
    *) log "$line" ;;
  esac
done <"$LOGS/browser.log"
grep -q '^\[stock-browser\] PASS' "$LOGS/browser.log" || { tail -10 "$LOGS/browser.log"; failed "browser check ran no check"; }
