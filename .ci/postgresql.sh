# Sourced by .ci/run: a throw-away PostgreSQL cluster for the tests, in a temporary folder, on a
# free local port, run as an unprivileged user. Exports QUIZ_TEST_POSTGRESQL (the URL the tests
# read) and stops the cluster on exit. Where PostgreSQL cannot be had, says so; the tests that
# need it then skip, saying so too.

pg_bin_dir() {
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$found" ] && command -v pg_config >/dev/null 2>&1; then
        found=$(pg_config --bindir)
    fi
    [ -n "$found" ] && [ -x "$found/initdb" ] && echo "$found"
}

start_test_postgresql() {
    local bin
    bin=$(pg_bin_dir)
    if [ -z "$bin" ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            --no-install-recommends postgresql >/dev/null; } \
            || echo "ci: could not install postgresql" >&2
        bin=$(pg_bin_dir)
    fi
    if [ -z "$bin" ]; then
        echo "ci: no PostgreSQL; the PostgreSQL tests will be skipped" >&2
        return 0
    fi
    # initdb refuses to run as root: as root, the cluster belongs to the postgres user (made by
    # the Debian package) or, failing that, to nobody.
    local run=()
    if [ "$(id -u)" -eq 0 ]; then
        local owner=postgres
        id "$owner" >/dev/null 2>&1 || owner=nobody
        run=(runuser -u "$owner" --)
    fi
    PG_TEST_DIR=$(mktemp -d /tmp/quiz-pg.XXXXXX)
    chmod 755 "$PG_TEST_DIR"
    [ "${#run[@]}" -gt 0 ] && chown "${run[2]}" "$PG_TEST_DIR"
    local port
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    # A password, checked (scram-sha-256), so the tests can see a wrong one refused.
    local password
    password=$(python3 -c 'import secrets; print(secrets.token_hex(12))')
    echo "$password" >"$PG_TEST_DIR/password"
    [ "${#run[@]}" -gt 0 ] && chown "${run[2]}" "$PG_TEST_DIR/password"
    if ! "${run[@]}" "$bin/initdb" -D "$PG_TEST_DIR/data" -U quiz --pwfile="$PG_TEST_DIR/password" \
            --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$PG_TEST_DIR/initdb.log" 2>&1; then
        echo "ci: initdb failed; the PostgreSQL tests will be skipped:" >&2
        tail -n 5 "$PG_TEST_DIR/initdb.log" >&2
        return 0
    fi
    # Only this machine, on a port of its own, its socket in the temporary folder.
    if ! "${run[@]}" "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/server.log" -w \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_TEST_DIR -c fsync=on" start \
            >/dev/null; then
        echo "ci: the PostgreSQL server did not start; the PostgreSQL tests will be skipped:" >&2
        tail -n 5 "$PG_TEST_DIR/server.log" >&2
        return 0
    fi
    PG_TEST_CTL=("${run[@]}" "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -m fast stop)
    trap stop_test_postgresql EXIT
    export QUIZ_TEST_POSTGRESQL="postgresql://quiz:$password@127.0.0.1:$port/postgres"
    echo "ci: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') for the tests on port $port" >&2
}

stop_test_postgresql() {
    if [ -n "${PG_TEST_DIR:-}" ]; then
        "${PG_TEST_CTL[@]}" >/dev/null 2>&1 || true
        rm -rf "$PG_TEST_DIR"
    fi
}
