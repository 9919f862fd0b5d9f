"""Public pages are kept and answered with 304s until an edit, and never for someone else."""

from __future__ import annotations

import html
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.signals import template_rendered
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse

from iati.importer import iati_file_import
from iomcaribbean.content_version import bump_content_version, content_version, one_content_change
from partners.models import Organisation
from programmes.cards import CARD
from programmes.models import Programme, ProgrammeCountry, ThematicArea
from tests.factories import DonorAccountFactory, GrantFactory, ProgrammeFactory, UserFactory
from tests.helpers.iati_files import sample

pytestmark = pytest.mark.django_db

LIST = reverse("programmes:list")
SEMINAR = "international-migration-policy-seminar-caribbean"


def text(response) -> str:
    return " ".join(html.unescape(response.content.decode()).split())


def detail(slug: str = SEMINAR) -> str:
    return reverse("programmes:detail", kwargs={"slug": slug})


def test_a_second_visit_is_served_from_the_cache_without_the_pages_queries(client, django_assert_num_queries):
    first = client.get(LIST)
    with django_assert_num_queries(1):  # the content version only
        second = client.get(LIST)
    assert second.content == first.content
    assert "14 programmes" in text(second)


def test_an_edit_through_the_orm_shows_at_once(client):
    assert "International Migration Policy Seminar" in text(client.get(detail()))
    assert "International Migration Policy Seminar" in text(client.get(LIST))
    seminar = Programme.objects.get(slug=SEMINAR)
    seminar.title = "Caribbean seminar on migration policy, renamed"
    seminar.save()
    assert "Caribbean seminar on migration policy, renamed" in text(client.get(detail()))
    assert "Caribbean seminar on migration policy, renamed" in text(client.get(LIST))


