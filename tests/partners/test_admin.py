"""The admin of organisations, their roles and agreements, as programme editors use it."""

from __future__ import annotations

import pytest
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains

from partners.models import Agreement, Organisation
from programmes.models import Overview, Programme
from tests.helpers.admin_forms import admin_url, form_data

pytestmark = pytest.mark.django_db

PROTECTED = "would require deleting the following protected related objects"


def test_deleting_an_organisation_with_grants_and_roles_explains_why_it_cannot(admin_client: Client) -> None:
    iom = Organisation.objects.get(slug="iom")
    url = admin_url(Organisation, "delete", iom.pk)

    page = admin_client.get(url)
    assertContains(page, PROTECTED)
    assertContains(page, "International Organization for Migration (IOM) → Program to Prevent and Combat Trafficking")
    assertContains(page, "International Organization for Migration (IOM) – Accountable – International Migration")

    assertContains(admin_client.post(url, {"post": "yes"}), PROTECTED)
    assert Organisation.objects.filter(pk=iom.pk).exists()


def test_an_editor_deleting_funders_in_bulk_is_told_they_are_protected(editor_client: Client) -> None:
    """Not that the editor may not delete grants: nobody may delete these organisations."""
    funders = Organisation.objects.filter(grants__isnull=False).distinct()
    selected = {"action": "delete_selected", "_selected_action": [org.pk for org in funders]}

    response = editor_client.post(admin_url(Organisation, "changelist"), selected)

    assertContains(response, PROTECTED)
    assertNotContains(response, "permission to delete")
    assert Organisation.objects.filter(pk__in=selected["_selected_action"]).count() == funders.count()


def test_an_editor_adds_an_organisation_with_its_role_in_a_programme(editor_client: Client, editor) -> None:
    seminar = Programme.objects.get(code="T81-805")
    data = form_data(editor_client.get(admin_url(Organisation, "add")))
    data |= {
        "name_en": "University of the West Indies",
        "acronym_en": "UWI",
        "slug": "uwi",
        "type": "80",
        "participations-TOTAL_FORMS": "1",
        "participations-0-programme": str(seminar.pk),
        "participations-0-role": "4",
        "participations-0-description_en": "hosted the seminar",
        "participations-0-order": "9",
    }

    response = editor_client.post(admin_url(Organisation, "add"), data, follow=True)

    assertContains(response, "was added successfully")
    uwi = Organisation.objects.get(slug="uwi")
    assert uwi.participations.get().programme == seminar
    assert uwi.history.get().history_user == editor
    assert uwi.participations.get().history.get().history_user == editor


def test_an_iati_identifier_already_in_use_is_refused_on_the_field(admin_client: Client) -> None:
    data = form_data(admin_client.get(admin_url(Organisation, "add")))
    data |= {"name_en": "IOM again", "slug": "iom-again", "type": "40", "iati_identifier": "XM-DAC-47066"}

    response = admin_client.post(admin_url(Organisation, "add"), data)

    assert response.context["adminform"].form.errors["iati_identifier"] == [
        "Organisation with this IATI organisation identifier already exists."
    ]
    assertContains(response, "Organisation with this IATI organisation identifier already exists.")
    assert not Organisation.objects.filter(slug="iom-again").exists()


def test_a_signing_date_must_match_its_precision(admin_client: Client) -> None:
    data = form_data(admin_client.get(admin_url(Agreement, "add")))
    data |= {
        "title_en": "IOM and UNFPA agreement",
        "organisations": [str(Organisation.objects.get(slug="unfpa").pk)],
        "signed_date": "2002-04-15",
        "signed_precision": "month",
    }

    response = admin_client.post(admin_url(Agreement, "add"), data)

    assertContains(response, "A date known only to the month must be stored as the 1st of that month.")
    assert not Agreement.objects.filter(title="IOM and UNFPA agreement").exists()


def test_the_programme_page_edits_its_partners(admin_client: Client) -> None:
    seminar = Programme.objects.get(code="T81-805")
    page = admin_client.get(admin_url(Programme, "change", seminar.pk))
    assertContains(page, 'name="participations-0-organisation"')
    assertContains(page, "International Migration Policy Programme (IMP)")


def test_the_overview_page_edits_the_partners_it_names(admin_client: Client) -> None:
    overview = Overview.objects.get(slug="iom-in-the-caribbean-2002")
    page = admin_client.get(admin_url(Overview, "change", overview.pk))
    assertContains(page, 'name="partner_mentions-0-organisation"')
    assertContains(page, "United Nations Population Fund (UNFPA)")


def test_the_organisation_list_counts_programmes_and_grants_and_filters_by_role(admin_client: Client) -> None:
    # The United States Government is in discussions on one programme, and funds another.
    response = admin_client.get(admin_url(Organisation, "changelist"), {"participations__role__exact": "d"})
    rows = {org.slug: (org.participation_count, org.grant_count) for org in response.context["cl"].result_list}
    us = Organisation.objects.get(slug="united-states-government")
    assert rows["united-states-government"] == (us.participations.count(), us.grants.count()) == (1, 1)
    assert "flacso" not in rows  # implements
