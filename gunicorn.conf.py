"""gunicorn's settings for the portal (`make serve`, or `gunicorn --config gunicorn.conf.py`).

Each value comes from an environment variable, or from .env as for the settings (both documented
in .env.example); GUNICORN_CMD_ARGS and command-line options still override them.
"""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import environ

# Real environment variables win over .env, as in iomcaribbean/settings.py.
environ.Env.read_env(Path(__file__).resolve().parent / ".env", overwrite=False)

wsgi_app = "iomcaribbean.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# gunicorn's own rule of thumb: two workers per core, plus one.
workers = int(os.environ.get("GUNICORN_WORKERS", 2 * multiprocessing.cpu_count() + 1))
# Each thread keeps its own database connection (CONN_MAX_AGE): workers times threads connections
# per app server must stay under PostgreSQL's max_connections across all servers.
threads = int(os.environ.get("GUNICORN_THREADS", 1))
# A request still running after this many seconds is killed with its worker (a stuck database),
# so one request cannot hold a worker for ever. A sync worker (GUNICORN_THREADS=1) counts the whole
# request, and the IATI file of 10,000 programmes streams for about 45 s (bench/results.md):
# two minutes leave it room on a busy server. With threads, the timeout only checks that the
# worker is alive, not how long one request takes. A reload (HUP) waits as long for requests.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 120))
graceful_timeout = timeout
# Workers are replaced after about this many requests, so memory a worker gathers is given back;
# the jitter stops them all restarting at once.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 1000))
max_requests_jitter = max_requests // 10
# What a front-end proxy may tell gunicorn. Left to itself, gunicorn lets any connection from
# loopback or a UNIX socket say the request came over HTTPS (X-Forwarded-Proto and two other
# headers) and set SCRIPT_NAME and PATH_INFO, whatever the portal's settings say, so a client
# reaching it through a proxy that passes headers on could claim HTTPS or move every link the
# portal builds. Here nothing is trusted unless the settings trust the proxy's scheme header
# (DJANGO_SECURE_PROXY_SSL_HEADER, README, Deployment): then only X-Forwarded-Proto, the header
# Django reads, and only from the proxy's addresses, GUNICORN_FORWARDED_ALLOW_IPS (loopback by
# default). DJANGO_TRUSTED_PROXY_COUNT (X-Forwarded-For) is Django's alone: gunicorn does not read it.
# No header sets SCRIPT_NAME or PATH_INFO: the portal is served at the root of its host.
_trusts_proxy = environ.Env().bool("DJANGO_SECURE_PROXY_SSL_HEADER", default=False)
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1") if _trusts_proxy else ""
secure_scheme_headers = {"X-FORWARDED-PROTO": "https"} if _trusts_proxy else {}
forwarder_headers = ""
# Access and error log to stdout and stderr, for whatever runs the process (systemd, a container).
accesslog = "-"
errorlog = "-"
# gunicorn 27's control socket has one path per user, so two servers on one machine (a second
# instance, a benchmark) would share it; nothing here uses it.
control_socket_disable = True