def test_an_edit_through_the_admin_shows_at_once(client, admin_client):
    area = ThematicArea.objects.order_by("pk").first()
    page = reverse("programmes:area", kwargs={"slug": area.slug})
    assert area.name in text(client.get(page))
    edit = reverse("admin:programmes_thematicarea_change", args=[area.pk])
    form = admin_client.get(edit).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data |= {"name": "Renamed through the admin", "name_en": "Renamed through the admin"}
    response = admin_client.post(edit, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    assert "Renamed through the admin" in text(client.get(page))


def test_unpublishing_hides_a_kept_page_and_a_kept_list_entry(client):
    assert client.get(detail()).status_code == 200
    assert "International Migration Policy Seminar" in text(client.get(LIST))
    seminar = Programme.objects.get(slug=SEMINAR)
    seminar.is_published = False
    seminar.save()
    assert client.get(detail()).status_code == 404
    assert "International Migration Policy Seminar" not in text(client.get(LIST))


def rendered_cards(client, address: str) -> tuple[str, int]:
    """The page's text, and how many programme cards were rendered for it (not read as kept)."""
    cards = []

    def count(sender, template, **kwargs) -> None:
        if template.name == CARD:
            cards.append(template)

    template_rendered.connect(count)
    try:
        page = text(client.get(address))
    finally:
        template_rendered.disconnect(count)
    return page, len(cards)


def test_a_list_rendered_afresh_after_an_edit_renders_only_the_edited_programmes_card(client):
    assert rendered_cards(client, LIST)[1] == 14  # none kept yet
    seminar = Programme.objects.get(slug=SEMINAR)
    seminar.title = "Caribbean seminar on migration policy, renamed"
    seminar.save()
    page, renders = rendered_cards(client, LIST)
    assert renders == 1
    assert "Caribbean seminar on migration policy, renamed" in page
    assert "International Migration Policy Seminar" not in page


def test_with_no_page_kept_a_list_drawn_again_renders_no_card(client, settings):
    """The first visitor after a change of the catalogue, with no page kept (PAGES_CACHE_URL=dummycache://,
    as `make bench` times the rows after an edit): the page is drawn afresh, every card is kept."""
    settings.CACHES = settings.CACHES | {"pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    first, renders = rendered_cards(client, LIST)
    assert renders == 14
    bump_content_version()  # a write without signals: the catalogue moves, and every kept page is stale
    with CaptureQueriesContext(connection) as read:
        again, renders = rendered_cards(client, LIST)
    assert len(read) > 1  # drawn afresh: a kept page reads the content version alone
    assert renders == 0
    assert again == first


def rename_country(seminar: Programme) -> tuple[str, str]:
    country = seminar.country_links.filter(role=ProgrammeCountry.Role.BENEFITING).first().country
    old, country.name = country.name, "Renamed Country"
    country.save()
    return old, "Renamed Country"


def rename_area(seminar: Programme) -> tuple[str, str]:
    area = seminar.thematic_areas.first()
    old, area.name = area.name, "Renamed thematic area"
    area.save()
    return old, "Renamed thematic area"


def translate_title(seminar: Programme) -> tuple[str, str]:
    old, seminar.title_es = seminar.title_es or seminar.title, "Seminario renombrado sobre migración"
    seminar.save()
    return old, "Seminario renombrado sobre migración"


def remove_area(seminar: Programme) -> tuple[str, str]:
    area = seminar.thematic_areas.first()
    seminar.thematic_areas.remove(area)
    return area.name, ""


@pytest.mark.parametrize(
    ("edit", "language"),
    [(rename_country, ""), (rename_area, ""), (translate_title, "/es"), (remove_area, "")],
    ids=["country name", "area name", "translation", "area removed"],
)
def test_a_kept_card_never_outlives_an_edit_of_what_it_shows(client, edit, language):
    """A card shows records of its own and of others (its countries, its areas): an edit of any
    of them makes the card, kept or not, show the new text at once."""
    address = language + LIST
    client.get(address)
    seminar = Programme.objects.get(slug=SEMINAR)
    old, new = edit(seminar)
    page, renders = rendered_cards(client, address)
    assert renders >= 1
    [card] = [card for card in page.split('<article class="card">') if f"/programmes/{SEMINAR}/" in card]
    assert new in card
    assert old not in card


def test_deleting_and_many_to_many_changes_move_the_version_on(client):
    before = content_version()[0]
    programme = ProgrammeFactory()
    programme.thematic_areas.add(ThematicArea.objects.first())
    programme.delete()
    assert content_version()[0] >= before + 3


def test_a_funder_page_shows_a_new_grant_at_once(client):
    page = reverse("funding:detail", kwargs={"slug": "us-state-department"})
    assert "Freshly funded programme" not in text(client.get(page))
    GrantFactory(
        funder=Organisation.objects.get(slug="us-state-department"),
        programme=ProgrammeFactory(title="Freshly funded programme"),
    )
    assert "Freshly funded programme" in text(client.get(page))


def test_an_unchanged_page_answers_304_to_its_etag_and_200_after_an_edit(client):
    first = client.get(LIST)
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert first["Cache-Control"] == "max-age=0, must-revalidate"
    again = client.get(LIST, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert client.get(LIST, headers={"If-Modified-Since": last_modified}).status_code == 304

    ProgrammeFactory(title="Brand new programme")
    changed = client.get(LIST, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert "Brand new programme" in text(changed)


def test_exports_answer_304_too(client):
    for name in ("programmes:list_csv", "programmes:iati_activities"):
        first = client.get(reverse(name))
        assert first.status_code == 200
        assert client.get(reverse(name), headers={"If-None-Match": first["ETag"]}).status_code == 304


def test_each_language_has_its_own_copy(client):
    english = client.get(LIST)
    spanish = client.get("/es" + LIST)
    assert english["Content-Language"] == "en"
    assert spanish["Content-Language"] == "es"
    assert english["ETag"] != spanish["ETag"]
    assert client.get(LIST).content == english.content


def test_the_api_keeps_json_and_html_apart(client):
    url = "/api/programmes/"
    as_json = client.get(url, headers={"Accept": "application/json"})
    as_html = client.get(url, headers={"Accept": "text/html"})
    assert as_json["Content-Type"].startswith("application/json")
    assert as_html["Content-Type"].startswith("text/html")
    assert client.get(url, headers={"Accept": "application/json"})["Content-Type"].startswith("application/json")


def test_a_staff_preview_is_never_kept_nor_shown_to_the_public(client, admin_client):
    draft = ProgrammeFactory(title="Draft only staff may preview", is_published=False)
    preview = admin_client.get(detail(draft.slug))
    assert "Draft only staff may preview" in text(preview)
    assert "ETag" not in preview
    assert client.get(detail(draft.slug)).status_code == 404


def test_staff_see_their_own_page_not_the_publics_kept_copy(client, admin_client):
    public = client.get(LIST)
    assert "Sign out" not in text(public)
    staff = admin_client.get(LIST)
    assert "ETag" not in staff
    assert staff.content != public.content


def test_a_donors_dashboard_is_never_kept(client):
    user = UserFactory(username="donor-user")
    account = DonorAccountFactory(user=user)
    account.funders.add(Organisation.objects.get(slug="us-state-department"))
    client.force_login(user)
    dashboard = client.get(reverse("donor:dashboard"))
    assert dashboard.status_code == 200
    assert "ETag" not in dashboard
    client.logout()
    assert client.get(reverse("donor:dashboard")).status_code == 302


def test_pages_seen_by_a_donor_are_not_kept_for_the_public(client):
    user = UserFactory(username="donor-user")
    DonorAccountFactory(user=user).funders.add(Organisation.objects.get(slug="us-state-department"))
    client.force_login(user)
    signed_in = client.get(LIST)
    client.logout()
    public = client.get(LIST)
    assert "Sign out" in text(signed_in)
    assert "Sign out" not in text(public)


def test_the_grants_of_a_programme_unpublished_since_leave_a_kept_funder_page(client):
    page = reverse("funding:detail", kwargs={"slug": "us-state-department"})
    programme = ProgrammeFactory(title="Soon withdrawn programme")
    GrantFactory(funder=Organisation.objects.get(slug="us-state-department"), programme=programme)
    assert "Soon withdrawn programme" in text(client.get(page))
    programme.is_published = False
    programme.save()
    assert "Soon withdrawn programme" not in text(client.get(page))


def test_an_import_moves_the_version_on_once_and_its_programmes_show_at_once(client):
    assert "Labour Migration Information Centres" not in text(client.get(LIST))
    before = content_version()[0]
    report = iati_file_import(source=sample())
    assert report.ok, report.lines()
    assert report.created["programme"] >= 2  # many saves: programmes, organisations, grants, ...
    assert content_version()[0] == before + 1
    # Imported programmes wait unpublished; publishing one is an edit like any other.
    imported = Programme.objects.get(code="IMP-0001")
    imported.is_published = True
    imported.save()
    assert content_version()[0] == before + 2
    assert "Labour Migration Information Centres" in text(client.get(LIST))


def test_a_dry_run_or_a_refused_file_leaves_the_version_where_it_was():
    before = content_version()[0]
    assert iati_file_import(source=sample(), dry_run=True).ok
    assert not iati_file_import(source=sample("one_bad_activity.xml")).ok
    assert content_version()[0] == before


def test_saves_inside_one_content_change_move_the_version_once_and_nested_ones_too():
    before = content_version()[0]
    with one_content_change():
        ProgrammeFactory(title="First of a batch")
        with one_content_change():
            ProgrammeFactory(title="Second of a batch")
        assert content_version()[0] == before  # not yet: at the end
    assert content_version()[0] == before + 1
    with one_content_change():
        pass  # nothing saved: nothing to move
    assert content_version()[0] == before + 1


@pytest.mark.parametrize(
    "address",
    [
        "/",
        LIST,
        detail(),
        "/countries/jamaica/",
        "/partners/",
        "/funders/us-state-department/",
        "/funders/us-state-department/funding.csv",
        "/programmes/export.csv",
        "/iati/activities.xml",
        "/feeds/programmes.atom",
        "/sitemap.xml",
        "/robots.txt",
        "/about/data/",
        "/areas/",
        "/areas/migration-management/",
        "/countries/",
        "/funders/",
        "/programmes/export.xlsx",
    ],
)
def test_public_addresses_only_read_so_run_without_a_request_transaction(address):
    # Each view says so where it is defined (iomcaribbean.views.ReadsOnly, @non_atomic_requests).
    assert "default" in getattr(resolve(address).func, "_non_atomic_requests", set())


@pytest.mark.parametrize(
    "address", ["/admin/", "/admin/programmes/programme/1/change/", "/accounts/login/", "/donor/", "/api/programmes/"]
)
def test_the_admin_sign_in_and_donor_pages_keep_theirs(address):
    assert "default" not in getattr(resolve(address).func, "_non_atomic_requests", set())


def test_expire_public_pages_makes_kept_pages_and_their_etags_stale(client):
    first = client.get(LIST)
    out = StringIO()
    call_command("expire_public_pages", stdout=out)
    assert f"content version {content_version()[0]}" in out.getvalue()
    again = client.get(LIST, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 200  # rendered afresh, not the kept copy nor a 304
    assert again["ETag"] != first["ETag"]
