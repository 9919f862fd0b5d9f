"""CPU milliseconds of one fresh render, in one process: how far a page is above Django's floor.

    scripts/with-postgres.sh sh -c 'manage.py migrate; manage.py generate_demo_data --programmes 10000; \
        python bench/floor.py'

Each address is asked for through the whole middleware stack (Django's test client, production
settings) with the cache emptied before each request, so every answer is rendered afresh; the
figure is the process's CPU time per request (the database server's own CPU is not in it). Two
floors come first: a bare view returning a constant, and the site's base template with an empty
main block. Then the list pages as visitors meet them while staff edit: after a save of one
programme on the page, which makes the kept page stale but leaves the other cards kept
(``programmes/cards.py``); then each page after a rewording of a programme it does not read, which
leaves what is kept under the catalogue version (``iomcaribbean.catalogue``) and the pages kept
through rewordings (``programmes/kept_pages.py``), and after a change of that programme's key
figures, which counts as one; and a programme's IATI activity after a save of it (that row alone
with ``FLOOR_ONLY_IATI=true``). Last, the donor dashboard as `make bench` asks
for it (signed in as a donor of the funder with the most published grants): drawn afresh, and with
its body kept (``funding/donor/kept.py``).

With ``FLOOR_NOTHING_KEPT=true``, only each page with nothing kept at all (every cache emptied, the
cards too), with the time its queries were waited for (on loopback, nearly all the database's work).
"""

from __future__ import annotations

import itertools
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iomcaribbean.settings")
os.environ.setdefault("CACHE_URL", "locmemcache://")
# One client asks for hundreds of files: as `make bench` does, no throttle answers 429 instead.
os.environ.setdefault("DOWNLOAD_THROTTLE_RATE", "1000000/second")
os.environ.setdefault("API_THROTTLE_RATE", "1000000/second")

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.cache import caches  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count, Q  # noqa: E402
from django.http import HttpRequest, HttpResponse  # noqa: E402
from django.template import engines  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import clear_url_caches, path  # noqa: E402

from funding.models import DonorAccount, Grant  # noqa: E402
from iomcaribbean import bench, urls  # noqa: E402
from iomcaribbean.content_version import bump_content_version  # noqa: E402
from partners.models import Organisation  # noqa: E402
from programmes.models import Location, Programme, published_condition  # noqa: E402

EMPTY_PAGE = engines["django"].from_string('{% extends "base.html" %}{% block content %}{% endblock %}')


def base_template(request: HttpRequest) -> HttpResponse:
    return HttpResponse(EMPTY_PAGE.render({}, request))


def forget_pages() -> None:
    """The kept pages and the default cache emptied, and the catalogue version moved on (what is kept
    under it, the list's skeletons included, is stale): the next answer is drawn afresh, with the
    programme cards kept by what they show, as after a change of another programme's catalogue."""
    caches["pages"].clear()
    caches["default"].clear()
    bump_content_version()


def cpu_ms(client: Client, address: str, repeat: int, before: Callable[[], None] = forget_pages) -> float:
    """CPU ms of one answer, ``before`` (not timed) run before each."""
    for _ in range(2):  # warm: the first answer loads templates and translations
        assert client.get(address, secure=True).status_code == 200, address
    spent = 0.0
    for _ in range(repeat):
        before()
        started = time.process_time()
        status = client.get(address, secure=True).status_code
        spent += time.process_time() - started
        assert status == 200, (address, status)
    return spent / repeat * 1000


def forget_everything() -> None:
    """Every cache emptied and both versions moved: the answer keeps nothing, not even the cards."""
    for kept in caches.all():
        kept.clear()
    bump_content_version()


def nothing_kept(client: Client, address: str, repeat: int) -> tuple[float, float, int]:
    """CPU ms of one answer with nothing kept, the ms its queries were waited for, and how many."""
    for _ in range(2):
        forget_everything()
        client.get(address, secure=True)
    spent = waited = 0.0
    for _ in range(repeat):
        forget_everything()
        started = time.process_time()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(address, secure=True).status_code == 200, address
        spent += time.process_time() - started
        waited += sum(float(query["time"]) for query in queries.captured_queries)
    return spent / repeat * 1000, waited / repeat * 1000, len(queries.captured_queries)


def edit_one_on(client: Client, address: str) -> Callable[[], None]:
    """A save of the first programme the page shows: the page is stale, one card is."""
    html = client.get(address, secure=True).content.decode()
    slug = re.search(r'class="card__title">\s*<a href="(?:/[a-z]{2})?/programmes/([^/"]+)/"', html).group(1)
    return edit_title(slug)


def edit_title(slug: str) -> Callable[[], None]:
    """A save of the programme with a new title (and back, in turn)."""
    programme = Programme.objects.get(slug=slug)
    titles = itertools.cycle([programme.title + " (edited)", programme.title])

    def edit() -> None:
        programme.title = next(titles)
        programme.save()

    return edit


