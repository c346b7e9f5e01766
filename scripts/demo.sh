#!/usr/bin/env bash
# Command 1 of the quick start: installs what is missing, then starts the demo:
#   - the built-in demo Cloudflare account (acme-org) on http://127.0.0.1:8787/client/v4
#   - Backstage with the suite: frontend http://localhost:3000, backend http://localhost:7007
# Ctrl-C stops everything. DEMO_USER=alice|pat|eve|rob|guest picks who the guest sign-in is.
set -euo pipefail
source "$(dirname "$0")/node-env.sh"
cd "$REPO_ROOT"
"$REPO_ROOT/scripts/install.sh"

export DEMO_USER="${DEMO_USER:-guest}"
pids=()
cleanup() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

set -m # each background job in its own process group, so cleanup stops its children too
yarn workspace @cloudflare-backstage/cloudflare-demo-account serve &
pids+=($!)
for _ in $(seq 1 60); do
  curl -fsS http://127.0.0.1:8787/__demo/calls >/dev/null 2>&1 && break
  sleep 1
done

echo
echo "  Demo Cloudflare account: http://127.0.0.1:8787/client/v4"
echo "  Backstage:               http://localhost:3000  (backend http://localhost:7007)"
echo "  Signed in as:            user:default/$DEMO_USER  (DEMO_USER=alice|pat|eve|rob to change)"
echo

yarn start &
pids+=($!)
wait "${pids[1]}"
