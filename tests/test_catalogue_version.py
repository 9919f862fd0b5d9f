"""The catalogue version: rewording a programme leaves it, every other public change moves it, and
nothing kept under it (the list's filter options, the overview's counts, map and charts) is ever
shown stale.
"""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import Callable

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from iomcaribbean.catalogue import catalogue_fields
from iomcaribbean.content_version import bump_content_version, content_version
from iomcaribbean.models import ContentVersion
from partners.models import Organisation
from programmes.models import Country, Location, OverviewEntry, Programme, ProgrammeCountry, ProjectType, ThematicArea
from tests.factories import (
    CountryFactory,
    GrantFactory,
    LocationFactory,
    ParticipationFactory,
    ProgrammeCountryFactory,
    ProgrammeFactory,
)
from tests.helpers.admin_forms import admin_url, form_data, form_errors

pytestmark = pytest.mark.django_db

LIST = reverse("programmes:list")
OVERVIEW = reverse("programmes:overview")


def seminar() -> Programme:
    return Programme.objects.get(code="T81-805")


def reword_in_the_admin(admin_client, programme: Programme, **texts: str) -> None:
    """What a staff member does most: open the change form, reword, save (inlines posted as shown)."""
    edit = admin_url(Programme, "change", programme.pk)
    response = admin_client.post(edit, form_data(admin_client.get(edit)) | texts)
    assert response.status_code == 302, form_errors(response)


def queries_of(client, address: str) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def test_the_catalogue_reads_every_field_of_a_programme_but_its_texts_in_every_language():
    names = {field.name for field in catalogue_fields(Programme)}
    assert {"status", "is_published", "is_public", "parent", "project_type", "start_date", "code"} <= names
    assert not names & {"title", "title_en", "title_es", "title_fr", "summary_fr", "description_es", "updated_at"}
    assert catalogue_fields(Country) is None  # declares nothing: any change of it moves the catalogue


@pytest.mark.both_engines
def test_rewording_a_programme_in_the_admin_leaves_the_catalogue_and_its_kept_parts(client, admin_client):
    before = content_version()
    reword_in_the_admin(
        admin_client,
        seminar(),
        title_en="Migration Policy Seminar, retitled",
        summary_en="A new summary.",
        title_es="Seminario, con un título nuevo",
    )
    after = content_version()
    assert after.number > before.number and after.catalogue == before.catalogue


def test_pages_drawn_after_a_rewording_read_what_the_catalogue_keeps(client, admin_client):
    client.get(LIST), client.get(OVERVIEW)  # the options, the counts, the map and the charts kept
    # A programme both pages show: each is drawn again, with the new title, reading the kept parts...
    shown = OverviewEntry.objects.filter(programme__is_public=True).first().programme
    reword_in_the_admin(admin_client, shown, title_en="An overview entry, retitled")
    listed, overview = queries_of(client, LIST), queries_of(client, OVERVIEW)
    assert "An overview entry, retitled" in client.get(LIST).content.decode()
    assert not any('"partners_organisation"' in sql for sql in listed)
    assert not any("programme_count" in sql for sql in overview)
    # ...which a change of the catalogue has them build again.
    bump_content_version()
    assert any('"partners_organisation"' in sql for sql in queries_of(client, LIST))
    assert sum("programme_count" in sql for sql in queries_of(client, OVERVIEW)) == 2


def _rename(record) -> None:
    record.name = record.name_en = f"{record.name} (renamed)"
    record.save()


def _set(**values) -> Callable[[Programme], None]:
    def edit(programme: Programme) -> None:
        for name, value in values.items():
            setattr(programme, name, value)
        programme.save()

    return edit


CATALOGUE_EDITS: dict[str, Callable[[Programme], object]] = {
    "its status": _set(status=Programme.Status.ONGOING),
    "its coverage": _set(coverage=Programme.Coverage.NATIONAL),
    "its start date": _set(start_date=datetime.date(1999, 6, 1)),
    "its project type": lambda p: _set(project_type=ProjectType.objects.exclude(pk=p.project_type_id).first())(p),
    "unpublishing it": _set(is_published=False),
    "its IOM code": _set(code="T81-999"),
    "a title with its status": _set(title="Retitled", title_en="Retitled", status=Programme.Status.ONGOING),
    "a title saved without when it was saved": lambda p: p.save(update_fields=["title", "title_en"]),
    "an area added": lambda p: p.thematic_areas.add(ThematicArea.objects.exclude(programmes=p).first()),
    "an area removed": lambda p: p.thematic_areas.remove(p.thematic_areas.first()),
    "a country where it works": lambda p: ProgrammeCountryFactory(programme=p, country=CountryFactory()),
    "a country's link removed": lambda p: ProgrammeCountry.objects.filter(programme=p).first().delete(),
    "a country renamed": lambda p: _rename(p.countries.first()),
    "an area renamed": lambda p: _rename(p.thematic_areas.first()),
    "an organisation renamed": lambda p: _rename(p.participations.first().organisation),
    "a new grant": lambda p: GrantFactory(programme=p, funder=Organisation.objects.get(slug="us-state-department")),
    "a new partner": lambda p: ParticipationFactory(programme=p),
    "a new published programme": lambda p: ProgrammeFactory(title="Brand new"),
    "a phase deleted": lambda p: ProgrammeFactory(parent=p).delete(),
    "a write without signals": lambda p: bump_content_version(),
}


class Undone(Exception):
    pass


