#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL server: initdb in a temp dir, listen on a free
# loopback port, export ARMSTRACE_DATABASE_URL, run "$@", then stop the server and delete it.
set -euo pipefail

PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[ -x "$PGBIN/initdb" ] || { echo "with_postgres: no PostgreSQL server binaries found (apt-get install postgresql)" >&2; exit 1; }

tmp=$(mktemp -d /tmp/armstrace-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

as_owner() {
  # initdb and postgres refuse to run as root: use the postgres account then.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" = 0 ] && chown postgres "$tmp"

stop() {
  as_owner "$PGBIN/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap stop EXIT

as_owner "$PGBIN/initdb" -D "$tmp/data" -U armstrace --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_owner "$PGBIN/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w start \
  -o "-h 127.0.0.1 -p $port -k $tmp -F -c synchronous_commit=off -c full_page_writes=off -c max_connections=60" >/dev/null
"$PGBIN/createdb" -h 127.0.0.1 -p "$port" -U armstrace armstrace

export ARMSTRACE_DATABASE_URL="postgres://armstrace@127.0.0.1:$port/armstrace"
export PGBIN
echo "with_postgres: PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
"$@"
