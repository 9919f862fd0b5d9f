"""Two app servers, one PostgreSQL and one Redis, as the README's "Several app servers" runs them.

Each server is gunicorn with the production settings (DEBUG off, static files collected, HTTPS
behind a proxy that sets X-Forwarded-Proto and X-Forwarded-For), in processes of its own on a free
port. Both use one database of their own on the run's PostgreSQL cluster (scripts/with-postgres.sh)
and one real ``redis-server`` started here as their cache. A visitor keeps one set of cookies for
the portal's host name, and each request goes to whichever server the test names, as a load
balancer would send it. An edit through one server shows through the other at once (the page, its
ETag and Last-Modified), and a session and a sign-in lockout hold on both.

One test with a subtest per behaviour: pytest-xdist's worksteal moves single tests between its
workers, and each worker that got one would start servers of its own.
"""

from __future__ import annotations

import ctypes
import datetime
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import psycopg2
import pytest
import redis
from django.db import connection
from django.utils.html import escape
from lxml import html

pytestmark = [
    # pytest-django migrates the test database only for a run with a test marked so: this one's template.
    pytest.mark.django_db,
    pytest.mark.both_engines,
    pytest.mark.run_first,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL, which both app servers share: runs in make test's PostgreSQL step",
    ),
]

ROOT = Path(__file__).resolve().parent.parent
HOST = "portal.test"
# The client's address as the proxy appends it to X-Forwarded-For (DJANGO_TRUSTED_PROXY_COUNT=1).
CLIENT_ADDRESS = "203.0.113.7"
FAILURE_LIMIT = 3
PASSWORD = "a-long-password-for-both-servers"
ADMIN_LOGIN = "/admin/login/"
WRONG_PASSWORD = "Please enter the correct username and password for a staff account."
LOCKED = "Too many sign-in attempts"
STARTUP_SECONDS = 60

# Run once on the new database (migrated, with the seed content), before the servers start: two
# staff accounts, and the addresses of a published programme (the seed content has several).
PREPARE = """
import json, os
from django.contrib.auth import get_user_model
from django.urls import reverse
from programmes.models import Programme
password = os.environ["SEVERAL_SERVERS_PASSWORD"]
get_user_model().objects.create_superuser("chief", "chief@example.org", password)
get_user_model().objects.create_user("officer", "officer@example.org", password, is_staff=True)
programme = Programme.objects.published().order_by("pk").first()
print(json.dumps({
    "title": programme.title,
    "page": programme.get_absolute_url(),
    "api": reverse("programmes_api:programme-detail", kwargs={"slug": programme.slug}),
    "change": reverse("admin:programmes_programme_change", args=[programme.pk]),
}))
"""


# Processes -----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# Linux's prctl(PR_SET_PDEATHSIG), looked up here: a forked child should not load libraries.
_prctl = ctypes.CDLL(None, use_errno=True).prctl
PR_SET_PDEATHSIG = 1


