"""No lost updates: two people saving the same record from two admin pages, and the IATI import.

The first save wins; the second is refused with what the other changed, the editor's own input kept,
and saved once the editor has seen it. Every change form carries the version it was opened on.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.test import Client
from pytest_django.asserts import assertContains

from funding.models import Grant
from iati.importer import iati_file_import
from iomcaribbean.admin_conflicts import NO_VERSION, VERSION_FIELD, EditConflictAdmin
from partners.models import Organisation
from programmes.admin.base import CompactInline
from programmes.models import Programme
from tests.factories import (
    CountryFactory,
    GrantFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProgrammeCountryFactory,
    ProgrammeFactory,
    TransactionFactory,
    UserFactory,
)
from tests.helpers.admin_forms import a_record, admin_url, form_data, form_errors
from tests.helpers.iati_files import activity, activity_file
from tests.helpers.roles import EDITORS, FINANCE

pytestmark = pytest.mark.django_db

CONFLICT = "was changed by"


def signed_in(username: str, group: str) -> Client:
    client = Client()
    client.force_login(UserFactory(username=username, first_name="", last_name="", is_staff=True, groups=[group]))
    return client


@pytest.fixture
def ana() -> Client:
    return signed_in("ana", EDITORS)


@pytest.fixture
def ben() -> Client:
    return signed_in("ben", EDITORS)


def opened(client: Client, url: str) -> dict:
    """What the browser would post back from the page as it was opened."""
    return form_data(client.get(url))


def saved(client: Client, url: str, data: dict) -> None:
    response = client.post(url, data)
    assert response.status_code == 302, form_errors(response)


def conflict_table(response) -> str:
    """The conflict notice's table as text, one row a line, cells separated by " | "."""
    html = response.content.decode()
    start = html.index('class="module edit-conflict"')
    table = html[start : html.index("</table>", start)]
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
    cells = (re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S) for row in rows)
    return "\n".join(" | ".join(" ".join(re.sub("<[^>]+>", " ", cell).split()) for cell in row) for row in cells)


# A programme: the record's own fields ------------------------------------------------------------


@pytest.mark.both_engines
def test_the_second_save_of_a_programme_is_refused_with_the_first_ones_changes_and_its_own_input_kept(ana, ben):
    programme = ProgrammeFactory(title="Border data pilot", summary="A pilot.")
    url = admin_url(Programme, "change", programme.pk)
    anas_form, bens_form = opened(ana, url), opened(ben, url)

    saved(ana, url, anas_form | {"title_en": "Border data exchange pilot"})
    response = ben.post(url, bens_form | {"summary_en": "A pilot of data exchange at the borders."})

    assert response.status_code == 200
    assertContains(response, "Not saved: this programme was changed by ana (")
    table = conflict_table(response)
    assert "Title [en] | Border data pilot | Border data exchange pilot | Their value" in table
    assert "Summary" not in table  # only what the other person changed
    form = response.context["adminform"].form
    assert form["title_en"].value() == "Border data exchange pilot"  # theirs, where Ben changed nothing
    assert form["summary_en"].value() == "A pilot of data exchange at the borders."  # Ben's own input
    programme.refresh_from_db()
    assert (programme.title, programme.summary) == ("Border data exchange pilot", "A pilot.")

    saved(ben, url, form_data(response))  # again, now knowing Ana's change

    programme.refresh_from_db()
    assert (programme.title, programme.summary) == (
        "Border data exchange pilot",
        "A pilot of data exchange at the borders.",
    )
    assert programme.history.count() == 3  # created, Ana's save, Ben's save


