"""Organisations within others: no loops, two levels of departments at most."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_an_organisation_cannot_be_part_of_itself_or_of_its_own_department() -> None:
    body = OrganisationFactory()
    department = OrganisationFactory(parent=body)
    body.parent = department
    with pytest.raises(ValidationError, match="part of itself or of its own departments"):
        body.full_clean()
    department.parent = department
    with pytest.raises(ValidationError, match="part of itself"):
        department.full_clean()


def test_departments_go_two_levels_deep_at_most() -> None:
    government = OrganisationFactory()
    ministry = OrganisationFactory(parent=government)
    office = OrganisationFactory(parent=ministry)
    office.full_clean()  # a department of a department
    with pytest.raises(ValidationError, match="2 levels deep at most"):
        OrganisationFactory.build(parent=office, slug="too-deep", name="Too deep").full_clean()
    # Moving a body with departments below another would make it too deep as well.
    other = OrganisationFactory()
    government.parent = other
    with pytest.raises(ValidationError, match="2 levels deep at most"):
        government.full_clean()
