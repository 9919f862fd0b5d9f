"""What `make bench` and `make loadtest` share: the database of demo programmes, `make serve`, wrk.

Both run inside scripts/with-postgres.sh, which sets DATABASE_URL to a throwaway cluster.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# wrk talks plain HTTP to gunicorn, as a proxy that terminates TLS would, and says so.
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}


# The public addresses visitors rotate over (bench/mix.lua.in), found in the generated database.
PATHS = """
import json
from programmes.models import Country, Programme, ThematicArea
from partners.models import Organisation
published = Programme.objects.published().order_by("pk")
paths = ["/", "/programmes/", "/programmes/?sort=title", "/programmes/?q=border", "/countries/", "/areas/",
         "/partners/", "/funders/", "/api/programmes/", "/es/programmes/", "/fr/"]
paths += [f"/programmes/{slug}/" for slug in published.values_list("slug", flat=True)[:40]]
paths += [f"/countries/{slug}/" for slug in Country.objects.values_list("slug", flat=True)[:5]]
paths += [f"/programmes/?page={n}" for n in (2, 5, 50)]
print(json.dumps(paths))
"""


def mix_script(paths: list[str]) -> Path:
    script = ROOT / "bench" / "mix.lua"
    listed = ",\n  ".join(json.dumps(p) for p in paths)
    template = (ROOT / "bench" / "mix.lua.in").read_text()
    script.write_text(template.replace("-- PATHS --", listed))
    return script


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def production_env(**extra: str) -> dict[str, str]:
    """The environment of `make serve`, for a server behind a TLS-terminating proxy.

    The production defaults (static files, kept connections) come with DEBUG off, from the
    settings; what is here is the bench's own.
    """
    if "DATABASE_URL" not in os.environ:
        sys.exit("Run under scripts/with-postgres.sh (make bench / make loadtest do).")
    env = dict(os.environ)
    env.update(
        # As `make serve` sets it, for the manage.py commands run outside it too.
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="bench-secret-key-not-for-production-0123456789abcdef",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_PROXY_SSL_HEADER="true",
        DJANGO_LOG_LEVEL="WARNING",
        BENCH_ENDPOINTS="true",
        # Workers are not recycled during the measurement (gunicorn.conf.py's default would
        # replace each one every ~1,000 requests, taking its cache with it, several times a second).
        GUNICORN_MAX_REQUESTS="0",
        # wrk is one client sending thousands of requests a second: the per-client throttles
        # (120 API answers and 10 downloads a minute by default) would answer it 429.
        API_THROTTLE_RATE="1000000/second",
        DOWNLOAD_THROTTLE_RATE="1000000/second",
    )
    env.update(extra)
    return env


def manage(*args: str, env: dict[str, str], capture: bool = False) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, text=True, capture_output=capture
    )
    return result.stdout if capture else ""


def prepare_database(env: dict[str, str], programmes: int) -> float:
    """Migrate and add the demo programmes; the seconds generate_demo_data took."""
    manage("migrate", "--noinput", "-v", "0", env=env)
    started = time.monotonic()
    manage("generate_demo_data", "--programmes", str(programmes), "--force", env=env)
    return time.monotonic() - started


class Server:
    """`make serve` on a free port, in its own process group, stopped with it."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.port = free_port()
        self.env = env
        self.log = log
        self.process: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        with self.log.open("w") as out:
            self.process = subprocess.Popen(
                ["make", "--no-print-directory", "serve", f"SERVE_ADDR=127.0.0.1:{self.port}"],
                cwd=ROOT,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"make serve stopped; see {self.log}")
            try:
                if get(self.base + "/healthz")[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.5)
        sys.exit(f"make serve did not answer in time; see {self.log}")

    def __exit__(self, *exc: object) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)

    def gunicorn_pids(self) -> tuple[int, list[int]]:
        """The gunicorn master's pid (make's child: the recipe execs gunicorn) and its workers' pids."""
        out = subprocess.run(["ps", "-eo", "pid,ppid,args"], capture_output=True, text=True, check=True).stdout
        rows = [
            (int(pid), int(ppid), args) for pid, ppid, args in (line.split(None, 2) for line in out.splitlines()[1:])
        ]
        master = next(pid for pid, ppid, args in rows if ppid == self.process.pid and "gunicorn" in args)
        return master, [pid for pid, ppid, _ in rows if ppid == master]


def get(url: str, headers: dict[str, str] | None = None, timeout: float = 300) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers={**PROXY_HEADERS, **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()
    except (OSError, http.client.HTTPException) as error:
        # A worker killed mid-answer (gunicorn's timeout) or a refused connection: no status at all.
        return 0, {"error": repr(error)}, b""


@dataclass
class WrkResult:
    requests_per_second: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    requests: int
    non_2xx_3xx: int
    socket_errors: int
    output: str


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(
    url: str,
    *,
    connections: int,
    duration: int,
    threads: int = 2,
    headers: dict[str, str] | None = None,
    script: Path | None = None,
    timeout: str = "10s",
) -> WrkResult:
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", f"--timeout={timeout}"]
    for name, value in {**PROXY_HEADERS, **(headers or {})}.items():
        command += ["-H", f"{name}: {value}"]
    if script:
        command += ["-s", str(script)]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    # No latency lines when not one request finished in the time given.
    p50, p90, p99 = (
        _ms(found.group(1)) if (found := re.search(rf"{percent}%\s+(\d\S*)", output)) else float("nan")
        for percent in (50, 90, 99)
    )
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    non_ok = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return WrkResult(
        requests_per_second=rps,
        p50_ms=p50,
        p90_ms=p90,
        p99_ms=p99,
        requests=requests,
        non_2xx_3xx=int(non_ok.group(1)) if non_ok else 0,
        socket_errors=sum(int(n) for n in errors.groups()) if errors else 0,
        output=output,
    )


def peak_rss_kib(pid: int) -> int:
    """The process's peak resident memory so far (VmHWM), in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0
