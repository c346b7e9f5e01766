# Sourced by scripts/test.sh: makes sure the PostgreSQL the database tests use is there.
# If something answers on 127.0.0.1:5432 (or BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
# is already set), it is used. Otherwise a throw-away PostgreSQL from the embedded-postgres npm
# package (a root devDependency, binaries included) is started on a free port in a temp directory,
# the connection string is exported for the tests, and it is stopped when the shell exits
# (services_stop, called from test.sh's EXIT trap). No test needs Redis: the cache tests use
# Backstage's in-memory cache and a mocked failing store.

SERVICES_PG_PID=""

services_port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

services_start() {
  if [ -n "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ] || services_port_open 5432; then
    return 0
  fi
  local port ready
  port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  ready=$(mktemp)
  rm -f "$ready"
  echo "[services] nothing on 127.0.0.1:5432: starting embedded PostgreSQL on port $port"
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

services_stop() {
  if [ -n "$SERVICES_PG_PID" ]; then
    kill -TERM "$SERVICES_PG_PID" 2>/dev/null || true
    wait "$SERVICES_PG_PID" 2>/dev/null || true
    SERVICES_PG_PID=""
  fi
}
