#!/usr/bin/env bash
# `make test`: every check CI runs, as soon as what each needs is there, on both cores.
#
# On a fresh machine the Debian packages (Chromium, PostgreSQL, Redis) take a quarter of a minute
# or more to install.
# Only the browser and PostgreSQL steps need them, so they install beside the Python packages,
# the lint and the SQLite tests, and those two steps start when they are in. Three test streams
# then share the two cores: the SQLite tests but the browser's (two workers), the browser tests
# (one process) and the PostgreSQL step (one process). A browser test waits on Chromium and its
# live server, the PostgreSQL step on its server: side by side, one stream's waits are the others'
# CPU time. TEST_RUN lets the SQLite streams share one migrated database (tests/conftest.py).
#
# Every step runs even when an earlier one fails, so one run reports every problem; the script
# fails if any did. The output of the background steps follows the SQLite step's.
set -uo pipefail

make=("${MAKE:-make}" --no-print-directory)  # the make that runs `make test`
logs=$(mktemp -d "${TMPDIR:-/tmp}/iomcaribbean-test.XXXXXX")
trap 'rm -rf "$logs"' EXIT
export TEST_RUN=$$-$(date +%s)

# Runs "$@" in the background, its output to $logs/NAME.log and its exit status to $logs/NAME.rc.
in_background() {
    local name=$1
    shift
    (
        "$@" >"$logs/$name.log" 2>&1
        status=$?
        echo "(ended at $SECONDS s)" >>"$logs/$name.log"
        echo $status >"$logs/$name.rc"
    ) &
}

# Waits for the system packages, then runs "$@" (nothing if they failed to install).
after_system_packages() {
    until [ -s "$logs/system-deps.rc" ]; do sleep 0.5; done
    [ "$(cat "$logs/system-deps.rc")" = 0 ] || return 1
    echo "(started at $SECONDS s)"
    "$@"
}

in_background system-deps "${make[@]}" system-deps

echo "==> install ($SECONDS s)"
if ! "${make[@]}" install; then
    wait
    cat "$logs/system-deps.log"
    echo "==> FAILED: install" >&2
    exit 1
fi

failed=()
echo "==> lint ($SECONDS s)"
"${make[@]}" lint || failed+=(lint)

in_background test-postgres after_system_packages "${make[@]}" test-postgres PYTEST_WORKERS=0
in_background test-browser after_system_packages "${make[@]}" test-browser

echo "==> test-sqlite, all but the browser tests ($SECONDS s)"
"${make[@]}" test-sqlite SQLITE_MARKS="not browser" || failed+=(test-sqlite)

wait
echo "==> every step has ended ($SECONDS s)"
for step in system-deps test-browser test-postgres; do
    echo "==> $step"
    cat "$logs/$step.log"
    [ "$(cat "$logs/$step.rc")" = 0 ] || failed+=("$step")
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "==> FAILED: ${failed[*]}" >&2
    exit 1
fi
echo "==> all checks passed ($SECONDS s)"