def test_when_both_change_the_same_field_the_form_keeps_the_editors_value_and_shows_theirs(ana, ben):
    programme = ProgrammeFactory(title="Border data pilot")
    url = admin_url(Programme, "change", programme.pk)
    anas_form, bens_form = opened(ana, url), opened(ben, url)

    saved(ana, url, anas_form | {"title_en": "Ana's title"})
    response = ben.post(url, bens_form | {"title_en": "Ben's title"})

    assert "Title [en] | Border data pilot | Ana&#x27;s title | Your value: you changed it too" in conflict_table(
        response
    )
    assert response.context["adminform"].form["title_en"].value() == "Ben's title"
    assert Programme.objects.get(pk=programme.pk).title == "Ana's title"
    saved(ben, url, form_data(response))
    assert Programme.objects.get(pk=programme.pk).title == "Ben's title"  # chosen knowingly


def test_a_change_to_the_thematic_areas_or_the_publication_is_a_change_too(ana, ben):
    programme = ProgrammeFactory(is_published=False)
    url = admin_url(Programme, "change", programme.pk)
    anas_form, bens_form = opened(ana, url), opened(ben, url)
    area = programme.thematic_areas.model.objects.order_by("pk").first()

    saved(ana, url, anas_form | {"thematic_areas": [str(area.pk)]})
    response = ben.post(url, bens_form | {"acronym": "BDP"})

    assertContains(response, CONFLICT)
    assert f"Thematic areas | (empty) | {area} | Their value" in conflict_table(response)
    assert response.context["adminform"].form["thematic_areas"].value() == [str(area.pk)]
    saved(ben, url, form_data(response))
    programme.refresh_from_db()
    assert (list(programme.thematic_areas.all()), programme.acronym) == ([area], "BDP")


def test_a_save_with_no_change_in_between_goes_through_at_once(ana):
    programme = ProgrammeFactory()
    url = admin_url(Programme, "change", programme.pk)

    saved(ana, url, opened(ana, url) | {"acronym": "BDP"})

    assert Programme.objects.get(pk=programme.pk).acronym == "BDP"


# Inline rows ---------------------------------------------------------------------------------------


@pytest.mark.both_engines
def test_inline_rows_another_changed_added_or_deleted_refuse_the_save_and_nothing_is_lost(ana, ben):
    programme = ProgrammeFactory()
    jamaica, haiti = ProgrammeCountryFactory(programme=programme), ProgrammeCountryFactory(programme=programme)
    url = admin_url(Programme, "change", programme.pk)
    anas_form, bens_form = opened(ana, url), opened(ben, url)
    rows = {anas_form[f"country_links-{i}-id"]: i for i in range(2)}
    first, second = rows[str(jamaica.pk)], rows[str(haiti.pk)]
    added = CountryFactory()

    saved(
        ana,
        url,
        anas_form
        | {
            f"country_links-{first}-percentage": "75",  # changed
            f"country_links-{second}-DELETE": "on",  # deleted
            "country_links-TOTAL_FORMS": "3",  # and one added
            "country_links-2-country": str(added.pk),
            "country_links-2-role": "benefiting",
        },
    )
    response = ben.post(url, bens_form | {"acronym": "BDP"})

    assertContains(response, "Not saved: this programme was changed by ana (")
    table = conflict_table(response)
    assert f"Countries: {jamaica} (changed), percentage | (empty) | 75.00 | Their value" in table
    assert f"Countries: {added} (Where it works) (added), country | (empty) | {added}" in table
    assert f"Countries: {haiti.country}, Where it works (deleted), country | {haiti.country} | (empty)" in table
    assert Programme.objects.get(pk=programme.pk).acronym == ""

    saved(ben, url, form_data(response))

    links = {(link.country.name, link.percentage) for link in programme.country_links.select_related("country")}
    assert links == {(jamaica.country.name, Decimal("75.00")), (added.name, None)}
    assert Programme.objects.get(pk=programme.pk).acronym == "BDP"


