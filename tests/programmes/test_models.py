"""Integrity of the programme records: constraints in the database, clear messages in clean()."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from programmes.models import Programme, format_partial_date
from tests.factories import CountryFactory, KeyFigureFactory, ProgrammeCountryFactory, ProgrammeFactory

pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]


def test_partial_dates_show_only_what_is_known():
    day = datetime.date(2001, 5, 28)
    assert format_partial_date(day, "day") == "28 May 2001"
    assert format_partial_date(datetime.date(2001, 10, 1), "month") == "October 2001"
    assert format_partial_date(datetime.date(2001, 1, 1), "year") == "2001"
    assert format_partial_date(None, "year") == ""


def test_a_date_known_to_the_year_must_be_stored_as_first_of_january():
    programme = ProgrammeFactory.build(start_date=datetime.date(2001, 5, 28), start_precision="year")
    with pytest.raises(ValidationError) as error:
        programme.full_clean()
    assert "1 January" in error.value.message_dict["start_date"][0]


def test_end_before_start_is_refused_by_clean_and_by_the_database():
    programme = ProgrammeFactory.build(start_date=datetime.date(2002, 1, 1), end_date=datetime.date(2001, 1, 1))
    with pytest.raises(ValidationError) as error:
        programme.full_clean()
    assert error.value.message_dict["end_date"] == ["The end date cannot be before the start date."]
    with pytest.raises(IntegrityError), transaction.atomic():
        programme.save()


def test_negative_budget_is_refused_by_clean_and_by_the_database():
    programme = ProgrammeFactory.build(budget_amount=Decimal("-1"))
    with pytest.raises(ValidationError) as error:
        programme.full_clean()
    assert "negative" in error.value.message_dict["budget_amount"][0]
    with pytest.raises(IntegrityError), transaction.atomic():
        programme.save()


def test_a_project_code_is_unique_when_given_but_many_may_have_none():
    ProgrammeFactory(code="")
    ProgrammeFactory(code="")
    duplicate = ProgrammeFactory.build(code="T81-805")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "code" in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_a_currency_must_be_a_three_letter_code():
    programme = ProgrammeFactory.build(budget_currency="US$")
    with pytest.raises(ValidationError) as error:
        programme.full_clean()
    assert "ISO 4217" in error.value.message_dict["budget_currency"][0]


def test_a_programme_cannot_be_a_phase_of_its_own_phase():
    parent = ProgrammeFactory()
    child = ProgrammeFactory(parent=parent)
    parent.parent = child
    with pytest.raises(ValidationError) as error:
        parent.full_clean()
    assert "own phases" in error.value.message_dict["parent"][0]


def test_country_percentage_is_bounded():
    link = ProgrammeCountryFactory.build(
        programme=ProgrammeFactory(), country=CountryFactory(), percentage=Decimal("120")
    )
    with pytest.raises(ValidationError):
        link.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        link.save()


def test_a_key_figure_range_must_be_ordered():
    with pytest.raises(IntegrityError), transaction.atomic():
        KeyFigureFactory(value=30, value_to=17)


def test_published_hides_unpublished_programmes_and_the_phases_of_unpublished_parents():
    hidden_parent = ProgrammeFactory(is_published=False)
    phase_of_hidden = ProgrammeFactory(parent=hidden_parent, is_published=True)
    visible = ProgrammeFactory()
    published = set(Programme.objects.published())
    assert visible in published
    assert hidden_parent not in published
    assert phase_of_hidden not in published


def test_publishing_stamps_the_first_publication_time():
    programme = ProgrammeFactory(is_published=False)
    assert programme.published_at is None
    programme.is_published = True
    programme.save()
    assert programme.published_at is not None


def test_iati_identifier_and_status_follow_the_code_and_status():
    programme = Programme.objects.get(code="T81-805")
    assert programme.iati_identifier == "XM-DAC-47066-T81-805"
    assert programme.iati_status == "3"
    assert ProgrammeFactory(code="").iati_identifier == ""


def test_every_change_is_recorded_in_the_history():
    programme = ProgrammeFactory(title="First title")
    programme.title = "Second title"
    programme.save()
    assert [h.title for h in programme.history.order_by("history_date")] == ["First title", "Second title"]
