"""Integrity of grants, transactions and budgets."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from tests.factories import BudgetFactory, ComponentFactory, GrantFactory, ProgrammeFactory, TransactionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]


def test_a_grant_without_an_amount_is_allowed_and_stays_empty():
    grant = GrantFactory(amount=None)
    grant.full_clean()
    grant.refresh_from_db()
    assert grant.amount is None


def test_a_negative_grant_is_refused():
    grant = GrantFactory.build(amount=Decimal("-5"), programme=ProgrammeFactory(), funder=GrantFactory().funder)
    with pytest.raises(ValidationError) as error:
        grant.full_clean()
    assert "negative" in error.value.message_dict["amount"][0]
    with pytest.raises(IntegrityError), transaction.atomic():
        grant.save()


def test_a_grant_component_must_belong_to_its_programme():
    grant = GrantFactory()
    grant.component = ComponentFactory()
    with pytest.raises(ValidationError) as error:
        grant.full_clean()
    assert error.value.message_dict["component"] == ["This component belongs to another programme."]


def test_a_lowercase_currency_is_normalised():
    grant = GrantFactory.build(currency="usd", programme=ProgrammeFactory(), funder=GrantFactory().funder)
    grant.full_clean()
    assert grant.currency == "USD"


def test_a_transaction_must_be_positive():
    with pytest.raises(IntegrityError), transaction.atomic():
        TransactionFactory(amount=Decimal("0"))


def test_a_budget_period_is_at_most_a_year():
    budget = BudgetFactory.build(
        programme=ProgrammeFactory(), period_start=datetime.date(2010, 1, 1), period_end=datetime.date(2011, 6, 30)
    )
    with pytest.raises(ValidationError) as error:
        budget.full_clean()
    assert "at most one year" in error.value.message_dict["period_end"][0]


def test_a_funder_with_grants_cannot_be_deleted():
    grant = GrantFactory()
    with pytest.raises(ProtectedError):
        grant.funder.delete()