def edit_a_figure(slug: str) -> Callable[[], None]:
    """A change of one of the programme's key figures (and back, in turn): a rewording of it, as any
    change of its results, key figures or publications (``catalogue_rewords``)."""
    programme = Programme.objects.get(slug=slug)
    figure = programme.key_figures.first() or programme.key_figures.create(value=100, label="people reached")
    values = itertools.cycle([figure.value + 1, figure.value])

    def edit() -> None:
        figure.value = next(values)
        figure.save()

    return edit


def a_phase() -> str:
    """The slug of a published phase of a demo programme (as `make bench` picks its programme page)."""
    phases = Programme.objects.published().filter(slug__startswith="demo-", parent__isnull=False)
    return phases.order_by("pk").values_list("slug", flat=True).first()


def oldest_published() -> str:
    """The slug of the published programme that starts first: on none of the pages measured."""
    return Programme.objects.published().order_by("start_date", "pk").values_list("slug", flat=True).first()


def most_funding() -> Organisation:
    """The demo funder with the most grants to published programmes (as `make bench` picks it)."""
    return (
        Organisation.objects.filter(slug__startswith="demo-")
        .annotate(n=Count("grants", filter=Q(grants__in=Grant.objects.published())))
        .order_by("-n")
        .first()
    )


def donor_client() -> Client:
    """Signed in as `make bench`'s donor: an account whose one funder is ``most_funding()``."""
    user, _ = get_user_model().objects.get_or_create(username="bench-donor", defaults={"email": "bench@example.org"})
    account, _ = DonorAccount.objects.get_or_create(user=user)
    account.funders.add(most_funding())
    client = Client(HTTP_X_FORWARDED_PROTO="https")
    client.force_login(user)
    return client


def addresses() -> list[tuple[str, str]]:
    funder = most_funding()
    return [
        ("bare view (a constant)", "/floor/bare"),
        ("base template, empty main block", "/floor/base"),
        ("overview", "/"),
        *LISTS,
        ("programme list, search", "/programmes/?q=border"),
        ("programme page", f"/programmes/{a_phase()}/"),
        ("funder page (most grants)", f"/funders/{funder.slug}/"),
        ("country page (most places)", f"/countries/{country_with_most_places()}/"),
        ("API programme list", "/api/programmes/"),
    ]


def country_with_most_places() -> str:
    return (
        Location.objects.filter(published_condition("programme"))
        .values("country__slug")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("country__slug", flat=True)
        .first()
    )


LISTS = [("programme list, page 1", "/programmes/"), ("programme list, page 1, Spanish", "/es/programmes/")]


def main() -> None:
    urls.urlpatterns[:0] = [path("floor/bare", bench.bare), path("floor/base", base_template)]
    clear_url_caches()
    repeat = int(os.environ.get("FLOOR_REPEAT", "30"))
    client = Client(HTTP_X_FORWARDED_PROTO="https")
    print(f"{Programme.objects.count():,} programmes, {repeat} fresh renders each")
    if os.environ.get("FLOOR_NOTHING_KEPT", "").lower() in ("1", "true"):
        print("| page, nothing kept | CPU ms | queries' ms | queries |")
        for name, address in addresses():
            print("| {} | {:.1f} | {:.1f} | {} |".format(name, *nothing_kept(client, address, repeat)), flush=True)
        return
    every_row = os.environ.get("FLOOR_ONLY_IATI", "").lower() not in ("1", "true")
    if every_row:
        for name, address in addresses():
            print(f"| {name} | {cpu_ms(client, address, repeat):.1f} |", flush=True)
        for name, address in LISTS:
            edit = edit_one_on(client, address)
            print(f"| {name}, after a save of one of its programmes | {cpu_ms(client, address, repeat, edit):.1f} |")
        # The most common edit, a rewording, of a programme none of these pages shows: what each keeps
        # under the catalogue version (iomcaribbean.catalogue) is read as kept.
        elsewhere = edit_title(oldest_published())
        for name, address in addresses()[2:]:
            print(f"| {name}, after a rewording elsewhere | {cpu_ms(client, address, repeat, elsewhere):.1f} |")
        figure_elsewhere = edit_a_figure(oldest_published())
        for name, address in addresses()[2:]:
            ms = cpu_ms(client, address, repeat, figure_elsewhere)
            print(f"| {name}, after a change of a key figure elsewhere | {ms:.1f} |")
    # Its activity is written again (iati.kept_activities), the others' are read as kept.
    activity, save = f"/programmes/{a_phase()}/iati.xml", edit_title(a_phase())
    print(f"| one IATI activity, after a save of its programme | {cpu_ms(client, activity, repeat, save):.1f} |")
    if every_row:
        donor = donor_client()
        print(f"| donor dashboard (signed in) | {cpu_ms(donor, '/donor/', repeat):.1f} |")
        print(f"| donor dashboard (signed in), its body kept | {cpu_ms(donor, '/donor/', repeat, lambda: None):.1f} |")


if __name__ == "__main__":
    main()
