#!/usr/bin/env bash
# A throw-away PostgreSQL for the register's tests, on 127.0.0.1 in a temporary
# data directory. Installs the server with apt-get when it is missing.
#
#   eval "$(scripts/start-test-postgres.sh start)"   # exports KIENNGHI_TEST_POSTGRES_URL
#   swift test
#   scripts/start-test-postgres.sh stop
#
# The data directory and port are kept in $KIENNGHI_PG_STATE (default
# /tmp/kiennghi-test-postgres.state) so `stop` finds them again.
set -euo pipefail

STATE=${KIENNGHI_PG_STATE:-/tmp/kiennghi-test-postgres.state}
PORT=${KIENNGHI_PG_PORT:-54329}

find_bin() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
    done
    return 1
}

as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then
        if command -v runuser >/dev/null; then runuser -u postgres -- "$@"; else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
    else
        "$@"
    fi
}

start() {
    if [ -f "$STATE" ]; then
        # shellcheck disable=SC1090
        . "$STATE"
        if [ -n "${DATA:-}" ] && [ -d "$DATA" ] && as_postgres "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
            echo "export KIENNGHI_TEST_POSTGRES_URL=postgres://kiennghi:kiennghi@127.0.0.1:$PORT/kiennghi_test"
            return 0
        fi
    fi
    local bin
    if ! bin=$(find_bin); then
        echo "installing PostgreSQL with apt-get…" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2
        apt-get install -y -qq postgresql >&2
        bin=$(find_bin)
    fi
    if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
        useradd --system --home /var/lib/postgresql --shell /bin/sh postgres
    fi
    local data
    data=$(mktemp -d /tmp/kiennghi-pg.XXXXXX)
    [ "$(id -u)" -eq 0 ] && chown postgres "$data"
    as_postgres "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as_postgres "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $data -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
    as_postgres "$bin/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -q \
        -c "CREATE ROLE kiennghi LOGIN PASSWORD 'kiennghi'" -c "CREATE DATABASE kiennghi_test OWNER kiennghi" >/dev/null
    printf 'BIN=%q\nDATA=%q\nPORT=%q\n' "$bin" "$data" "$PORT" > "$STATE"
    echo "export KIENNGHI_TEST_POSTGRES_URL=postgres://kiennghi:kiennghi@127.0.0.1:$PORT/kiennghi_test"
}

stop() {
    [ -f "$STATE" ] || { echo "no test PostgreSQL is running" >&2; return 0; }
    # shellcheck disable=SC1090
    . "$STATE"
    as_postgres "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
    case "$DATA" in /tmp/kiennghi-pg.*) rm -rf -- "$DATA" ;; esac
    rm -f -- "$STATE"
}

case "${1:-start}" in
    start) start ;;
    stop) stop ;;
    url) . "$STATE"; echo "postgres://kiennghi:kiennghi@127.0.0.1:$PORT/kiennghi_test" ;;
    *) echo "usage: $0 start|stop|url" >&2; exit 64 ;;
esac