def _end_with_the_test() -> None:
    # pytest-timeout ends a hung run with os._exit, which runs no fixture's teardown.
    _prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def start(command: list[str], log: Path, env: dict[str, str] | None = None) -> subprocess.Popen:
    """In a process group of its own, so stopping it stops whatever it forked (gunicorn's workers)."""
    with log.open("w") as out:
        return subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_end_with_the_test,
        )


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def wait_until_ready(process: subprocess.Popen, log: Path, ready: Callable[[], bool]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{process.args[0]} stopped with status {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            if ready():
                return
        except (OSError, http.client.HTTPException, redis.RedisError):
            pass
        time.sleep(0.2)
    pytest.fail(f"{process.args[0]} did not answer within {STARTUP_SECONDS} s:\n{log.read_text()[-3000:]}")


@dataclass(frozen=True)
class Server:
    name: str
    port: int


@dataclass(frozen=True)
class Deployment:
    a: Server
    b: Server
    cache: redis.Redis
    programme: dict[str, str]


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    executable = shutil.which("redis-server")
    if executable is None:
        pytest.fail("redis-server is missing: install Debian's redis-server package (make test's system-deps does).")
    folder, port = tmp_path_factory.mktemp("redis"), free_port()
    # Nothing written to disk: the cache lives as long as the test.
    command = [executable, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"]
    process = start([*command, "--dir", str(folder)], folder / "redis.log")
    try:
        wait_until_ready(process, folder / "redis.log", redis.Redis(port=port).ping)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        stop(process)


@pytest.fixture(scope="module")
def database_url(django_db_setup, django_db_blocker) -> Iterator[str]:
    """A database of the servers' own on the run's cluster: they need committed data, which the
    test database's transactions would hide, and flushing that one would drop its seed content.

    A copy of the test database, which pytest-django has just migrated (this test runs first, so no
    test has written to it yet): migrating an empty one again would cost seconds of CPU.
    """
    url = os.environ["DATABASE_URL"]
    name = f"several_servers_{os.getpid()}"
    # PostgreSQL copies only a database nobody is connected to.
    with django_db_blocker.unblock():
        template = connection.settings_dict["NAME"]
        connection.close()
    maintenance = psycopg2.connect(url)  # libpq reads the URL as it is
    maintenance.autocommit = True
    try:
        with maintenance.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        yield urlsplit(url)._replace(path=f"/{name}").geturl()
        with maintenance.cursor() as cursor:
            cursor.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    finally:
        maintenance.close()


@pytest.fixture(scope="module")
def deployment(database_url: str, redis_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    folder = tmp_path_factory.mktemp("servers")
    env = {name: value for name, value in os.environ.items() if not name.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="iomcaribbean.settings",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="several-servers-test-key-not-for-production-0123456789",
        DJANGO_ALLOWED_HOSTS=HOST,
        DJANGO_SECURE_PROXY_SSL_HEADER="true",
        DJANGO_TRUSTED_PROXY_COUNT="1",
        DJANGO_STATIC_ROOT=str(folder / "static"),
        # The static files as they are, without production's hashed names and compressed copies
        # (brotli at its highest quality takes half a minute over the API documentation's
        # scripts): no test here reads them, and tests/test_deploy_check.py checks the default.
        DJANGO_STATICFILES_STORAGE="django.contrib.staticfiles.storage.StaticFilesStorage",
        DJANGO_LOG_LEVEL="WARNING",
        DATABASE_URL=database_url,
        CACHE_URL=redis_url,
        AXES_FAILURE_LIMIT=str(FAILURE_LIMIT),
        AXES_COOLOFF_MINUTES="15",
        GUNICORN_WORKERS="1",
        SEVERAL_SERVERS_PASSWORD=PASSWORD,
    )
    # What `make serve` does before gunicorn (its migrate is the copy above), side by side: collect
    # the static files, add the accounts. gunicorn starts once the files are there (whitenoise lists
    # them when a worker starts), while the accounts may still be added: nothing asks for a page
    # before both are done.
    manage = [sys.executable, "manage.py"]
    collect = start([*manage, "collectstatic", "--noinput", "-v", "0"], folder / "collectstatic.log", env)
    prepare = start([*manage, "shell", "-c", PREPARE], folder / "prepare.log", env)
    processes, servers = [collect, prepare], []
    try:
        assert collect.wait() == 0, (folder / "collectstatic.log").read_text()[-3000:]
        for name in ("A", "B"):
            server, log = Server(name, free_port()), folder / f"gunicorn-{name}.log"
            command = [sys.executable, "-m", "gunicorn", "--config", str(ROOT / "gunicorn.conf.py")]
            processes.append(start(command, log, {**env, "GUNICORN_BIND": f"127.0.0.1:{server.port}"}))
            servers.append(server)
        assert prepare.wait() == 0, (folder / "prepare.log").read_text()[-3000:]
        for process, server in zip(processes[2:], servers, strict=True):
            log = folder / f"gunicorn-{server.name}.log"
            wait_until_ready(process, log, lambda server=server: Visitor().get(server, "/healthz").status == 200)
        programme = json.loads((folder / "prepare.log").read_text().splitlines()[-1])
        yield Deployment(*servers, redis.Redis.from_url(redis_url), programme)
    finally:
        for process in processes:
            stop(process)


# A visitor -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: str


@dataclass
class Visitor:
    """A browser's cookies for the portal's host name, sent to whichever server answers."""

    cookies: dict[str, str] = field(default_factory=dict)

    def get(self, server: Server, path: str, **headers: str) -> Answer:
        return self.request(server, "GET", path, headers)

    def post(self, server: Server, path: str, form: list[tuple[str, str]]) -> Answer:
        # Over HTTPS Django's CSRF check also wants the form to come from the portal's own origin.
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Origin": f"https://{HOST}"}
        return self.request(server, "POST", path, headers, urlencode(form).encode())

    def request(
        self, server: Server, method: str, path: str, headers: dict[str, str], body: bytes | None = None
    ) -> Answer:
        # What the proxy in front of both servers adds to every request.
        headers = {"Host": HOST, "X-Forwarded-Proto": "https", "X-Forwarded-For": CLIENT_ADDRESS, **headers}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        client = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        try:
            client.request(method, path, body=body, headers=headers)
            response = client.getresponse()
            answer = Answer(response.status, response.headers, response.read().decode())
        finally:
            client.close()
        for set_cookie in answer.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(set_cookie).items():
                if morsel.value and morsel["max-age"] != "0":
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)
        return answer

    def submit(self, server: Server, path: str, form_id: str, **changes: str) -> Answer:
        """Opens the page and posts its form back as a browser would, with some fields changed
        (no button: the admin's forms then do what their Save button does)."""
        page = self.get(server, path)
        assert page.status == 200, page.body[:2000]
        form = html.fromstring(page.body).get_element_by_id(form_id)
        for name, value in changes.items():
            form.fields[name] = value
        return self.post(server, form.action or path, form.form_values())

    def sign_in(self, server: Server, username: str, password: str) -> Answer:
        return self.submit(server, ADMIN_LOGIN, "login-form", username=username, password=password)


def last_modified(answer: Answer) -> datetime.datetime:
    return parsedate_to_datetime(answer.headers["Last-Modified"])


def shows(answer: Answer, text: str) -> bool:
    """The text on an HTML page (escaped as the templates escape it) or in a JSON answer."""
    return text in answer.body or escape(text) in answer.body


# The test ------------------------------------------------------------------------------------


def test_two_app_servers_share_pages_validators_sessions_and_lockouts(deployment: Deployment, subtests):
    a, b, programme = deployment.a, deployment.b, deployment.programme
    chief = Visitor()

    with subtests.test("a session made on one server is signed in on the other"):
        assert chief.sign_in(a, "chief", PASSWORD).status == 302
        assert Visitor().get(b, "/admin/").status == 302, "without the cookie, B sends to the sign-in page"
        home = chief.get(b, "/admin/")
        assert home.status == 200
        assert "<title>Programme records | IOM Caribbean admin</title>" in home.body
        assert "<strong>chief</strong>" in home.body  # the admin's "Welcome, chief."

    with subtests.test("an edit through one server shows through the other at once, validators too"):
        visitor = Visitor()
        pages = (programme["page"], programme["api"])
        before = {path: visitor.get(a, path) for path in pages}
        for path, seen_on_a in before.items():
            seen_on_b = visitor.get(b, path)
            assert seen_on_a.status == seen_on_b.status == 200, path
            assert shows(seen_on_b, programme["title"]), path
            assert seen_on_b.headers["ETag"] == seen_on_a.headers["ETag"]
            assert seen_on_b.headers["Last-Modified"] == seen_on_a.headers["Last-Modified"]
            assert visitor.get(b, path, **{"If-None-Match": seen_on_a.headers["ETag"]}).status == 304
        assert deployment.cache.keys("*public-page*"), "the servers keep their pages in the shared Redis"

        new_title = f"{programme['title']} (revised on server A)"
        saved = chief.submit(a, programme["change"], "programme_form", title_en=new_title)
        assert saved.status == 302, saved.body[:3000]

        for path, old in before.items():
            now = visitor.get(b, path)
            assert now.status == 200
            assert shows(now, new_title), path
            assert now.headers["ETag"] != old.headers["ETag"]
            assert last_modified(now) > last_modified(old)
            revalidated = visitor.get(b, path, **{"If-None-Match": old.headers["ETag"]})
            assert revalidated.status == 200, "the old ETag is stale on B too"
            assert shows(revalidated, new_title)
            assert visitor.get(a, path, **{"If-None-Match": now.headers["ETag"]}).status == 304

    with subtests.test("a sign-in lockout through one server holds on the other"):
        intruder = Visitor()
        for _ in range(FAILURE_LIMIT - 1):
            failed = intruder.sign_in(a, "officer", "wrong")
            assert failed.status == 200
            assert WRONG_PASSWORD in failed.body
        assert intruder.sign_in(a, "officer", "wrong").status == 429

        on_b = Visitor().sign_in(b, "officer", PASSWORD)
        assert on_b.status == 429, "the right password, from the same address, through the other server"
        assert LOCKED in on_b.body
        assert on_b.headers["Retry-After"] == "900"

    with subtests.test("signing out on one server ends the session on the other"):
        kept_cookies = dict(chief.cookies)
        assert chief.submit(b, "/admin/", "logout-form").status == 302
        assert "sessionid" not in chief.cookies
        # The old cookie, kept by someone who copied it, no longer signs in anywhere.
        assert Visitor(kept_cookies).get(a, "/admin/").status == 302
