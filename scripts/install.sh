#!/usr/bin/env bash
# Installs what is missing: Node 22 (see node-env.sh) and the workspace's dependencies.
set -euo pipefail
source "$(dirname "$0")/node-env.sh"
cd "$REPO_ROOT"
stamp="node_modules/.install-stamp"
want="$(cat yarn.lock package.json */*/package.json 2>/dev/null | sha1sum | cut -c1-40) $(node --version)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "[install] dependencies are up to date"
  exit 0
fi
yarn install
echo "$want" > "$stamp"
