#!/bin/sh
# Run a command against a throwaway PostgreSQL cluster, then stop and remove it:
#   sh scripts/with-postgres.sh npx vitest run api-mock/src/oms
# Installs Debian's postgresql package when missing (as root, with apt-get), runs initdb into a temp dir and
# pg_ctl on a free loopback port (as the postgres user when we are root), and gives the command
# TEST_DATABASE_URL=postgres://postgres@127.0.0.1:<port>/postgres. The command's exit code is ours.
set -e
pgbin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
PGBIN=$(pgbin)
if [ -z "$PGBIN" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "with-postgres: installing Debian's postgresql with apt-get (one time)..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq postgresql >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq postgresql >/dev/null; }
    PGBIN=$(pgbin)
  fi
  if [ -z "$PGBIN" ]; then
    echo "with-postgres: PostgreSQL not found. Install it with 'sudo apt-get install -y postgresql'." >&2
    exit 1
  fi
fi
dir=$(mktemp -d /tmp/bp-pg.XXXXXX)
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
as_pg() { if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = "0" ] && chown postgres "$dir"
cleanup() {
  as_pg "$PGBIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT INT TERM
as_pg "$PGBIN/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-sync >/dev/null
# fsync off: this cluster lives for one test run; durability under kill -9 is tested on our server, not on PostgreSQL.
as_pg "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=off -c max_connections=200" start >/dev/null
echo "with-postgres: $("$PGBIN/postgres" --version) on 127.0.0.1:$port"
set +e
TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres" "$@"
status=$?
exit $status