@pytest.mark.both_engines
def test_a_grant_saved_over_a_colleagues_transaction_change_is_refused_then_keeps_both():
    first, second = signed_in("fiona", FINANCE), signed_in("felix", FINANCE)
    grant = TransactionFactory(amount=Decimal("1000"), currency="USD").grant
    url = admin_url(Grant, "change", grant.pk)
    fionas_form, felixs_form = opened(first, url), opened(second, url)

    saved(first, url, fionas_form | {"transactions-0-amount": "1500"})
    response = second.post(url, felixs_form | {"purpose_en": "the survey"})

    assertContains(response, "Not saved: this grant was changed by fiona (")
    assert "Transactions:" in conflict_table(response)
    assert "amount | 1000.00 | 1500.00 | Their value" in conflict_table(response)
    saved(second, url, form_data(response))
    grant.refresh_from_db()
    assert grant.purpose == "the survey"
    assert list(grant.transactions.values_list("amount", flat=True)) == [Decimal("1500.00")]


def test_an_organisation_saved_over_a_colleagues_changes_is_refused_then_keeps_both(ana, ben):
    organisation = OrganisationFactory(name="Caribbean Migration Network", acronym="")
    participation = ParticipationFactory(organisation=organisation, description="")
    url = admin_url(Organisation, "change", organisation.pk)
    anas_form, bens_form = opened(ana, url), opened(ben, url)

    saved(ana, url, anas_form | {"name_en": "Caribbean Migration Network (CMN)"})
    response = ben.post(
        url, bens_form | {"acronym_en": "CMN", "participations-0-description_en": "Host of the seminar"}
    )

    assertContains(response, "Not saved: this organisation was changed by ana (")
    assert "Caribbean Migration Network | Caribbean Migration Network (CMN) | Their value" in conflict_table(response)
    saved(ben, url, form_data(response))
    organisation.refresh_from_db()
    participation.refresh_from_db()
    assert (organisation.name, organisation.acronym) == ("Caribbean Migration Network (CMN)", "CMN")
    assert participation.description == "Host of the seminar"


def test_a_colleagues_change_to_rows_the_editor_may_only_view_does_not_refuse_the_save(ana):
    """The editor's save would not write them: a finance officer's grant stays as it is, and so does the edit."""
    grant = GrantFactory(amount=Decimal("5000"))
    url = admin_url(Programme, "change", grant.programme_id)
    anas_form = opened(ana, url)
    finance = signed_in("fiona", FINANCE)
    grant_url = admin_url(Grant, "change", grant.pk)
    saved(finance, grant_url, opened(finance, grant_url) | {"amount": "7500"})

    saved(ana, url, anas_form | {"acronym": "BDP"})

    assert Programme.objects.get(pk=grant.programme_id).acronym == "BDP"
    assert Grant.objects.get(pk=grant.pk).amount == Decimal("7500.00")


def test_a_conflict_and_a_mistake_are_both_shown_and_the_mistake_is_kept_to_correct(ana, ben):
    programme = ProgrammeFactory(title="Border data pilot")
    url = admin_url(Programme, "change", programme.pk)
    anas_form, bens_form = opened(ana, url), opened(ben, url)

    saved(ana, url, anas_form | {"title_en": "Border data exchange pilot"})
    response = ben.post(url, bens_form | {"start_date": "2010-02-30"})

    assertContains(response, "Not saved: this programme was changed by ana (")
    assertContains(response, "Enter a valid date.")
    assert response.context["adminform"].form["start_date"].value() == "2010-02-30"
    saved(ben, url, form_data(response) | {"start_date": "2010-02-28"})
    programme.refresh_from_db()
    assert (programme.title, str(programme.start_date)) == ("Border data exchange pilot", "2010-02-28")


# Forms without a version, and every model's form ----------------------------------------------------


OUR_APPS = {"programmes", "partners", "funding", "documents", "updates"}
OUR_MODELS = [model for model in admin.site._registry if model._meta.app_label in OUR_APPS]


