"""IATI data quality in the admin: each programme's problems in plain words, with the field to fix;
publishing one that IATI cannot take asks first."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.contrib import admin
from django.contrib.admin import helpers
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from iati import activity, writer
from iati.quality import programme_problems
from iati.quality_facts import with_quality_facts
from programmes.models import Country, Programme, ThematicArea
from tests.factories import (
    BudgetFactory,
    GrantFactory,
    ParticipationFactory,
    ProgrammeCountryFactory,
    ProgrammeFactory,
    TransactionFactory,
)
from tests.helpers.admin_forms import form_data, form_errors

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:programmes_programme_changelist")
TODAY = datetime.date.today()


def change_url(programme: Programme) -> str:
    return reverse("admin:programmes_programme_change", args=[programme.pk])


def problems_of(slug: str) -> dict[str, list[tuple[str, bool]]]:
    programme = with_quality_facts(Programme.objects.all()).get(slug=slug)
    found: dict[str, list[tuple[str, bool]]] = {}
    for problem in programme_problems(programme):
        found.setdefault(problem.field, []).append((problem.message, problem.blocking))
    return found


def blocking_fields(slug: str) -> list[str]:
    return [field for field, problems in problems_of(slug).items() if any(blocking for _, blocking in problems)]


# The checks ------------------------------------------------------------------------------------


def test_a_seed_programme_without_a_start_date_is_blocked() -> None:
    problems = problems_of("third-country-return")

    # Its status is an estimate too, which IATI has no way to mark.
    assert blocking_fields("third-country-return") == ["status", "start_date"]
    assert "There is no start date" in problems["start_date"][0][0]
    assert {"code", "end_date", "participations", "summary", "budgets", "project_type"} <= set(problems)


def test_the_seminar_is_not_blocked_and_its_weaknesses_are_named() -> None:
    problems = problems_of("international-migration-policy-seminar-caribbean")

    assert blocking_fields("international-migration-policy-seminar-caribbean") == []
    # Its total budget goes to IATI as one budget (its life is a year); the shares are unknown; no source
    # says whether its two results are outcomes, so IATI, which needs a type, leaves them out.
    assert set(problems) == {"countries", "results"}
    assert problems["results"][0][0].startswith("2 results are left out of IATI")
    assert "without shares" in problems["countries"][0][0]


def test_seed_programmes_blocked_are_exactly_those_left_out_of_the_iati_file() -> None:
    programmes = with_quality_facts(writer.export_queryset(Programme.objects.all()))
    blocked = {p.slug for p in programmes if any(problem.blocking for problem in programme_problems(p))}

    assert blocked == {p.slug for p in programmes if activity.unwritable(p)}
    assert blocked == {
        "capacity-building-in-migration-management-jamaica",
        "counter-trafficking-dominican-republic-phase-two",
        "haitian-migration-management-program",
        "haitian-technical-assistance-project",
        "regional-seminars-on-migration-policy-and-practice",
        "regularization-and-repatriation-turks-and-caicos",
        "return-and-reintegration-of-qualified-jamaican-nationals",
        "third-country-return",
    }


def test_a_pipeline_programme_whose_start_has_passed_is_told_to_update_its_status() -> None:
    problems = problems_of("hiv-aids-and-mobile-populations")

    assert "still pipeline" in problems["status"][0][0]


def test_a_withdrawn_country_code_and_percentages_that_do_not_add_up_are_explained() -> None:
    programme = ProgrammeFactory(slug="uneven")
    antilles = Country.objects.get(code="AN")
    ProgrammeCountryFactory(programme=programme, country=antilles, percentage=Decimal("40"))
    ProgrammeCountryFactory(programme=programme, country=Country.objects.get(code="JM"), percentage=Decimal("60"))

    problems = problems_of("uneven")

    assert blocking_fields("uneven") == ["countries"]
    messages = [message for message, _ in problems["countries"]]
    assert any("add up to 60, not 100" in message for message in messages)
    assert any("Netherlands Antilles (AN) is no longer an IATI country code" in message for message in messages)


def test_budgets_and_transactions_iati_would_leave_out_are_counted() -> None:
    programme = ProgrammeFactory(slug="money")
    ParticipationFactory(programme=programme)
    BudgetFactory(programme=programme, period_start=datetime.date(2010, 1, 1), period_end=datetime.date(2011, 3, 31))
    BudgetFactory(programme=programme, currency="XYZ")
    grant = GrantFactory(programme=programme)
    TransactionFactory.create_batch(2, grant=grant, date=TODAY + datetime.timedelta(days=3))

    problems = problems_of("money")

    assert blocking_fields("money") == []
    assert [message.split(",")[0] for message, _ in problems["budgets"]] == [
        "1 budget covers more than a year",
        "1 budget is in a currency IATI does not accept",
    ]
    assert problems["grants"][0][0].startswith("2 transactions are dated in the future")
    assert "participations" not in problems


def test_without_the_annotations_the_checks_fetch_the_counts_themselves() -> None:
    problems = programme_problems(Programme.objects.get(slug="third-country-return"))

    assert [p.field for p in problems if p.blocking] == ["status", "start_date"]
    assert "participations" in {p.field for p in problems}


# The admin -------------------------------------------------------------------------------------


def test_the_changelist_shows_each_programmes_problems(admin_client: Client) -> None:
    response = admin_client.get(CHANGELIST, {"q": "Third Country Return"})

    assertContains(response, "IATI data quality")
    assertContains(response, "<strong>Blocking</strong>: Start date")
    assertNotContains(response, "There is no start date")  # the change page explains; the list stays short
    assertContains(response, "To improve: Budgets, End date, IOM project code, Participations")


def test_the_changelist_runs_the_same_queries_however_many_programmes(
    admin_client: Client, django_assert_num_queries
) -> None:
    def add(count: int) -> None:
        for programme in ProgrammeFactory.create_batch(count):
            ProgrammeCountryFactory.create_batch(2, programme=programme)
            ParticipationFactory(programme=programme)
            BudgetFactory(programme=programme)
            TransactionFactory(grant=GrantFactory(programme=programme))
            programme.thematic_areas.set(ThematicArea.objects.all()[:2])

    add(2)
    with django_assert_num_queries(13) as few:
        admin_client.get(CHANGELIST)
    add(30)
    with django_assert_num_queries(len(few.captured_queries)):
        response = admin_client.get(CHANGELIST)
    assertContains(response, "IATI data quality")


def test_the_change_page_shows_an_iati_data_quality_panel(admin_client: Client) -> None:
    programme = Programme.objects.get(slug="third-country-return")

    response = admin_client.get(change_url(programme))

    assertContains(response, "IATI data quality")
    assertContains(response, "Not in the IATI file: fix the blocking problems below")
    assertContains(response, "Blocking – <strong>Start date</strong>: There is no start date")
    assertContains(response, "To improve – <strong>IOM project code</strong>")
    assertNotContains(response, 'name="publish_anyway"')  # published already


def test_a_programme_without_problems_says_it_is_in_the_iati_file(admin_client: Client) -> None:
    programme = ProgrammeFactory(project_type=None)
    ProgrammeCountryFactory(programme=programme, country=Country.objects.get(code="JM"))
    ParticipationFactory(programme=programme)
    BudgetFactory(programme=programme)
    programme.end_date = datetime.date(2011, 1, 1)
    programme.save()

    response = admin_client.get(change_url(programme))

    assertContains(response, "In the IATI file.")
    assertContains(response, "To improve – <strong>Project type</strong>")
    assertNotContains(response, 'name="publish_anyway"')


# Publishing ------------------------------------------------------------------------------------


def test_publishing_blocked_programmes_in_bulk_asks_first_and_lists_the_problems(admin_client: Client) -> None:
    blocked = ProgrammeFactory(is_published=False, start_date=None, title="Undated return flights")
    ready = ProgrammeFactory(is_published=False, title="Ready programme")
    selected = [blocked.pk, ready.pk]

    page = admin_client.post(CHANGELIST, {"action": "publish", helpers.ACTION_CHECKBOX_NAME: selected})

    assertContains(page, "Publish programmes with IATI problems?")
    assertContains(page, "Undated return flights")
    assertContains(page, "<strong>Start date</strong>: There is no start date")
    assertNotContains(page, "Ready programme</a>")
    assert not Programme.objects.filter(pk__in=selected, is_published=True).exists()

    response = admin_client.post(
        CHANGELIST, {"action": "publish", helpers.ACTION_CHECKBOX_NAME: selected, "confirm": "yes"}, follow=True
    )

    assertContains(response, "Published 2 programmes.")
    assertContains(response, "1 of them stay out of the IATI file")
    assert Programme.objects.filter(pk__in=selected, is_published=True).count() == 2


def test_publishing_programmes_without_blocking_problems_in_bulk_asks_nothing(admin_client: Client) -> None:
    ready = ProgrammeFactory(is_published=False)

    response = admin_client.post(
        CHANGELIST, {"action": "publish", helpers.ACTION_CHECKBOX_NAME: [ready.pk]}, follow=True
    )

    assertContains(response, "Published 1 programme.")
    ready.refresh_from_db()
    assert ready.is_published


def test_ticking_published_on_a_blocked_programme_saves_it_unpublished_until_confirmed(admin_client: Client) -> None:
    programme = ProgrammeFactory(is_published=False, start_date=None, summary="Old summary")
    url = change_url(programme)
    data = form_data(admin_client.get(url)) | {"is_published": "on", "summary_en": "New summary"}

    response = admin_client.post(url, data, follow=True)

    assert response.redirect_chain[-1][0] == url, form_errors(response)
    assertContains(response, "was saved but not published: its IATI record would be invalid (Start date)")
    assertContains(response, "Blocking – <strong>Start date</strong>")
    assertContains(response, 'name="publish_anyway"')
    programme.refresh_from_db()
    assert (programme.summary, programme.is_published, programme.published_at) == ("New summary", False, None)
    assert programme.history.latest().is_published is False

    data = form_data(admin_client.get(url)) | {"is_published": "on", "publish_anyway": "on"}
    response = admin_client.post(url, data, follow=True)

    assertContains(response, "was changed successfully")
    programme.refresh_from_db()
    assert programme.is_published and programme.published_at is not None


def test_ticking_published_once_the_problem_is_fixed_in_the_same_save_publishes(admin_client: Client) -> None:
    programme = ProgrammeFactory(is_published=False, start_date=None)
    url = change_url(programme)
    data = form_data(admin_client.get(url)) | {"is_published": "on", "start_date": "2004-03-01"}

    response = admin_client.post(url, data, follow=True)

    assertContains(response, "was changed successfully")
    programme.refresh_from_db()
    assert programme.is_published
    assert programme.history.count() == 2  # created, then changed and published in one save


def test_the_admin_keeps_the_programme_list_columns() -> None:
    model_admin = admin.site._registry[Programme]
    assert model_admin.list_display[-1] == "iati_quality"
