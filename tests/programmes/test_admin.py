"""The staff's admin: every page works, each role does what it may, and bad input is refused kindly."""

from __future__ import annotations

from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import NoReverseMatch, reverse
from pytest_django.asserts import assertContains, assertNotContains

from funding.models import DonorAccount, Grant
from partners.models import Organisation, Participation
from programmes.models import Component, Country, Overview, Programme, Result, ThematicArea
from tests.factories import (
    ComponentFactory,
    GrantFactory,
    ProgrammeCountryFactory,
    ProgrammeFactory,
)
from tests.helpers.admin_forms import a_record, admin_url, form_data, form_errors

pytestmark = pytest.mark.django_db

REGISTERED = sorted(admin.site._registry, key=lambda model: model._meta.label)
OUR_APPS = {"programmes", "partners", "funding"}
# The apps whose records each role may change; it may only view those of the other two apps.
ROLES = {"editor_client": {"programmes", "partners"}, "finance_client": {"funding"}}
SEMINAR = "T81-805"


# Every page, every model ---------------------------------------------------------------------


@pytest.mark.usefixtures("every_model_has_a_record")
# django-axes' sign-in records are written by sign-ins only and have no add page; superusers
# lifting a lock there is tests/test_login_throttling.py's.
@pytest.mark.parametrize(
    "model", [m for m in REGISTERED if m._meta.app_label != "axes"], ids=lambda model: model._meta.label
)
def test_superuser_searches_the_list_of_every_model(admin_client: Client, model) -> None:
    """A search runs each model's search fields (a wrong one is a 500). The list, add, change and
    history pages themselves are the access matrix's (tests/test_access_matrix.py)."""
    name = model._meta.verbose_name
    # "to view" where nobody changes its records (the digests sent).
    assertContains(admin_client.get(admin_url(model, "changelist"), {"q": "a"}), f"Select {name} to ")


@pytest.mark.usefixtures("every_model_has_a_record")
@pytest.mark.parametrize("model", [m for m in REGISTERED if m._meta.app_label in OUR_APPS], ids=str)
def test_superuser_saves_any_record_unchanged_and_its_history_shows_it(admin_client: Client, model) -> None:
    """The seed content and the factories pass every admin check, inlines included."""
    record = a_record(model)
    url = admin_url(model, "change", record.pk)
    response = admin_client.post(url, form_data(admin_client.get(url)))
    assert response.status_code == 302, form_errors(response)
    history = admin_client.get(admin_url(model, "history", record.pk))
    assertContains(history, ">admin</a>")  # who changed it
    assert record.history.latest().history_user.username == "admin"


# Users, groups and donor accounts are the superusers' alone; a Finance officer's part in a
# programme or a participation (its money) is the write matrix's role table.
ROLE_PAGES = [
    (role, model)
    for role in ROLES
    for model in REGISTERED
    if model._meta.app_label in OUR_APPS
    and model is not DonorAccount
    and not (role == "finance_client" and model in (Programme, Participation))
]


@pytest.mark.usefixtures("every_model_has_a_record")
@pytest.mark.parametrize(("role", "model"), ROLE_PAGES, ids=[f"{r}-{m._meta.label}" for r, m in ROLE_PAGES])
def test_each_staff_role_is_offered_to_change_its_own_records_and_only_to_view_the_others(request, role, model):
    """What each role's change page offers. Which answer each page gives each role is the access
    matrix's (tests/test_access_matrix.py), and which posts write, the write matrix's."""
    client: Client = request.getfixturevalue(role)
    name = model._meta.verbose_name
    change_page = client.get(admin_url(model, "change", a_record(model).pk))
    if model._meta.app_label in ROLES[role]:
        assertContains(change_page, f"Change {name}")
        assertContains(change_page, 'name="_save"')
    else:
        assertContains(change_page, f"View {name}")
        assertNotContains(change_page, 'name="_save"')


# Creating a programme ------------------------------------------------------------------------


