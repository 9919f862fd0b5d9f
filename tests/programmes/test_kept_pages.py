"""Pages kept through rewordings of the programmes they do not show (``programmes.kept_pages``): a
rewording of any programme leaves each page exactly as drawn with nothing kept, and a page that does
not show the reworded programme is answered as kept.
"""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from iomcaribbean.content_version import bump_content_version, content_version
from programmes.models import Country, Programme
from tests.factories import UserFactory
from tests.helpers.kept import pages_kept_through_rewordings as pages

pytestmark = pytest.mark.django_db


def reword(programme: Programme, title: str) -> None:
    catalogue = content_version().catalogue
    programme.title_en = programme.title_es = title
    programme.summary_en = "A summary reworded."
    programme.save()
    assert content_version().catalogue == catalogue


def test_after_any_programmes_rewording_every_page_is_as_drawn_afresh(client):
    addresses = pages()
    addresses.append("/es" + addresses[4])
    for programme in Programme.objects.published().order_by("pk"):
        reword(programme, f"{programme.title_en} (reworded)")
        answered = {address: client.get(address).content.decode() for address in addresses}
        for kept in caches.all():
            kept.clear()
        # Each drawn with nothing kept, and kept again for the next rewording.
        for address in addresses:
            assert answered[address] == client.get(address).content.decode(), (address, programme.pk)


@pytest.mark.both_engines
def test_a_page_not_showing_the_reworded_programme_is_answered_as_kept(client):
    seminar = Programme.objects.get(code="T81-805")
    page = seminar.get_absolute_url()
    first = client.get(page).content.decode()
    elsewhere = Programme.objects.published().exclude(pk=seminar.pk).exclude(title__startswith="Migration")
    reword(elsewhere.filter(parent__isnull=True, phases__isnull=True).order_by("-pk").first(), "Reworded elsewhere")
    with CaptureQueriesContext(connection) as captured:
        answer = client.get(page).content.decode()
    assert answer == first and "Reworded elsewhere" not in answer
    # The content version alone: its row says which programmes were reworded since the page was kept.
    assert len(captured.captured_queries) == 1, [query["sql"] for query in captured.captured_queries]
    # Its own rewording is shown at once.
    reword(seminar, "The seminar, reworded")
    assert "The seminar, reworded" in client.get(page).content.decode()


def test_a_change_of_the_catalogue_draws_the_page_afresh(client):
    page = Programme.objects.get(code="T81-805").get_absolute_url()
    client.get(page)
    bump_content_version()
    with CaptureQueriesContext(connection) as captured:
        client.get(page)
    assert len(captured.captured_queries) > 3


def test_signed_in_staff_are_never_answered_from_what_visitors_kept(client):
    seminar = Programme.objects.get(code="T81-805")
    client.get(seminar.get_absolute_url())
    client.force_login(UserFactory(is_staff=True))
    seminar.is_published = False
    seminar.save()
    assert client.get(seminar.get_absolute_url()).status_code == 200  # the staff preview, drawn for staff
    client.logout()
    assert client.get(seminar.get_absolute_url()).status_code == 404


def test_a_funders_table_of_several_pages_is_drawn_again_after_a_rewording_of_any_of_its_programmes(
    client, monkeypatch
):
    """Ordered by title, its first page can change with the rewording of a programme it does not show;
    not with one the funder does not fund."""
    monkeypatch.setattr("funding.views.GRANTS_PER_FUNDER_PAGE", 1)
    page = reverse("funding:detail", kwargs={"slug": "us-state-department"})
    first = client.get(page).content.decode()
    funded = Programme.objects.filter(grants__funder__slug="us-state-department", is_public=True).distinct()
    assert answered_as_kept(client, page, reworded=Programme.objects.published().exclude(pk__in=funded).first())
    last = funded.order_by("-title_en").first()
    assert last.title_en not in first
    reword(last, "Aardvark programme")
    assert "Aardvark programme" in client.get(page).content.decode()


def test_a_countrys_programmes_sorted_by_title_are_drawn_again_after_a_rewording_of_any_of_them(client, settings):
    settings.PROGRAMMES_PER_PAGE = 1
    page = reverse("programmes:country", kwargs={"slug": "jamaica"}) + "?sort=title"
    first = client.get(page).content.decode()
    works_there = Programme.objects.published().in_country(Country.objects.get(slug="jamaica"))
    elsewhere = (
        Programme.objects.published()
        .exclude(country_links__country__slug="jamaica")
        .exclude(locations__country__slug="jamaica")
        .exclude(phases__in=works_there)
    )
    assert answered_as_kept(client, page, reworded=elsewhere.first())
    last = works_there.order_by("-title_en").first()
    assert last.title_en not in first
    reword(last, "Aardvark programme")
    assert "Aardvark programme" in client.get(page).content.decode()


def answered_as_kept(client, page: str, reworded: Programme) -> bool:
    """Whether, after ``reworded``'s rewording, the page is answered as kept (one query) and as before."""
    before = client.get(page).content
    reword(reworded, "Reworded elsewhere")
    with CaptureQueriesContext(connection) as captured:
        after = client.get(page).content
    return after == before and len(captured.captured_queries) == 1


def test_the_lists_of_countries_areas_partners_and_funders_are_kept_through_any_rewording(client):
    programme = Programme.objects.published().order_by("pk").first()
    for name in ("programmes:countries", "programmes:areas", "partners:list", "funding:list"):
        assert answered_as_kept(client, reverse(name), reworded=programme), name
