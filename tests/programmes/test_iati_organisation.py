"""IOM's IATI organisation file: valid, and saying only what is known (budgets once staff enter them)."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from lxml import etree

from partners.models import Organisation
from programmes.models import Country
from tests import iati as check
from tests.factories import DocumentFactory, OrganisationBudgetFactory

pytestmark = pytest.mark.django_db
FILE = "/iati/organisation.xml"


def organisation_file(client) -> etree._Element:
    xml = client.get(FILE).content
    assert check.validate_schema(xml) == []
    assert check.check_codelists(xml) == []
    assert check.check_organisation_rules(xml) == []
    return etree.fromstring(xml).find("iati-organisation")


def test_the_file_names_iom_in_three_languages_links_the_brochure_and_has_no_budget_until_one_is_entered(client):
    organisation = organisation_file(client)
    assert organisation.findtext("organisation-identifier") == "XM-DAC-47066"
    assert [n.text for n in organisation.find("name")] == [
        "International Organization for Migration",
        "Organización Internacional para las Migraciones",
        "Organisation internationale pour les migrations",
    ]
    assert not organisation.xpath("total-budget | recipient-country-budget")
    [brochure] = organisation.findall("document-link")
    assert brochure.find("category").get("code") == "B03"
    assert brochure.find("document-date") is None  # October 2002: known to the month only
    about = client.get("/about/data/").content.decode()
    assert FILE in about and "so the organisation file has none until staff enter one" in about


def test_budgets_staff_enter_and_ioms_own_documents_are_in_the_file(client):
    OrganisationBudgetFactory(recipient_country=Country.objects.get(code="HT"), status="2")
    OrganisationBudgetFactory()
    iom = Organisation.objects.get(iati_identifier="XM-DAC-47066")
    DocumentFactory(programme=None, organisation=iom, title="Annual report 2002", category="B01")

    organisation = organisation_file(client)
    assert [budget.tag for budget in organisation.xpath("total-budget | recipient-country-budget")] == [
        "total-budget",
        "recipient-country-budget",
    ]
    assert organisation.find("recipient-country-budget/recipient-country").get("code") == "HT"
    assert organisation.find("total-budget/value").get("currency") == "USD"
    assert len(organisation.findall("document-link")) == 2
    assert "until staff enter one" not in client.get("/about/data/").content.decode()


def test_a_budget_period_longer_than_a_year_is_refused():
    budget = OrganisationBudgetFactory.build(
        period_start=datetime.date(2010, 1, 1), period_end=datetime.date(2011, 6, 30)
    )
    with pytest.raises(ValidationError, match="at most one year"):
        budget.full_clean()