def test_staff_create_a_programme_with_every_inline_and_the_history_records_who(admin_client, superuser) -> None:
    data = form_data(admin_client.get(admin_url(Programme, "add")))
    jamaica = Country.objects.get(code="JM")
    iom, canada = Organisation.objects.get(slug="iom"), Organisation.objects.get(slug="government-of-canada")
    data |= {
        "title_en": "Border data exchange",  # English; Spanish and French may follow
        "slug": "border-data-exchange",
        "code": "T81-900",
        "status": "ongoing",
        "start_date": "2003-02-01",
        "end_date": "2004-01-31",
        "budget_amount": "12500.50",
        "budget_currency": "usd",
        "dac_sector": "15190",
        "thematic_areas": [str(ThematicArea.objects.get(slug="irregular-flows").pk)],
        "is_published": "on",
        "country_links-TOTAL_FORMS": "1",
        "country_links-0-country": str(jamaica.pk),
        "country_links-0-role": "benefiting",
        "components-TOTAL_FORMS": "1",
        "components-0-title_en": "Data sharing protocol",
        "components-0-order": "1",
        "results-TOTAL_FORMS": "1",
        "results-0-title_en": "Two border posts share data",
        "results-0-type": "2",
        "results-0-order": "1",
        "key_figures-TOTAL_FORMS": "1",
        "key_figures-0-value": "12",
        "key_figures-0-label_en": "border posts",
        "key_figures-0-order": "1",
        "publications-TOTAL_FORMS": "1",
        "publications-0-title_en": "Pilot report",
        "publications-0-year": "2004",
        "publications-0-order": "1",
        "phases-TOTAL_FORMS": "1",
        "phases-0-title_en": "Border data exchange: pilot",
        "phases-0-slug": "border-data-exchange-pilot",
        "phases-0-status": "pipeline",
        "phases-0-order": "1",
        "participations-TOTAL_FORMS": "1",
        "participations-0-organisation": str(iom.pk),
        "participations-0-role": "2",
        "participations-0-order": "1",
        "grants-TOTAL_FORMS": "1",
        "grants-0-funder": str(canada.pk),
        "grants-0-amount": "4000",
        "grants-0-currency": "cad",
        "grants-0-purpose_en": "the pilot's equipment",
    }

    response = admin_client.post(admin_url(Programme, "add"), data, follow=True)

    assertContains(response, "was added successfully")
    programme = Programme.objects.get(code="T81-900")
    assert programme.published_at is not None
    assert list(programme.countries.all()) == [jamaica]
    assert programme.components.get().title == "Data sharing protocol"
    assert programme.results.get().type == Result.Type.OUTCOME
    assert programme.key_figures.get().label == "border posts"
    assert programme.publications.get().year == 2004
    assert programme.phases.get().slug == "border-data-exchange-pilot"
    assert programme.participations.get().organisation == iom
    grant = programme.grants.get()
    assert (grant.funder, grant.amount, grant.currency) == (canada, 4000, "CAD")
    created = programme.history.get()
    assert (created.history_type, created.history_user) == ("+", superuser)
    assert grant.history.get().history_user == superuser


def test_an_editor_saves_a_programme_whose_grants_they_may_only_view(editor_client: Client) -> None:
    programme = Programme.objects.get(slug="managing-migration-and-promoting-migrants-rights")
    url = admin_url(Programme, "change", programme.pk)
    page = editor_client.get(url)
    assertContains(page, "Government of Canada")  # the grants, shown read-only
    assertNotContains(page, 'name="grants-0-funder"')
    assertNotContains(page, 'id="grants-empty"')  # no row to add a grant

    response = editor_client.post(url, form_data(page) | {"summary_en": "Revised by an editor."})

    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.summary == "Revised by an editor."
    assert programme.grants.count() == 3


def test_a_finance_officer_changes_a_programmes_budget_and_nothing_else(finance_client: Client) -> None:
    programme = Programme.objects.get(slug="managing-migration-and-promoting-migrants-rights")
    title = programme.title
    url = admin_url(Programme, "change", programme.pk)
    page = finance_client.get(url)
    assertContains(page, "Change programme")
    assertContains(page, 'name="budget_amount"')
    assertContains(page, 'name="grants-0-funder"')  # grants are money too
    for name in ('name="title_en"', 'name="is_published"', 'name="components-0-title_en"', "Publish the selected"):
        assertNotContains(page, name)

    changes = {"budget_amount": "250000.00", "budget_currency": "EUR", "title_en": "Retitled", "is_published": ""}
    response = finance_client.post(url, form_data(page) | changes)

    assert response.status_code == 302, form_errors(response)
    programme.refresh_from_db()
    assert (programme.budget_amount, programme.budget_currency) == (Decimal("250000.00"), "EUR")
    assert programme.title == title
    assert programme.is_published


def test_an_editor_changes_a_programme_but_not_its_budget(editor_client: Client) -> None:
    programme = Programme.objects.get(slug="managing-migration-and-promoting-migrants-rights")
    budget = (programme.budget_amount, programme.budget_currency)
    url = admin_url(Programme, "change", programme.pk)
    page = editor_client.get(url)
    assertContains(page, 'name="title_en"')
    assertNotContains(page, 'name="budget_amount"')

    response = editor_client.post(url, form_data(page) | {"title_en": "Retitled", "budget_amount": "1.00"})

    assert response.status_code == 302, form_errors(response)
    programme.refresh_from_db()
    assert programme.title == "Retitled"
    assert (programme.budget_amount, programme.budget_currency) == budget


