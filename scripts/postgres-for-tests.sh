#!/usr/bin/env bash
# Starts a throw-away PostgreSQL for the PostgreSQL store tests, idempotently:
#   - installs Debian `postgresql` when initdb/pg_ctl are missing (needs root; apt-get update once);
#   - creates a cluster in $PG_TEST_DIR (default /tmp/ordertracker-pg-<port>) owned by the postgres user,
#     listening on 127.0.0.1:$PG_TEST_PORT (default 55432) only, with md5 auth for user/db tracker/tracker;
#   - starts it (or leaves it running if it already answers) and prints the connection URL on the last line.
# Run as root (CI) or as the postgres user. Stop it with: pg_ctl -D "$PG_TEST_DIR" stop (as postgres).
set -euo pipefail

PORT="${PG_TEST_PORT:-55432}"
DATA="${PG_TEST_DIR:-/tmp/ordertracker-pg-${PORT}}"
URL="postgresql://tracker:tracker@127.0.0.1:${PORT}/tracker"

say() { printf '[postgres-for-tests] %s\n' "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

find_bin() {
  local name="$1" candidate
  for candidate in /usr/lib/postgresql/*/bin/"$name"; do
    if [ -x "$candidate" ]; then echo "$candidate"; return 0; fi
  done
  command -v "$name" 2>/dev/null || return 1
}

if ! find_bin initdb >/dev/null || ! find_bin pg_ctl >/dev/null; then
  [ "$(id -u)" = 0 ] || die "PostgreSQL is not installed and installing it needs root (apt-get install postgresql)"
  say "installing Debian postgresql"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
INITDB="$(find_bin initdb)" || die "initdb not found after installing postgresql"
PG_CTL="$(find_bin pg_ctl)" || die "pg_ctl not found after installing postgresql"
BIN_DIR="$(dirname "$PG_CTL")"
PSQL="$BIN_DIR/psql"
[ -x "$PSQL" ] || PSQL="$(command -v psql)" || die "psql not found"

# Run a command as the postgres user (PostgreSQL refuses to run as root).
as_postgres() {
  if [ "$(id -un)" = postgres ]; then
    "$@"
  elif [ "$(id -u)" = 0 ]; then
    if command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"; else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
  else
    die "run as root or as the postgres user"
  fi
}

answers() { PGPASSWORD=tracker "$PSQL" -X -q -h 127.0.0.1 -p "$PORT" -U tracker -d tracker -c 'select 1' >/dev/null 2>&1; }

if answers; then
  say "already running on 127.0.0.1:${PORT}"
  echo "$URL"
  exit 0
fi

if [ ! -f "$DATA/PG_VERSION" ]; then
  say "creating a cluster in $DATA"
  rm -rf "$DATA"
  mkdir -p "$DATA"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$DATA"
  chmod 700 "$DATA"
  PWFILE="$(mktemp)"
  echo postgres > "$PWFILE"
  [ "$(id -u)" = 0 ] && chown postgres "$PWFILE"
  as_postgres "$INITDB" -D "$DATA" -U postgres --auth-local=trust --auth-host=md5 --pwfile="$PWFILE" \
    -E UTF8 --locale=C.UTF-8 >/dev/null 2>&1 \
    || as_postgres "$INITDB" -D "$DATA" -U postgres --auth-local=trust --auth-host=md5 --pwfile="$PWFILE" -E UTF8 >/dev/null
  rm -f "$PWFILE"
  cat >> "$DATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = ${PORT}
unix_socket_directories = '${DATA}'
fsync = on
max_connections = 50
shared_buffers = 64MB
CONF
fi

# Probe the server through its own socket rather than `pg_ctl status`: a server killed with the previous session
# leaves a postmaster.pid whose PID may belong to another process by now, and status would call it running.
if ! as_postgres "$PSQL" -X -q -h "$DATA" -p "$PORT" -U postgres -d postgres -c 'select 1' >/dev/null 2>&1; then
  say "starting on 127.0.0.1:${PORT}"
  as_postgres "$PG_CTL" -D "$DATA" -l "$DATA/server.log" -w -t 60 start >/dev/null \
    || { tail -n 20 "$DATA/server.log" >&2 || true; die "PostgreSQL did not start (log: $DATA/server.log)"; }
fi

# Test role and database (idempotent), through the cluster's own Unix socket with trust auth.
psql_admin() { as_postgres "$PSQL" -X -q -h "$DATA" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
if [ "$(psql_admin -tAc "select 1 from pg_roles where rolname='tracker'")" != 1 ]; then
  psql_admin -c "create role tracker login password 'tracker'"
fi
if [ "$(psql_admin -tAc "select 1 from pg_database where datname='tracker'")" != 1 ]; then
  psql_admin -c "create database tracker owner tracker"
fi

answers || die "PostgreSQL runs but tracker/tracker cannot log in on 127.0.0.1:${PORT}"
say "ready"
echo "$URL"
