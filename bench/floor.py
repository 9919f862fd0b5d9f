"""CPU milliseconds of one fresh render, in one process: how far a page is above Django's floor.

    scripts/with-postgres.sh sh -c 'manage.py migrate; manage.py generate_demo_data --programmes 10000; \
        python bench/floor.py'

Each address is asked for through the whole middleware stack (Django's test client, production
settings) with a cache that keeps nothing, so every answer is rendered afresh; the figure is the
process's CPU time per request (the database server's own CPU is not in it). Two floors come
first: a bare view returning a constant, and the site's base template with an empty main block.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iomcaribbean.settings")
os.environ.setdefault("CACHE_URL", "dummycache://")

import django

django.setup()

from django.db.models import Count, Q  # noqa: E402
from django.http import HttpRequest, HttpResponse  # noqa: E402
from django.template import engines  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import clear_url_caches, path  # noqa: E402

from funding.models import Grant  # noqa: E402
from iomcaribbean import bench, urls  # noqa: E402
from partners.models import Organisation  # noqa: E402
from programmes.models import Programme  # noqa: E402

EMPTY_PAGE = engines["django"].from_string('{% extends "base.html" %}{% block content %}{% endblock %}')


def base_template(request: HttpRequest) -> HttpResponse:
    return HttpResponse(EMPTY_PAGE.render({}, request))


def cpu_ms(client: Client, address: str, repeat: int) -> float:
    for _ in range(2):  # warm: the first answer loads templates and translations
        assert client.get(address, secure=True).status_code == 200, address
    started = time.process_time()
    for _ in range(repeat):
        client.get(address, secure=True)
    return (time.process_time() - started) / repeat * 1000


def addresses() -> list[tuple[str, str]]:
    programme = Programme.objects.published().filter(slug__startswith="demo-", parent__isnull=False).order_by("pk")
    funder = (
        Organisation.objects.filter(slug__startswith="demo-")
        .annotate(n=Count("grants", filter=Q(grants__in=Grant.objects.published())))
        .order_by("-n")
        .first()
    )
    return [
        ("bare view (a constant)", "/floor/bare"),
        ("base template, empty main block", "/floor/base"),
        ("overview", "/"),
        ("programme list, page 1", "/programmes/"),
        ("programme page", f"/programmes/{programme.first().slug}/"),
        ("funder page (most grants)", f"/funders/{funder.slug}/"),
    ]


def main() -> None:
    urls.urlpatterns[:0] = [path("floor/bare", bench.bare), path("floor/base", base_template)]
    clear_url_caches()
    repeat = int(os.environ.get("FLOOR_REPEAT", "30"))
    client = Client(HTTP_X_FORWARDED_PROTO="https")
    print(f"{Programme.objects.count():,} programmes, {repeat} fresh renders each")
    for name, address in addresses():
        print(f"| {name} | {cpu_ms(client, address, repeat):.1f} |", flush=True)


if __name__ == "__main__":
    main()