def test_a_past_version_is_for_reading_and_cannot_be_posted(admin_client: Client) -> None:
    """Reverting would skip the change form's checks: staff copy a past value into the change form instead."""
    programme = Programme.objects.get(code=SEMINAR)
    programme.title = "A newer title"
    programme.save()
    past = programme.history.order_by("history_date").first()
    url = reverse("admin:programmes_programme_simple_history", args=[programme.pk, past.history_id])

    page = admin_client.get(url)
    assertContains(page, "View programme")
    assertNotContains(page, 'value="Revert"')
    assertNotContains(admin_client.get(admin_url(Programme, "history", programme.pk)), "Change history")

    response = admin_client.post(url, form_data(page, inlines=False) | {"_save": "Revert"})

    assert response.status_code == 405
    programme.refresh_from_db()
    assert programme.title == "A newer title"


# Validation ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("slug", "changes", "message"),
    [
        ("international-migration-policy-seminar-caribbean", {"end_date": "2000-01-01"}, "The end date cannot be"),
        ("international-migration-policy-seminar-caribbean", {"budget_amount": "-1"}, "The budget cannot be negative"),
        ("international-migration-policy-seminar-caribbean", {"budget_currency": "US"}, "three-letter ISO 4217 code"),
        (
            "counter-trafficking-dominican-republic-phase-one",
            {"start_precision": "year"},
            "A date known only to the year must be stored as 1 January",
        ),
        (
            "third-country-return",
            {"code": SEMINAR},
            "This code is already used by “International Migration Policy Seminar for the Caribbean Region",
        ),
        (
            "counter-trafficking-dominican-republic",
            {"parent": "counter-trafficking-dominican-republic-phase-one"},
            "A programme cannot be a phase of itself or of its own phases",
        ),
    ],
    ids=["end-before-start", "negative-budget", "bad-currency", "precision", "duplicate-code", "own-ancestor"],
)
def test_the_programme_form_explains_what_is_wrong(admin_client: Client, slug: str, changes: dict, message: str):
    programme = Programme.objects.get(slug=slug)
    if "parent" in changes:
        changes["parent"] = str(Programme.objects.get(slug=changes["parent"]).pk)
    url = admin_url(Programme, "change", programme.pk)

    response = admin_client.post(url, form_data(admin_client.get(url)) | changes)

    assertContains(response, "Please correct the error")
    assertContains(response, message)
    assertNotContains(response, "is violated")  # no database constraint named at the staff
    assert Programme.objects.get(pk=programme.pk).updated_at == programme.updated_at


def test_a_second_home_page_overview_is_refused_with_the_name_of_the_first(admin_client: Client) -> None:
    data = form_data(admin_client.get(admin_url(Overview, "add")))
    data |= {"title_en": "IOM in the Caribbean 2003", "slug": "iom-2003", "date": "2003-10-01", "is_current": "on"}

    response = admin_client.post(admin_url(Overview, "add"), data)

    assertContains(response, "“IOM in the Caribbean” is on the home page already")
    assert not Overview.objects.filter(slug="iom-2003").exists()


# Publishing ----------------------------------------------------------------------------------


def test_the_publish_action_publishes_the_selected_programmes_and_stamps_when(admin_client, superuser) -> None:
    drafts = ProgrammeFactory.create_batch(2, is_published=False)

    response = admin_client.post(
        admin_url(Programme, "changelist"),
        {"action": "publish", "_selected_action": [p.pk for p in drafts]},
        follow=True,
    )

    assertContains(response, "Published 2 programmes.")
    for programme in drafts:
        programme.refresh_from_db()
        assert programme.is_published and programme.published_at is not None
        assert programme.history.latest().history_user == superuser


def test_the_unpublish_action_hides_programmes_and_keeps_the_first_publication_date(admin_client) -> None:
    programme = ProgrammeFactory(is_published=True)
    first_published = programme.published_at

    response = admin_client.post(
        admin_url(Programme, "changelist"), {"action": "unpublish", "_selected_action": [programme.pk]}, follow=True
    )

    assertContains(response, "Unpublished 1 programme.")
    programme.refresh_from_db()
    assert not programme.is_published
    assert programme.published_at == first_published


