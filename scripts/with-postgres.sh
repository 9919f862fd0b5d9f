#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster.
#
#   scripts/with-postgres.sh COMMAND [ARG...]
#
# Creates a cluster in a temporary folder, starts it on 127.0.0.1 at a free port, creates a
# role that may CREATE DATABASE (pytest-django creates test_<name> and, under xdist, one per
# worker), runs COMMAND with DATABASE_URL pointing at it, then stops the cluster and removes
# the folder whatever happened, and exits with COMMAND's status.
#
# COMMAND also gets PG_BIN (the server binaries), PGDATA (the cluster's data folder) and PG_LOG
# (its server log), so it can stop and start the cluster itself (bench/loadtest.py does):
# `pg_ctl -D "$PGDATA" -l "$PG_LOG" -w start` needs no other option, they are in its config.
#
# Uses the server binaries of Debian's postgresql package (/usr/lib/postgresql/<version>/bin),
# or PG_BIN if set. initdb refuses to run as root, so as root the server runs as `postgres`.
set -euo pipefail

if [ $# -eq 0 ]; then
    echo "usage: $0 COMMAND [ARG...]" >&2
    exit 2
fi

if [ -z "${PG_BIN:-}" ]; then
    # The newest installed major version.
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
fi
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
    echo "with-postgres: no PostgreSQL server found (install Debian's postgresql package or set PG_BIN)." >&2
    exit 1
fi

as_server_user=()
if [ "$(id -u)" -eq 0 ]; then
    as_server_user=(runuser -u postgres --)
fi

tmpdir=$(mktemp -d "${TMPDIR:-/tmp}/iomcaribbean-pg.XXXXXX")
datadir="$tmpdir/data"

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [ -f "$datadir/postmaster.pid" ]; then
        (cd "$tmpdir" && "${as_server_user[@]}" "$PG_BIN/pg_ctl" -D "$datadir" -m immediate -w stop >/dev/null 2>&1) || true
    fi
    rm -rf "$tmpdir"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ ${#as_server_user[@]} -gt 0 ]; then
    chown postgres: "$tmpdir"
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
user=iomcaribbean
database=iomcaribbean

# The server user may not be able to enter the caller's folder, so work from the temporary one.
cd "$tmpdir"
"${as_server_user[@]}" "$PG_BIN/initdb" -D "$datadir" -U postgres --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$tmpdir/initdb.log" 2>&1 \
    || { cat "$tmpdir/initdb.log" >&2; exit 1; }
# In the cluster's own config, so a later `pg_ctl start` (a restart under load) needs none of them.
# Durability does not matter for a cluster that lives for one test run.
cat >>"$datadir/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$tmpdir'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
serverlog="$tmpdir/server.log"
"${as_server_user[@]}" "$PG_BIN/pg_ctl" -D "$datadir" -l "$serverlog" -w -t 60 start >/dev/null \
    || { cat "$serverlog" >&2; exit 1; }

psql=("$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres)
"${psql[@]}" -c "CREATE ROLE $user LOGIN CREATEDB PASSWORD '$user'"
"${psql[@]}" -c "CREATE DATABASE $database OWNER $user"
cd "$OLDPWD"

echo "with-postgres: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
export DATABASE_URL="postgres://$user:$user@127.0.0.1:$port/$database"
export PG_BIN PGDATA="$datadir" PG_LOG="$serverlog"
status=0
"$@" || status=$?
exit "$status"