def test_any_other_public_change_moves_the_catalogue_with_the_content():
    """Each change from the seed as it is (undone after: one test, not twenty of one query each)."""
    for name, edit in CATALOGUE_EDITS.items():
        before = content_version()
        with contextlib.suppress(Undone), transaction.atomic():
            edit(seminar())
            after = content_version()
            raise Undone
        assert after.number > before.number, name
        assert after.catalogue > before.catalogue, name


def test_a_title_saved_with_when_it_was_saved_leaves_the_catalogue():
    programme, before = seminar(), content_version()
    programme.title = programme.title_en = "Retitled"
    programme.save(update_fields=["title", "title_en", "updated_at"])
    assert content_version().number > before.number and content_version().catalogue == before.catalogue


def test_a_status_changed_in_the_admin_moves_the_catalogue(admin_client):
    before = content_version()
    reword_in_the_admin(admin_client, seminar(), title_en="Retitled too", status=Programme.Status.ONGOING)
    assert content_version().catalogue > before.catalogue


def test_what_is_kept_under_the_catalogue_is_never_shown_stale(client):
    """Each kept part shows a change of the catalogue at once: an option, a count, a chart's label."""
    client.get(LIST), client.get(OVERVIEW)
    area = seminar().thematic_areas.first()
    _rename(area)
    assert f">{area.name}</option>" in client.get(LIST).content.decode()
    assert area.name in client.get(OVERVIEW).content.decode()

    # A country only one published programme works in: unpublished, it leaves the options and the counts.
    only_here = ProgrammeCountryFactory(country=CountryFactory(name="Isla Sola", name_en="Isla Sola")).programme
    assert ">Isla Sola</option>" in client.get(LIST).content.decode()
    assert "Isla Sola" in client.get(OVERVIEW).content.decode()
    only_here.is_published = False
    only_here.save()
    assert "Isla Sola" not in client.get(LIST).content.decode()
    assert "Isla Sola" not in client.get(OVERVIEW).content.decode()


def funder_page() -> str:
    return reverse("funding:detail", kwargs={"slug": "us-state-department"})


def test_a_funders_figures_are_kept_through_a_rewording_and_never_shown_stale(client, admin_client):
    funder = Organisation.objects.get(slug="us-state-department")
    page = funder_page()
    client.get(page)
    reword_in_the_admin(admin_client, seminar(), title_en="Migration Policy Seminar, retitled")
    drawn = queries_of(client, page)
    assert not any('"funding_transaction"' in sql for sql in drawn)  # the totals were kept
    # A new grant: the count, the totals, the tables by country and area show it at once.
    programme = ProgrammeCountryFactory(country=CountryFactory(name="Isla Sola", name_en="Isla Sola")).programme
    GrantFactory(programme=programme, funder=funder, amount="12345.00")
    html = client.get(page).content.decode()
    assert "Isla Sola" in html and "12,345" in html


def test_a_countrys_map_is_kept_through_a_rewording_and_its_places_still_numbered(client, admin_client):
    country = Country.objects.get(code="JM")  # on the map
    programme = ProgrammeCountryFactory(country=country).programme
    LocationFactory(programme=programme, country=country, name="Port Uno")
    page = reverse("programmes:country", kwargs={"slug": country.slug})
    assert "(point 1 on the map)" in client.get(page).content.decode()
    reword_in_the_admin(admin_client, programme, title_en="Reworded")
    drawn = queries_of(client, page)
    html = client.get(page).content.decode()
    assert "Reworded" in html and "Port Uno" in html and "(point 1 on the map)" in html
    assert not map_queries(drawn) and len(map_queries(queries_of_after_a_move(client, page))) == 1
    # A place renamed: on the map and in the list at once.
    Location.objects.filter(name="Port Uno").update(name="Port Dos", name_en="Port Dos")
    bump_content_version()  # as every write without signals does
    html = client.get(page).content.decode()
    assert "Port Uno" not in html and html.count("Port Dos") >= 2


def test_an_unknown_country_is_a_404_until_it_is_added(client):
    page = reverse("programmes:country", kwargs={"slug": "isla-sola"})
    assert client.get(page).status_code == 404
    CountryFactory(name="Isla Sola", name_en="Isla Sola", slug="isla-sola")
    assert client.get(page).status_code == 200


def map_queries(queries: list[str]) -> list[str]:
    """The map's query: the Caribbean countries with their counts."""
    return [sql for sql in queries if '("programmes_country"."is_caribbean" AND' in sql]


def queries_of_after_a_move(client, address: str) -> list[str]:
    bump_content_version()
    return queries_of(client, address)


def test_a_database_restored_to_an_earlier_catalogue_number_finds_nothing_kept_of_other_content(client):
    """Keys hold when the catalogue moved too: after a restore, the next number is another's."""
    version_row = ContentVersion.objects.filter(pk=1)
    backup = version_row.values("catalogue_number", "catalogue_changed_at").first() or {}
    area = seminar().thematic_areas.first()
    area.name = area.name_en = "Named after the backup"
    area.save()
    assert ">Named after the backup</option>" in client.get(LIST).content.decode()
    # The backup restored (the row and the area as they were), then another edit moves it on again.
    ThematicArea.objects.filter(pk=area.pk).update(name="Named before", name_en="Named before")
    version_row.update(**backup)
    area.refresh_from_db()
    area.name = area.name_en = "Named after the restore"
    area.save()
    page = client.get(LIST).content.decode()
    assert ">Named after the restore</option>" in page and "Named after the backup" not in page
