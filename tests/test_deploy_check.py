"""The production environment (what `make serve` and the README's deployment set) passes Django's
deployment checklist, and answers over HTTPS with HSTS and Secure cookies."""

from __future__ import annotations

import json
import os
import runpy
import subprocess
import sys
from pathlib import Path

import environ
import pytest
from gunicorn.config import Config
from gunicorn.http.message import Request
from gunicorn.http.unreader import IterUnreader

ROOT = Path(__file__).resolve().parents[1]

# Run in a fresh interpreter: settings are read from the environment once, at start-up.
SCRIPT = """
import json
from io import StringIO

import django
from django.core.management import call_command
from django.core.management.base import SystemCheckError

django.setup()
from django.test import Client

out = StringIO()
try:
    call_command("check", deploy=True, fail_level="WARNING", stdout=out, stderr=out)
    passed = True
except SystemCheckError as error:
    out.write(str(error))
    passed = False

# Pages name their static files through collectstatic's manifest, which `make serve` writes;
# here they come unhashed from the source folders instead, so no collectstatic is needed.
from django.conf import settings
from django.test.utils import override_settings

storages = settings.STORAGES | {"staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
with override_settings(STORAGES=storages):
    client = Client(HTTP_HOST="portal.example.org")
    http = client.get("/accounts/login/")
    https = client.get("/accounts/login/", secure=True)
    health = client.get("/healthz")
csrf = https.cookies["csrftoken"]
print(json.dumps({
    "check_passed": passed,
    "check_output": out.getvalue(),
    "http_status": http.status_code,
    "http_location": http.get("Location"),
    "https_status": https.status_code,
    "hsts": https.get("Strict-Transport-Security"),
    "csrf_cookie": {"secure": csrf["secure"], "httponly": csrf["httponly"], "samesite": csrf["samesite"]},
    "health_status": health.status_code,
    "debug": settings.DEBUG,
}))
"""


MANIFEST_STORAGE = "iomcaribbean.static_storage.CompressedOnceManifestStaticFilesStorage"
PLAIN_STORAGE = "django.contrib.staticfiles.storage.StaticFilesStorage"