@pytest.mark.usefixtures("every_model_has_a_record")
@pytest.mark.parametrize("model", OUR_MODELS, ids=lambda model: model._meta.label)
def test_every_change_form_carries_its_version_and_a_save_without_one_is_refused(admin_client: Client, model):
    record = a_record(model)
    url = admin_url(model, "change", record.pk)
    page = admin_client.get(url)
    assertContains(page, f'name="{VERSION_FIELD}"')
    data = form_data(page)
    history = record.history.count()

    for version in ("", data[VERSION_FIELD][:-2] + "xx", "forged"):
        response = admin_client.post(url, data | {VERSION_FIELD: version})
        assertContains(response, NO_VERSION.split(",")[0])
        assert record.history.count() == history  # nothing saved

    saved(admin_client, url, form_data(response))  # the refused page carries the version it shows


def test_every_admin_change_form_checks_versions():
    """HistoryAdmin carries the check for the portal's models (its inlines' rows are in their record's
    snapshot), iomcaribbean/admin.py for staff accounts and groups. django-axes' sign-in records have
    no field to change."""
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label == "axes":
            continue
        assert isinstance(model_admin, EditConflictAdmin), model
        if model._meta.app_label != "auth":
            assert all(issubclass(inline, CompactInline) for inline in model_admin.inlines), model


def test_two_superusers_saving_one_staff_account_cannot_undo_each_others_change(superuser):
    first, second = Client(), Client()
    first.force_login(superuser)
    second.force_login(UserFactory(username="second-admin", is_staff=True, is_superuser=True))
    account = UserFactory(username="carla", email="carla@example.org", is_staff=True)
    url = f"/admin/auth/user/{account.pk}/change/"
    theirs, mine = opened(first, url), opened(second, url)

    saved(first, url, theirs | {"email": "carla.new@example.org"})
    refused = second.post(url, mine | {"first_name": "Carla"})

    assertContains(refused, CONFLICT)
    account.refresh_from_db()
    assert (account.email, account.first_name) == ("carla.new@example.org", "")
    form = refused.context["adminform"].form
    assert (form["email"].value(), form["first_name"].value()) == ("carla.new@example.org", "Carla")
    # Saved again from the form as it came back: their e-mail, my first name, the version now.
    again = {name: str(form[name].value()) for name in ("email", "first_name", VERSION_FIELD)}
    saved(second, url, mine | again)
    account.refresh_from_db()
    assert (account.email, account.first_name) == ("carla.new@example.org", "Carla")


def test_the_version_of_one_record_does_not_open_another(ana):
    one, other = ProgrammeFactory(), ProgrammeFactory(acronym="")
    other_url = admin_url(Programme, "change", other.pk)
    data = opened(ana, other_url) | {VERSION_FIELD: opened(ana, admin_url(Programme, "change", one.pk))[VERSION_FIELD]}

    assertContains(ana.post(other_url, data | {"acronym": "X"}), NO_VERSION.split(",")[0])
    assert Programme.objects.get(pk=other.pk).acronym == ""


def test_the_version_is_not_a_change_of_the_record_in_the_admins_log(ana):
    programme = ProgrammeFactory()
    url = admin_url(Programme, "change", programme.pk)

    saved(ana, url, opened(ana, url) | {"acronym": "BDP"})

    assert LogEntry.objects.get(object_id=str(programme.pk)).get_change_message() == "Changed Acronym."


# The IATI import -------------------------------------------------------------------------------------


def test_a_form_opened_before_an_import_that_changed_the_programme_is_refused(ana):
    programme = ProgrammeFactory(code="T81-900", title="Border data pilot")
    url = admin_url(Programme, "change", programme.pk)
    anas_form = opened(ana, url)

    report = iati_file_import(source=activity_file(activity("XM-DAC-47066-T81-900", code="T81-900", title="Imported")))
    assert report.saved, report.lines()
    response = ana.post(url, anas_form | {"acronym": "BDP"})

    assertContains(response, "Not saved: this programme was changed by the IATI import (")
    assert "Title [en] | Border data pilot | Imported | Their value" in conflict_table(response)
    assert Programme.objects.get(pk=programme.pk).acronym == ""
    saved(ana, url, form_data(response))
    programme.refresh_from_db()
    assert (programme.title, programme.acronym) == ("Imported", "BDP")
