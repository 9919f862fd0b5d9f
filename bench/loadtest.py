"""`make loadtest`: 200 clients for 60 s on a mix of public pages, then PostgreSQL restarted under load.

Runs inside scripts/with-postgres.sh, like `make bench` (bench/common.py): demo programmes on a
throwaway cluster, `make serve` with production settings, wrk from this second process with
bench/mix.lua rotating the addresses and counting answers by status. The first run expects no
error at all. The second restarts the cluster (pg_ctl restart) while wrk runs: while the
database is down the portal answers 503 with its "temporarily unavailable" page, and once it is
back the portal answers as before, with the same gunicorn (no restart).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PATHS, ROOT, Server, WrkResult, get, manage, mix_script, prepare_database, production_env, wrk

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "loadtest.md"
PROGRAMMES = int(os.environ.get("LOADTEST_PROGRAMMES", 10_000))
CLIENTS = int(os.environ.get("LOADTEST_CLIENTS", 200))
DURATION = int(os.environ.get("LOADTEST_DURATION", 60))
FAULT_DURATION = int(os.environ.get("LOADTEST_FAULT_DURATION", 30))
# Seconds into the fault run when PostgreSQL is stopped, and how long it stays down.
FAULT_AT, FAULT_DOWN = 8, 5
# A client that waits longer than this counts the request as an error (a timeout).
WRK_TIMEOUT = "10s"


def counts(output: str) -> dict[str, int]:
    found = re.search(r"STATUS (.*)", output)
    return {k: int(v) for k, v in (pair.split("=") for pair in found.group(1).split())} if found else {}


@contextmanager
def postgres_stopped() -> Iterator[None]:
    """The throwaway cluster stopped (fast shutdown: connections are cut), then started again.

    scripts/with-postgres.sh gives its binaries, data folder and log (PG_BIN, PGDATA, PG_LOG); the
    cluster's own config has its address and options, so `pg_ctl start` needs nothing more.
    """
    pg_ctl("-m", "fast", "stop")
    try:
        yield
    finally:
        pg_ctl("-l", os.environ["PG_LOG"], "start")


def pg_ctl(*args: str) -> None:
    """pg_ctl on the throwaway cluster, as the server's user, waiting until it is done."""
    datadir = Path(os.environ["PGDATA"])
    as_server_user = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
    command = [*as_server_user, str(Path(os.environ["PG_BIN"], "pg_ctl")), "-D", str(datadir), "-w", *args]
    # From the cluster's folder: the server's user may not be able to enter the caller's.
    subprocess.run(command, check=True, capture_output=True, cwd=datadir.parent)


def restart_postgres_later(events: list[str]) -> None:
    """Stop the cluster FAULT_AT s from now, start it again FAULT_DOWN s later."""
    time.sleep(FAULT_AT)
    with postgres_stopped():
        events.append(f"{time.strftime('%H:%M:%S')} PostgreSQL stopped (pg_ctl stop -m fast)")
        time.sleep(FAULT_DOWN)
    events.append(f"{time.strftime('%H:%M:%S')} PostgreSQL started again (pg_ctl start)")


def main() -> None:
    env = production_env()
    print(f"Adding {PROGRAMMES:,} demo programmes to a fresh PostgreSQL database...", flush=True)
    prepare_database(env, PROGRAMMES)
    paths = json.loads(manage("shell", "-c", PATHS, env=env, capture=True).strip().splitlines()[-1])
    script = mix_script(paths)
    lines = [
        f"`make loadtest` on {time.strftime('%Y-%m-%d')}: {PROGRAMMES:,} demo programmes on PostgreSQL, `make serve` "
        f"(production settings), wrk with {CLIENTS} connections rotating {len(paths)} public addresses.",
        "",
        "| run | requests | req/s | p50 ms | p90 ms | p99 ms | 2xx/3xx | 503 | other errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    with Server(env, HERE / "loadtest-serve.log") as server:
        master_before, _ = server.gunicorn_pids()
        for path in paths[:3]:
            get(server.base + path)
        print(f"Steady load: {CLIENTS} clients for {DURATION} s...", flush=True)
        steady = wrk(
            server.base + "/", connections=CLIENTS, duration=DURATION, threads=2, script=script, timeout=WRK_TIMEOUT
        )
        lines.append(row("steady", steady))

        print(f"Fault run: {CLIENTS} clients for {FAULT_DURATION} s, PostgreSQL down from {FAULT_AT} s...", flush=True)
        events: list[str] = []
        fault = threading.Thread(target=restart_postgres_later, args=(events,))
        fault.start()
        faulty = wrk(
            server.base + "/",
            connections=CLIENTS,
            duration=FAULT_DURATION,
            threads=2,
            script=script,
            timeout=WRK_TIMEOUT,
        )
        fault.join()
        lines.append(row("PostgreSQL restarted", faulty))

        # Recovery: the same gunicorn answers every address again, without a restart.
        time.sleep(1)
        after = [get(server.base + p)[0] for p in paths]
        master_after, _ = server.gunicorn_pids()
        status_503, headers_503, body_503 = down_page(server)
    recovered = all(status == 200 for status in after) and master_after == master_before
    lines += [
        "",
        *[f"- {event}" for event in events],
        f"- After the restart: {sum(s == 200 for s in after)} of {len(paths)} addresses answer 200; gunicorn's "
        f"master process is {'the same' if master_after == master_before else 'a different one'} "
        f"(pid {master_before} before, {master_after} after): "
        + ("**recovered by itself**." if recovered else "**did NOT recover**."),
        f"- While the database is down, a page answers {status_503} with Retry-After "
        f'{headers_503.get("Retry-After", "-")}: "{body_503}".',
    ]
    table = "\n".join(lines) + "\n"
    RESULTS.write_text("# Load test results\n\n" + table)
    print()
    print(table)
    print(f"Written to {RESULTS.relative_to(ROOT)}.")
    if steady.non_2xx_3xx or steady.socket_errors or not recovered:
        sys.exit(1)


def down_page(server: Server) -> tuple[int, dict, str]:
    """What a visitor sees with the database stopped: one more short stop, outside the load."""
    with postgres_stopped():
        status, headers, body = get(server.base + "/programmes/?down=1")
    title = re.search(rb"<h1[^>]*>(.*?)</h1>", body, re.S)
    return status, headers, (title.group(1).decode().strip() if title else body[:80].decode(errors="replace"))


def row(name: str, result: WrkResult) -> str:
    by_status = counts(result.output)
    ok = by_status.get("ok", 0)
    unavailable = by_status.get("s503", 0)
    other = result.non_2xx_3xx - unavailable + result.socket_errors
    if socket := re.search(r"Socket errors: .*", result.output):
        print(f"  {name}: {socket.group(0)} (timeout: no answer within wrk's {WRK_TIMEOUT})", flush=True)
    return (
        f"| {name} | {result.requests:,} | {result.requests_per_second:,.0f} | {result.p50_ms:.0f} | "
        f"{result.p90_ms:.0f} | {result.p99_ms:.0f} | {ok:,} | {unavailable:,} | {other:,} |"
    )


if __name__ == "__main__":
    main()