def test_view_only_staff_are_not_offered_the_publish_actions(finance_client: Client) -> None:
    draft = ProgrammeFactory(is_published=False)
    url = admin_url(Programme, "changelist")
    assertNotContains(finance_client.get(url), "Publish the selected")
    finance_client.post(url, {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert not draft.is_published


def test_the_change_page_links_to_the_public_page(admin_client: Client) -> None:
    programme = Programme.objects.get(code=SEMINAR)
    content_type = ContentType.objects.get_for_model(Programme)
    link = reverse("admin:view_on_site", args=[content_type.pk, programme.pk])
    assertContains(admin_client.get(admin_url(Programme, "change", programme.pk)), f'href="{link}"')
    try:
        public = programme.get_absolute_url()
    except NoReverseMatch:  # the public views are another piece of work
        pytest.skip("programmes:detail is not routed yet")
    assert urlsplit(admin_client.get(link)["Location"]).path == public


# Lists and filters ---------------------------------------------------------------------------


def test_the_programme_list_filters_top_level_programmes_and_phases(admin_client: Client) -> None:
    url = admin_url(Programme, "changelist")
    phases = admin_client.get(url, {"level": "phase"})
    assertContains(phases, "phase one")
    assertNotContains(phases, "Haitian Technical Assistance Project")
    top = admin_client.get(url, {"level": "top"})
    assertContains(top, "Haitian Technical Assistance Project")
    assertNotContains(top, "phase one")


def test_the_programme_list_finds_a_programme_by_code_and_shows_it(admin_client: Client) -> None:
    response = admin_client.get(admin_url(Programme, "changelist"), {"q": SEMINAR})
    assertContains(response, "International Migration Policy Seminar for the Caribbean Region")
    # Its code, not its countries: those are the list's filters, so that it fits 1,280 px.
    assertContains(response, f'<td class="field-project_code">{SEMINAR}</td>', html=True)
    assertContains(response, "1 result")


def test_the_programme_list_runs_a_bounded_number_of_queries(admin_client, django_assert_max_num_queries) -> None:
    programmes = ProgrammeFactory.create_batch(30, parent=Programme.objects.get(code=SEMINAR))
    for programme in programmes:
        ProgrammeCountryFactory.create_batch(2, programme=programme)
        programme.thematic_areas.set(ThematicArea.objects.all()[:2])

    with django_assert_max_num_queries(15):  # 13 today; an N+1 would add 30
        response = admin_client.get(admin_url(Programme, "changelist"))

    assert response.context["cl"].result_count == Programme.objects.count()
    assertContains(response, programmes[-1].title)


# Protected records ---------------------------------------------------------------------------


def test_deleting_a_country_with_programmes_explains_why_it_cannot(admin_client: Client) -> None:
    jamaica = Country.objects.get(code="JM")
    url = admin_url(Country, "delete", jamaica.pk)

    page = admin_client.get(url)
    assertContains(page, "would require deleting the following protected related objects")
    assertContains(page, "Jamaica (Venue)")

    assertContains(admin_client.post(url, {"post": "yes"}), "protected related objects")
    assert Country.objects.filter(pk=jamaica.pk).exists()


def test_deleting_a_component_a_grant_pays_for_explains_why_it_cannot(admin_client: Client) -> None:
    component = ComponentFactory(title="Baseline assessment")
    grant = GrantFactory(programme=component.programme, component=component)
    url = admin_url(Programme, "change", component.programme.pk)
    data = form_data(admin_client.get(url)) | {"components-0-DELETE": "on"}

    response = admin_client.post(url, data)

    assertContains(response, "Deleting component Baseline assessment would require deleting the following protected")
    assert Component.objects.filter(pk=component.pk).exists()
    grant.refresh_from_db()
    assert grant.component == component


def test_deleting_a_programme_with_grants_explains_why_it_cannot(admin_client: Client) -> None:
    grant = Grant.objects.select_related("programme").first()
    response = admin_client.post(admin_url(Programme, "delete", grant.programme.pk), {"post": "yes"})
    assertContains(response, "would require deleting the following protected related objects")
    assert Programme.objects.filter(pk=grant.programme.pk).exists()


# Provenance ------------------------------------------------------------------------------------


def test_the_programme_page_says_where_each_value_comes_from_and_an_editor_marks_an_estimate(admin_client):
    programme = Programme.objects.get(slug="third-country-return")
    url = admin_url(Programme, "change", programme.pk)
    page = admin_client.get(url)
    assertContains(page, "<strong>Status</strong>: Estimated: The overview (October 2002) lists it", html=False)
    assertContains(page, "<strong>Coverage</strong>: Not known", html=False)

    data = form_data(page) | {"coverage": "regional", "coverage_estimate_en": "Read from its title."}
    response = admin_client.post(url, data, follow=True)

    assertContains(response, "was changed successfully")
    programme.refresh_from_db()
    assert (programme.coverage, programme.estimates()["coverage"]) == ("regional", "Read from its title.")
    assertContains(admin_client.get(url), "<strong>Coverage</strong>: Estimated: Read from its title.", html=False)
