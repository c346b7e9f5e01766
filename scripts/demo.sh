#!/usr/bin/env bash
# Command 1 of the quick start: installs what is missing, then starts the demo:
#   - the built-in demo Cloudflare account (acme-org) on http://127.0.0.1:8787/client/v4
#   - Backstage with the suite (yarn start): frontend http://localhost:3000, backend http://localhost:7007
# Ctrl-C stops everything. DEMO_USER=alice|pat|eve|rob picks who the guest sign-in is (default: guest, a reader).
set -euo pipefail
source "$(dirname "$0")/node-env.sh"
cd "$REPO_ROOT"
"$REPO_ROOT/scripts/install.sh"

# TechDocs builds the suite's runbooks (mkdocs.yml) with the machine's mkdocs and its Material theme: Debian's
# packages, installed when missing (PyPI's techdocs-core is not needed: app-config.yaml omits it).
# mkdocs_has_material: the Material theme is installed for the python mkdocs runs on.
mkdocs_has_material() {
  local python
  python="$(sed -n '1s/^#!//p' "$(command -v mkdocs)")"
  $python -c 'import sys; from mkdocs.utils import get_theme_names; sys.exit("material" not in get_theme_names())' \
    2>/dev/null
}
if ! command -v mkdocs >/dev/null || ! mkdocs_has_material; then
  echo "[demo] installing Debian's mkdocs and mkdocs-material for TechDocs"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq mkdocs mkdocs-material >/dev/null
fi

export DEMO_USER="${DEMO_USER:-guest}"
export BROWSER="${BROWSER:-none}" # do not try to open a browser from `yarn start`
DEMO_ACCOUNT_URL="http://127.0.0.1:8787"
APP_URL="http://localhost:3000"
BACKEND_URL="http://localhost:7007"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in 8787 3000 7007; do
  if port_in_use "$port"; then
    echo "[demo] port $port is already in use: is another demo running? Stop it first." >&2
    exit 1
  fi
done

pids=()
cleanup() {
  trap - EXIT INT TERM
  echo "[demo] stopping" >&2
  local pid
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for _ in $(seq 1 20); do # up to 10 s for a clean stop, then no mercy
    local alive=0
    for pid in "${pids[@]}"; do kill -0 -- "-$pid" 2>/dev/null && alive=1; done
    [ "$alive" -eq 0 ] && break
    sleep 0.5
  done
  for pid in "${pids[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Wait for a URL to answer (any HTTP status below 500) while process $2 lives; $3 seconds at most.
wait_for() {
  local url="$1" pid="$2" deadline=$((SECONDS + $3))
  until [[ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$url" 2>/dev/null)" =~ ^[1-4] ]]; do
    kill -0 "$pid" 2>/dev/null || { echo "[demo] process for $url exited" >&2; return 1; }
    [ "$SECONDS" -lt "$deadline" ] || { echo "[demo] $url did not answer within $3 s" >&2; return 1; }
    sleep 1
  done
}

# Wait until a sign-in as $DEMO_USER carries its groups (the catalog has read examples/org.yaml); $1 seconds at most.
wait_for_groups() {
  local deadline=$((SECONDS + $1))
  until curl -s -m 5 -H 'X-Requested-With: XMLHttpRequest' "$BACKEND_URL/api/auth/guest/refresh?env=development" |
    grep -q '"group:default/'; do
    [ "$SECONDS" -lt "$deadline" ] || {
      echo "[demo] the catalog has not given user:default/$DEMO_USER its groups (examples/org.yaml) within $1 s" >&2
      return 1
    }
    sleep 1
  done
}

set -m # each background job in its own process group, so cleanup stops its children too
started=$SECONDS

echo "[demo] starting the demo Cloudflare account on $DEMO_ACCOUNT_URL"
yarn workspace @cloudflare-backstage/cloudflare-demo-account serve &
pids+=($!)
wait_for "$DEMO_ACCOUNT_URL/__demo/calls" "${pids[0]}" 60

echo "[demo] starting Backstage (yarn start)"
yarn start &
pids+=($!)
wait_for "$BACKEND_URL/.backstage/health/v1/readiness" "${pids[1]}" 300
wait_for "$APP_URL" "${pids[1]}" 300
wait_for_groups 120

cat <<EOF

  Demo is up ($((SECONDS - started)) s). Ctrl-C stops everything.

  Backstage:               $APP_URL   (press "Enter" to sign in as user:default/$DEMO_USER)
  Backend:                 $BACKEND_URL
  Demo Cloudflare account: $DEMO_ACCOUNT_URL/client/v4   (admin: $DEMO_ACCOUNT_URL/__demo/calls, /__demo/faults)

  DEMO_USER=alice|pat|eve|rob ./scripts/demo.sh signs in as another demo user (examples/org.yaml).

EOF

# Runs until Ctrl-C, or until either process ends (then the other is stopped too).
set +e
wait -n "${pids[@]}"
status=$?
echo "[demo] a demo process exited (status $status)" >&2
exit "$status"