def run_with(script: str, folder: Path, **variables: str) -> dict:
    """Run the script in a fresh interpreter with only these DJANGO_/DATABASE_ variables set."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_"))}
    env.pop("CONN_MAX_AGE", None)
    env |= {
        "DJANGO_SETTINGS_MODULE": "iomcaribbean.settings",
        # The checks read no data; an empty database stands in for PostgreSQL.
        "DATABASE_URL": f"sqlite:///{folder / 'empty.sqlite3'}",
        **variables,
    }
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def settings_with(**variables: str) -> dict:
    """The settings module's names, as it computes them from this environment.

    The module is run afresh (not imported: the test settings already did), with only these
    DJANGO_/DATABASE_/cache variables set; the process environment is put back as it was afterwards,
    including whatever the module's read of .env added.
    """
    saved = dict(os.environ)
    read = ("DJANGO_", "DATABASE_", "CACHE_URL", "PAGES_CACHE_URL", "CONN_MAX_AGE")
    try:
        for key in [key for key in os.environ if key.startswith(read)]:
            del os.environ[key]
        os.environ.update({"DATABASE_URL": "sqlite://:memory:", **variables})
        return runpy.run_path(str(ROOT / "iomcaribbean" / "settings.py"))
    finally:
        os.environ.clear()
        os.environ.update(saved)


def defaults_with(**variables: str) -> dict:
    """The defaults that follow DEBUG, as the settings module computes them from this environment."""
    settings = settings_with(**variables)
    database = settings["DATABASES"]["default"]
    return {
        "conn_max_age": database["CONN_MAX_AGE"],
        "conn_health_checks": database["CONN_HEALTH_CHECKS"],
        "staticfiles": settings["STORAGES"]["staticfiles"]["BACKEND"],
        "hsts_seconds": settings["SECURE_HSTS_SECONDS"],
        "hsts_preload": settings["SECURE_HSTS_PRELOAD"],
    }


# What the README's deployment sets; the static files storage and kept connections are the
# settings' own defaults out of DEBUG, so they are not set here.
PRODUCTION = {
    "DJANGO_SECRET_KEY": "production-like-secret-" + "k3y-" * 10,
    "DJANGO_ALLOWED_HOSTS": "portal.example.org",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://portal.example.org",
    "DJANGO_SECURE_PROXY_SSL_HEADER": "true",
}


@pytest.fixture(scope="module")
def production(tmp_path_factory) -> dict:
    return run_with(SCRIPT, tmp_path_factory.mktemp("production"), **PRODUCTION)


def test_the_production_environment_passes_the_deployment_checklist(production):
    assert production["check_passed"], production["check_output"]
    assert "System check identified no issues" in production["check_output"]
    assert production["debug"] is False


def test_plain_http_is_sent_to_https_but_the_health_check_is_not(production):
    assert production["http_status"] == 301
    assert production["http_location"] == "https://portal.example.org/accounts/login/"
    assert production["health_status"] == 200


def test_https_answers_with_hsts_and_a_secure_csrf_cookie(production):
    assert production["https_status"] == 200
    # Five minutes until the deployment raises it (README, Deployment); without preload, which
    # the preload list refuses for less than a year.
    assert production["hsts"] == "max-age=300; includeSubDomains"
    assert production["csrf_cookie"] == {"secure": True, "httponly": True, "samesite": "Lax"}


def test_hsts_asks_for_the_preload_list_only_with_a_year_or_more(tmp_path):
    a_year = run_with(SCRIPT, tmp_path, **PRODUCTION, DJANGO_SECURE_HSTS_SECONDS="31536000")

    assert a_year["check_passed"], a_year["check_output"]
    assert a_year["hsts"] == "max-age=31536000; includeSubDomains; preload"
    for seconds, preload in [("31535999", False), ("86400", False), ("63072000", True)]:
        defaults = defaults_with(**PRODUCTION, DJANGO_SECURE_HSTS_SECONDS=seconds)
        assert defaults["hsts_preload"] is preload, seconds


def test_out_of_debug_the_settings_default_to_production_static_files_and_kept_connections():
    defaults = defaults_with(DJANGO_SECRET_KEY="production-like-secret-" + "k3y-" * 10)

    assert defaults == {
        "conn_max_age": 60,
        "conn_health_checks": True,
        "staticfiles": MANIFEST_STORAGE,
        "hsts_seconds": 300,
        "hsts_preload": False,
    }


def test_make_run_in_debug_keeps_plain_static_files_and_closes_connections():
    defaults = defaults_with(DJANGO_DEBUG="true")

    assert defaults["conn_max_age"] == 0
    assert defaults["staticfiles"] == PLAIN_STORAGE
    assert defaults["hsts_seconds"] == 0


def test_the_environment_still_overrides_the_production_defaults():
    defaults = defaults_with(
        DJANGO_SECRET_KEY="production-like-secret-" + "k3y-" * 10,
        CONN_MAX_AGE="0",
        DJANGO_STATICFILES_STORAGE=PLAIN_STORAGE,
        DJANGO_SECURE_HSTS_SECONDS="31536000",
    )

    assert defaults["conn_max_age"] == 0
    assert defaults["staticfiles"] == PLAIN_STORAGE
    assert defaults["hsts_seconds"] == 31_536_000


def test_gunicorn_takes_its_workers_and_address_from_the_environment(monkeypatch):
    monkeypatch.setenv("GUNICORN_BIND", "0.0.0.0:9000")
    monkeypatch.setenv("GUNICORN_WORKERS", "3")
    monkeypatch.setenv("GUNICORN_THREADS", "4")
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))

    assert config["bind"] == "0.0.0.0:9000"
    assert config["workers"] == 3
    assert config["threads"] == 4
    assert config["wsgi_app"] == "iomcaribbean.wsgi:application"
    assert config["accesslog"] == "-"


def test_gunicorn_leaves_a_sync_worker_time_to_stream_the_whole_iati_file(monkeypatch):
    # The IATI file of 10,000 programmes streams for about 45 s (bench/results.md); a sync
    # worker still writing it when the timeout comes is killed, cutting the file off.
    monkeypatch.delenv("GUNICORN_TIMEOUT", raising=False)
    assert runpy.run_path(str(ROOT / "gunicorn.conf.py"))["timeout"] >= 90

    monkeypatch.setenv("GUNICORN_TIMEOUT", "600")
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert config["timeout"] == 600
    assert config["graceful_timeout"] == 600


def gunicorn_config(monkeypatch, **variables: str) -> Config:
    """gunicorn's configuration as gunicorn.conf.py sets it with only these variables (and no .env)."""
    for name in ("DJANGO_SECURE_PROXY_SSL_HEADER", "DJANGO_TRUSTED_PROXY_COUNT", "GUNICORN_FORWARDED_ALLOW_IPS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(environ.Env, "read_env", classmethod(lambda cls, *args, **kwargs: None))
    config = Config()
    for name, value in runpy.run_path(str(ROOT / "gunicorn.conf.py")).items():
        if name in config.settings:
            config.set(name, value)
    return config


def as_gunicorn_reads(config: Config, peer: tuple[str, int] | str) -> Request:
    """A request claiming HTTPS and a SCRIPT_NAME, as gunicorn parses it from that peer."""
    raw = b"GET /accounts/login/ HTTP/1.1\r\nHost: portal.example.org\r\nX-Forwarded-Proto: https\r\n"
    raw += b"SCRIPT_NAME: //other-host\r\n\r\n"
    return Request(config, IterUnreader([raw]), peer)


LOOPBACK = ("127.0.0.1", 40000)
UNIX_SOCKET = ""  # gunicorn trusts a connection without an address unless told otherwise


@pytest.mark.parametrize("variables", [{}, {"DJANGO_TRUSTED_PROXY_COUNT": "1"}])
@pytest.mark.parametrize("peer", [LOOPBACK, ("::1", 40000, 0, 0), UNIX_SOCKET])
def test_gunicorn_trusts_no_forwarded_header_unless_the_settings_trust_the_proxy(monkeypatch, variables, peer):
    request = as_gunicorn_reads(gunicorn_config(monkeypatch, **variables), peer)

    assert request.scheme == "http"
    assert "SCRIPT_NAME" not in dict(request.headers)


def test_gunicorn_trusts_the_proxys_https_header_from_loopback_when_the_settings_do(monkeypatch):
    config = gunicorn_config(monkeypatch, DJANGO_SECURE_PROXY_SSL_HEADER="true")

    assert as_gunicorn_reads(config, LOOPBACK).scheme == "https"
    assert as_gunicorn_reads(config, ("203.0.113.9", 40000)).scheme == "http"
    assert "SCRIPT_NAME" not in dict(as_gunicorn_reads(config, LOOPBACK).headers)
    assert config.secure_scheme_headers == {"X-FORWARDED-PROTO": "https"}


def test_gunicorn_trusts_a_proxy_elsewhere_only_at_its_own_address(monkeypatch):
    config = gunicorn_config(
        monkeypatch, DJANGO_SECURE_PROXY_SSL_HEADER="true", GUNICORN_FORWARDED_ALLOW_IPS="10.0.0.5"
    )

    assert as_gunicorn_reads(config, ("10.0.0.5", 40000)).scheme == "https"
    assert as_gunicorn_reads(config, LOOPBACK).scheme == "http"


LOCMEM = "django.core.cache.backends.locmem.LocMemCache"


def test_pages_are_kept_in_a_store_of_their_own_unless_the_cache_is_shared():
    apart = settings_with(DJANGO_DEBUG="true")["CACHES"]
    assert apart["pages"] == {"BACKEND": LOCMEM, "LOCATION": "pages", "OPTIONS": {"MAX_ENTRIES": 1000}}
    assert apart["default"]["LOCATION"] != "pages" and apart["fragments"]["LOCATION"] != "pages"
    # Several app servers share one cache: their pages too.
    shared = settings_with(DJANGO_DEBUG="true", CACHE_URL="redis://127.0.0.1:6379/1", PAGES_CACHE_URL="")["CACHES"]
    assert shared["pages"] == shared["default"] == shared["fragments"]


def test_pages_cache_url_keeps_pages_elsewhere_and_leaves_the_fragments_where_they_were():
    caches = settings_with(DJANGO_DEBUG="true", PAGES_CACHE_URL="dummycache://")["CACHES"]
    assert caches["pages"]["BACKEND"] == "django.core.cache.backends.dummy.DummyCache"
    assert caches["fragments"]["BACKEND"] == caches["default"]["BACKEND"] == LOCMEM
