"""Importing IATI 2.03 activities files: what a file creates, re-imports that update and never
duplicate, files rejected whole (bad activities, hostile or broken XML), the admin upload and the command."""

from __future__ import annotations

import datetime
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from lxml import etree
from pytest_django.asserts import assertContains, assertNotContains

from funding.models import Budget, Grant, Transaction
from iati import reader, safe_xml
from iati.import_report import ImportReport
from iati.importer import iati_file_import
from partners.models import Organisation, Participation
from programmes.models import (
    Country,
    Indicator,
    Location,
    Programme,
    ProgrammeCountry,
    ProjectType,
    RelatedActivity,
    Result,
    ThematicArea,
)
from tests.factories import DimensionFactory, PeriodFactory, ProgrammeFactory, UserFactory
from tests.helpers.admin_forms import admin_url
from tests.helpers.iati_files import DATA, activity, activity_file, sample

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/funding/grant/import-iati/"
CENTRES, KINGSTON = "XM-DAC-47066-IMP-0001", "XM-DAC-47066-labour-migration-centres-kingston"
MODELS = [Programme, Organisation, Participation, Grant, Transaction, ProgrammeCountry, Budget, Result, ProjectType]


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def imported(data: bytes, **kwargs) -> ImportReport:
    report = iati_file_import(source=data, **kwargs)
    assert report.ok, report.lines()
    return report


def test_the_sample_files_are_valid_iati_2_03_bar_the_deliberate_mistake() -> None:
    iati = pytest.importorskip("tests.iati")  # checks against ../shared/iati-2.03, by the exporter's tests
    if not iati.IATI_DIR.exists():
        pytest.skip("../shared/iati-2.03 is not beside the project")
    good, bad = sample(), sample("one_bad_activity.xml")

    assert (iati.validate_schema(good), iati.check_codelists(good), iati.check_rules(good)) == ([], [], [])
    assert iati.validate_schema(bad) == iati.check_rules(bad) == []
    assert iati.check_codelists(bad) == ["//iati-activity/recipient-country/@code: “ZZ” is not an active Country code"]


def test_importing_the_sample_creates_programmes_with_their_fields() -> None:
    report = imported(sample())

    centres = Programme.objects.get(code="IMP-0001")
    assert centres.title == "Labour Migration Information Centres"  # the English narrative, not the French
    assert centres.slug == "labour-migration-information-centres"
    assert centres.description == (
        "Centres that advise would-be migrants on safe, regular routes.\nSecond paragraph of the description."
    )
    assert (centres.status, centres.coverage, centres.dac_sector) == ("ongoing", "regional", "16020")
    assert (centres.start_date, centres.start_precision) == (datetime.date(2003, 1, 1), "year")
    assert (centres.end_date, centres.end_precision) == (datetime.date(2005, 6, 30), "day")
    assert centres.project_type == ProjectType.objects.get(slug="labour-migration", name="Labour migration")
    assert not centres.is_published  # an editor reviews imported programmes before the public sees them
    assert {(link.country.code, link.percentage, link.role) for link in centres.country_links.all()} == {
        ("JM", Decimal("60"), "benefiting"),
        ("DO", Decimal("40"), "benefiting"),
    }
    assert list(centres.results.values_list("title", flat=True)) == ["Two information centres opened"]
    budget = centres.budgets.get()
    assert (budget.period_start, budget.period_end, budget.amount, budget.currency, budget.status) == (
        datetime.date(2003, 1, 1),
        datetime.date(2003, 12, 31),
        Decimal("150000.00"),
        "USD",
        "2",
    )

    kingston = Programme.objects.get(slug="labour-migration-centres-kingston")
    assert (kingston.code, kingston.parent, kingston.status, kingston.coverage) == ("", centres, "pipeline", "national")
    assert (kingston.start_date, kingston.start_precision) == (datetime.date(2004, 10, 1), "month")
    assert report.created["programme"] == 2
    assert "New programmes are saved unpublished" in " ".join(report.notes)


def test_importing_the_sample_matches_known_organisations_and_adds_the_others() -> None:
    ilo = Organisation.objects.get(iati_identifier="XM-DAC-41302")
    canada = Organisation.objects.get(name="Government of Canada")
    organisations_before = Organisation.objects.count()

    report = imported(sample())

    assert Organisation.objects.count() == organisations_before + 2
    ministry = Organisation.objects.get(name="Ministry of Labour of Atlantis")
    help_desk = Organisation.objects.get(name="Migrant Workers Help Desk")
    assert (ministry.type, ministry.slug, help_desk.type) == ("10", "ministry-of-labour-of-atlantis", "22")
    centres = Programme.objects.get(code="IMP-0001")
    assert {(p.organisation.slug, p.role) for p in centres.participations.all()} == {
        ("iom", "2"),
        (help_desk.slug, "4"),
    }
    # Funders (role 1) are grants, with no amount: IATI carries transactions, not grant amounts.
    grants = {grant.funder: grant for grant in centres.grants.all()}
    assert set(grants) == {ilo, ministry}
    assert all(grant.amount is None for grant in grants.values())
    assert Grant.objects.get(programme__slug="labour-migration-centres-kingston").funder == canada
    # No amount, so no currency either: the file's default currency is the transactions', not the grant's.
    assert Grant.objects.get(programme__slug="labour-migration-centres-kingston").currency == ""
    assert "3 new grants have no amount" in " ".join(report.notes)
    transactions = sorted((t.type, t.date, t.amount, t.currency, t.description) for t in grants[ilo].transactions.all())
    assert transactions == [
        ("2", datetime.date(2003, 2, 15), Decimal("120000.00"), "USD", "First commitment"),
        ("3", datetime.date(2003, 3, 1), Decimal("60000.50"), "USD", ""),  # two equal disbursements are two
        ("3", datetime.date(2003, 3, 1), Decimal("60000.50"), "USD", ""),
    ]


@pytest.mark.both_engines
def test_a_reimport_changes_nothing_and_duplicates_nothing() -> None:
    imported(sample())
    before = counts()

    report = imported(sample())

    assert counts() == before
    assert not report.created and not report.updated
    assert "No change" in "\n".join(report.lines())


def test_a_reimport_applies_the_files_changes() -> None:
    imported(sample())
    before = counts()
    changed = (
        sample()
        .replace(b"Labour Migration Information Centres", b"Labour Migration Centres")
        .replace(b'<activity-status code="2"/>', b'<activity-status code="3"/>')
        .replace(b'code="JM" percentage="60"', b'code="JM" percentage="70"')
        .replace(b"150000.00", b"175000.00")
        .replace(b'<value currency="USD" value-date="2003-02-15">120000</value>', b"<value>130000</value>")
    )

    report = imported(changed)

    centres = Programme.objects.get(code="IMP-0001")
    assert (centres.title, centres.status) == ("Labour Migration Centres", "completed")
    assert centres.slug == "labour-migration-information-centres"  # links keep working
    assert centres.country_links.get(country__code="JM").percentage == Decimal("70")
    assert centres.budgets.get().amount == Decimal("175000.00")
    # A transaction is known by its type, date, amount and currency: a new amount is a new transaction.
    assert counts() == before | {"Transaction": before["Transaction"] + 1}
    assert report.updated["programme"] == 1 and report.updated["budget"] == 1


def test_a_reimport_keeps_what_iati_does_not_carry() -> None:
    imported(sample())
    centres = Programme.objects.get(code="IMP-0001")
    area = ThematicArea.objects.first()
    centres.thematic_areas.add(area)
    centres.is_published = True
    centres.save()
    grant = centres.grants.get(funder__iati_identifier="XM-DAC-41302")
    grant.amount, grant.currency, grant.purpose = Decimal("250000"), "USD", "the two centres"
    grant.save()

    imported(sample())

    centres.refresh_from_db()
    grant.refresh_from_db()
    assert list(centres.thematic_areas.all()) == [area]
    assert centres.is_published
    assert (grant.amount, grant.purpose) == (Decimal("250000.00"), "the two centres")


def test_existing_seed_programmes_are_matched_by_code_and_by_slug() -> None:
    seminar = Programme.objects.get(code="T81-805")
    trafficking = Programme.objects.get(slug="counter-trafficking-dominican-republic")
    areas = set(seminar.thematic_areas.all())
    data = activity_file(
        activity("XM-DAC-47066-T81-805", code="T81-805", title="The Caribbean seminar"),
        activity(
            "XM-DAC-47066-counter-trafficking-dominican-republic", title="Counter-trafficking", start="2000-01-01"
        ),
    )
    before = Programme.objects.count()

    imported(data)

    assert Programme.objects.count() == before
    seminar.refresh_from_db()
    assert seminar.title == "The Caribbean seminar"
    assert set(seminar.thematic_areas.all()) == areas
    trafficking.refresh_from_db()
    assert trafficking.title == "Counter-trafficking"
    # IATI dates are whole days: an unchanged date keeps the precision the sources state.
    assert (trafficking.start_date, trafficking.start_precision) == (datetime.date(2000, 1, 1), "year")


def test_a_file_from_before_a_programme_had_a_code_keeps_the_code() -> None:
    programme = ProgrammeFactory(slug="new-centre", code="NC-0001")

    imported(activity_file(activity("XM-DAC-47066-new-centre", title="New centre")))

    programme.refresh_from_db()
    assert (programme.title, programme.code) == ("New centre", "NC-0001")


def test_import_records_who_imported_in_the_history(superuser) -> None:
    iati_file_import(source=sample(), user=superuser)

    record = Programme.objects.get(code="IMP-0001").history.first()
    assert (record.history_user, record.history_change_reason) == (superuser, "IATI import")


def test_a_dry_run_reports_and_saves_nothing() -> None:
    before = counts()

    report = iati_file_import(source=sample(), dry_run=True)

    assert report.ok and not report.saved
    assert counts() == before
    assert report.summary == "Dry run: all 2 activities can be imported. Nothing was saved."
    assert "Programmes: 2 would be created, 0 would be updated" in report.lines()[1]


def test_progress_is_reported_per_activity() -> None:
    calls = []

    iati_file_import(source=sample(), progress=lambda done, total: calls.append((done, total)))

    assert calls == [(1, 2), (2, 2)]


# Bad activities: the whole file is rejected, and each rejected activity says why.


@pytest.mark.both_engines
def test_one_bad_activity_among_good_ones_rejects_the_whole_file() -> None:
    before = counts()

    report = iati_file_import(source=sample("one_bad_activity.xml"))

    assert counts() == before
    assert not Programme.objects.filter(code__in=["GOOD-0001", "GOOD-0003"]).exists()
    assert not Organisation.objects.filter(name="A Good Foundation").exists()
    assert not report.ok
    assert [(r.identifier, r.line) for r in report.rejected] == [("XM-DAC-47066-BAD-0002", 22)]
    assert "recipient-country 'ZZ' is not a country the portal knows" in report.rejected[0].reason
    assert report.summary.startswith("Nothing was imported: 1 of 3 activities was rejected.")
    assert not Country.objects.filter(code="ZZ").exists()  # unknown countries are never made up


PROBLEMS = [
    ("reporting_org", "IOM", "is reported by 'GB-GOV-1', not by IOM (XM-DAC-47066)"),
    ("bad_identifier", "IOM", "does not start with XM-DAC-47066-"),
    ("status", "6", "activity-status '6' has no equivalent in the portal"),
    ("scope", "1", "activity-scope '1' is neither 4 (national) nor 2 (regional)"),
    ("transaction_type", "1", "transaction-type '1'; the portal records 2 (commitment)"),
    ("amount", "-5", "has the value -5; the portal records only amounts greater than zero"),
    ("amount", "lots", "has the value 'lots', which is not a number"),
    ("date", "28/05/2001", "has the date '28/05/2001', which is not a date like 2001-05-28"),
    ("currency", "", "has no currency (neither its own nor the activity's default-currency)"),
    ("no_title", "", "it has no title"),
    ("role", "7", "has the role '7', not 1-4"),
    ("org_type", "99", "has the organisation type 99, which is not an IATI code"),
    ("dates", "reversed", "it ends (2001-01-01) before it starts (2002-01-01)"),
]


@pytest.mark.parametrize(("problem", "value", "reason"), PROBLEMS)
def test_each_kind_of_bad_activity_is_rejected_with_its_reason(problem: str, value: str, reason: str) -> None:
    good = activity("XM-DAC-47066-GOOD-0001", code="GOOD-0001", title="Good")
    bad = activity("XM-DAC-47066-BAD-0001", code="BAD-0001", title="Bad", **{problem: value})
    before = counts()

    report = iati_file_import(source=activity_file(good, bad))

    assert counts() == before
    assert [r.identifier for r in report.rejected] == [
        "XM-DAC-47066-BAD-0001" if problem != "bad_identifier" else "IOM"
    ]
    assert reason in report.rejected[0].reason


def test_every_rejected_activity_is_listed_not_only_the_first() -> None:
    data = activity_file(
        activity("XM-DAC-47066-BAD-0001", code="BAD-0001", title="Bad", status="6"),
        activity("XM-DAC-47066-OK-0001", code="OK-0001", title="Fine"),
        activity("XM-DAC-47066-BAD-0002", code="BAD-0002", title="Bad too", country="ZZ", amount="0"),
        activity("XM-DAC-47066-BAD-0001", code="BAD-0001", title="Bad again"),
    )

    report = iati_file_import(source=data)

    assert [r.identifier for r in report.rejected] == [
        "XM-DAC-47066-BAD-0001",
        "XM-DAC-47066-BAD-0002",
        "XM-DAC-47066-BAD-0001",
    ]
    assert "amounts greater than zero" in report.rejected[1].reason
    assert "appears twice in the file" in report.rejected[2].reason
    assert not Programme.objects.filter(code="OK-0001").exists()


def test_an_organisation_whose_ref_differs_from_the_portals_is_rejected() -> None:
    data = activity_file(activity("XM-DAC-47066-X-1", code="X-1", title="X", funder=("XM-DAC-99999", "UNHCR-like")))
    data = data.replace(b"UNHCR-like", b"Office of the United Nations High Commissioner for Refugees")

    report = iati_file_import(source=data)

    assert "has the IATI identifier XM-DAC-41121 in the portal, but XM-DAC-99999 in the file" in (
        report.rejected[0].reason
    )


def test_two_activities_for_one_programme_are_rejected() -> None:
    data = activity_file(
        activity("XM-DAC-47066-T81-805", code="T81-805", title="The seminar"),
        activity("XM-DAC-47066-the-seminar-again", code="T81-805", title="The seminar again"),
    )

    report = iati_file_import(source=data)

    assert [r.identifier for r in report.rejected] == ["XM-DAC-47066-the-seminar-again"]
    assert "is the same programme" in report.rejected[0].reason
    assert "as the activity XM-DAC-47066-T81-805 in this file" in report.rejected[0].reason


def test_a_missing_parent_is_rejected() -> None:
    report = iati_file_import(
        source=activity_file(activity("XM-DAC-47066-X-1", code="X-1", title="X", parent="XM-DAC-47066-NOPE"))
    )

    assert "its parent activity XM-DAC-47066-NOPE is neither in this file nor in the portal" in (
        report.rejected[0].reason
    )


# Broken and hostile files: a clear message, and nothing changed.


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("billion_laughs.xml", "declares a DOCTYPE or entities"),
        ("external_entity.xml", "declares a DOCTYPE or entities"),
        ("malformed.xml", "The file is not well-formed XML (line 5): Opening and ending tag mismatch"),
        ("wrong_root.xml", "its root element is <iati-organisations>, not <iati-activities>"),
    ],
)
def test_broken_and_hostile_files_are_refused_with_a_clear_message(name: str, message: str) -> None:
    before = counts()

    report = iati_file_import(source=DATA / name)

    assert counts() == before
    assert message in report.error
    assert report.summary.startswith("Nothing was imported.")
    assert not report.rejected and not report.created


@pytest.mark.parametrize("name", ["billion_laughs.xml", "external_entity.xml"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-be", "utf-32"])
def test_a_doctype_in_any_encoding_is_refused(name: str, encoding: str) -> None:
    text = sample(name).decode().replace('<?xml version="1.0"?>', f'<?xml version="1.0" encoding="{encoding}"?>')

    with pytest.raises(safe_xml.IatiFileError, match="declares a DOCTYPE or entities"):
        reader.parse_iati_file(text.encode(encoding))


@pytest.mark.parametrize("name", ["billion_laughs.xml", "external_entity.xml"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_the_parser_itself_expands_no_entity_and_reads_no_file(monkeypatch, name: str, encoding: str) -> None:
    # Defence in depth: with the byte search switched off, the parser still refuses the file.
    monkeypatch.setattr(safe_xml, "_refuse_dtd", lambda data: None)
    text = sample(name).decode().replace('<?xml version="1.0"?>', f'<?xml version="1.0" encoding="{encoding}"?>')

    with pytest.raises(safe_xml.IatiFileError, match="declares a DOCTYPE or entities") as refused:
        reader.parse_iati_file(text.encode(encoding))

    assert "root:" not in str(refused.value)


def test_an_entity_without_a_doctype_is_refused() -> None:
    data = activity_file(activity("XM-DAC-47066-X-1", code="X-1", title="&xxe;"))

    assert "entities" in iati_file_import(source=data).error


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty."),
        (b"   \n", "The file is empty."),
        (b"not xml at all", "not well-formed XML"),
        (b'<iati-activities version="1.05"><iati-activity/></iati-activities>', "IATI version 1.05"),
        (b'<iati-activities version="2.03"></iati-activities>', "contains no <iati-activity>"),
        (b'<x:iati-activities xmlns:x="urn:x"/>', "root element is <iati-activities> in a namespace"),
    ],
)
def test_files_that_are_not_iati_activities_are_refused(data: bytes, message: str) -> None:
    assert message in iati_file_import(source=data).error


def test_an_oversized_file_is_refused_before_it_is_parsed(settings) -> None:
    settings.IATI_IMPORT_MAX_BYTES = 1024
    before = counts()

    report = iati_file_import(source=DATA / "sample.xml")

    assert counts() == before
    assert report.error.startswith("The file is 4.")
    assert report.error.endswith("KB; the largest file the portal imports is 1.0\xa0KB.")


# The admin upload.


def upload(data: bytes, name: str = "activities.xml") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="text/xml")


def test_a_superuser_imports_a_file_in_the_admin_and_sees_the_report(admin_client: Client, superuser) -> None:
    response = admin_client.post(IMPORT_URL, {"file": upload(sample())})

    assert response.status_code == 200
    assertContains(response, "Imported 2 activities.")
    assertContains(response, "Programmes: 2 created, 0 updated")
    assertContains(response, "3 new grants have no amount")
    centres = Programme.objects.get(code="IMP-0001")
    assert centres.history.first().history_user == superuser


def test_a_dry_run_in_the_admin_saves_nothing(admin_client: Client) -> None:
    response = admin_client.post(IMPORT_URL, {"file": upload(sample()), "dry_run": "on"})

    assertContains(response, "Dry run: all 2 activities can be imported. Nothing was saved.")
    assertContains(response, "Programmes: 2 would be created")
    assert not Programme.objects.filter(code="IMP-0001").exists()


def test_a_rejected_file_in_the_admin_lists_each_rejected_activity(admin_client: Client) -> None:
    before = counts()

    response = admin_client.post(IMPORT_URL, {"file": upload(sample("one_bad_activity.xml"))})

    assertContains(response, "Nothing was imported: 1 of 3 activities was rejected.", status_code=400)
    assertContains(response, "<td>XM-DAC-47066-BAD-0002</td><td>22</td>", status_code=400, html=True)
    assertContains(response, "recipient-country &#x27;ZZ&#x27; is not a country the portal knows", status_code=400)
    assert counts() == before


@pytest.mark.parametrize("name", ["billion_laughs.xml", "external_entity.xml", "malformed.xml", "wrong_root.xml"])
def test_a_hostile_or_broken_upload_is_a_form_error(admin_client: Client, name: str) -> None:
    before = counts()

    response = admin_client.post(IMPORT_URL, {"file": upload(sample(name))})

    assertContains(response, "Nothing was imported.", status_code=400)
    assertContains(response, '<ul class="errorlist"', status_code=400)
    assertNotContains(response, "root:", status_code=400)
    assert counts() == before


def test_an_oversized_upload_is_a_form_error(admin_client: Client, settings) -> None:
    settings.IATI_IMPORT_MAX_BYTES = 1024

    response = admin_client.post(IMPORT_URL, {"file": upload(sample())})

    assertContains(response, "the largest file the portal imports is 1.0\xa0KB", status_code=400)
    assert not Programme.objects.filter(code="IMP-0001").exists()


def test_the_admin_form_asks_for_a_file(admin_client: Client) -> None:
    response = admin_client.post(IMPORT_URL, {})

    assertContains(response, "This field is required.", status_code=400)


@pytest.mark.parametrize("client_name", ["editor_client", "finance_client"])
def test_staff_without_both_add_rights_may_not_import(request, client_name: str) -> None:
    client = request.getfixturevalue(client_name)

    client.post(IMPORT_URL, {"file": upload(sample())})
    assert not Programme.objects.filter(code="IMP-0001").exists()
    assertNotContains(client.get(admin_url(Grant, "changelist")), "Import IATI file")


def test_staff_with_both_add_rights_may_import(client: Client) -> None:
    from django.contrib.auth.models import Permission

    user = UserFactory(is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=["add_programme", "add_grant", "view_grant"]))
    client.force_login(user)

    assertContains(client.get(admin_url(Grant, "changelist")), "Import IATI file")
    assertContains(client.get(IMPORT_URL), "IATI activities file")


def test_the_grant_list_links_to_the_import(admin_client: Client) -> None:
    response = admin_client.get(admin_url(Grant, "changelist"))

    assertContains(response, f'<a href="{IMPORT_URL}">Import IATI file</a>', html=True)


# The command.


def test_the_command_imports_a_file_and_prints_the_report(tmp_path: Path) -> None:
    path = tmp_path / "activities.xml"
    path.write_bytes(sample())
    out = StringIO()

    call_command("import_iati", str(path), stdout=out, stderr=StringIO())

    assert out.getvalue().splitlines()[:2] == ["Imported 2 activities.", "  Programmes: 2 created, 0 updated"]
    assert Programme.objects.filter(code="IMP-0001").exists()


def test_the_command_fails_on_a_rejected_file_and_says_why(tmp_path: Path) -> None:
    path = tmp_path / "activities.xml"
    path.write_bytes(sample("one_bad_activity.xml"))
    out = StringIO()

    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_iati", str(path), stdout=out, stderr=StringIO())

    assert "Rejected XM-DAC-47066-BAD-0002 (line 22): its recipient-country 'ZZ'" in out.getvalue()
    assert not Programme.objects.filter(code="GOOD-0001").exists()


def test_the_command_dry_run_saves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "activities.xml"
    path.write_bytes(sample())
    out = StringIO()

    call_command("import_iati", str(path), "--dry-run", stdout=out, stderr=StringIO())

    assert "Dry run" in out.getvalue()
    assert not Programme.objects.filter(code="IMP-0001").exists()


def test_the_command_shows_a_progress_bar_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "activities.xml"
    path.write_bytes(sample())
    err = StringIO()

    call_command("import_iati", str(path), "--progress", stdout=StringIO(), stderr=err)

    assert "Activities:" in err.getvalue() and "/2 [" in err.getvalue()


def test_the_command_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="There is no file"):
        call_command("import_iati", str(tmp_path / "nope.xml"))


def test_the_command_refuses_hostile_xml(tmp_path: Path) -> None:
    out = StringIO()

    with pytest.raises(CommandError):
        call_command("import_iati", str(DATA / "billion_laughs.xml"), stdout=out)

    assert "declares a DOCTYPE or entities" in out.getvalue()


# Round trip: what the portal exports (iati.writer), imported into an empty database, is the same records.


def iati_view_of_the_records() -> dict[str, dict]:
    """Every programme as IATI can carry it, keyed by its activity identifier."""
    from iati.activity import activity_identifier, description_text, participating_orgs
    from iati.codelists import COUNTRY_CODES
    from iati.related import exported_links

    view = {}
    programmes = Programme.objects.select_related("project_type", "parent").prefetch_related(
        "country_links__country",
        "results__indicators__periods__dimensions",
        "budgets",
        "participations__organisation",
        "grants__funder",
        "grants__transactions",
        "locations__country",
        "related_activities__related_programme",
    )
    for programme in programmes:
        funders = {grant.funder for grant in programme.grants.all()}
        funders |= {p.organisation for p in programme.participations.all() if p.role == Participation.Role.FUNDING}
        view[activity_identifier(programme)] = {
            "title": programme.title,
            "code": programme.code,
            "text": description_text(programme),
            "status": programme.status,
            # An estimated coverage is left out of IATI, which has no way to mark it.
            "coverage": "" if programme.coverage_estimate else programme.coverage,
            "dates": (programme.start_date, programme.end_date),
            "dac_sector": programme.dac_sector,
            "currency": programme.budget_currency,
            "total_budget": programme.budget_amount,
            "project_type": programme.project_type and (programme.project_type.slug, programme.project_type.name),
            "parent": programme.parent and activity_identifier(programme.parent),
            "countries": sorted(
                (link.country.code, link.percentage)
                for link in programme.country_links.all()
                if link.role == ProgrammeCountry.Role.BENEFITING and link.country.code in COUNTRY_CODES
            ),
            "results": results_view(programme),
            "budgets": sorted(
                (b.period_start, b.period_end, b.amount, b.currency, b.status) for b in programme.budgets.all()
            ),
            # As IATI sees them: a role-1 participation and a grant's funder are both "funding"; with
            # none recorded, IOM is accountable.
            "organisations": sorted((o.name, o.type, o.ref, o.role) for o in participating_orgs(programme)),
            "funders": sorted((o.name, o.type, o.iati_identifier) for o in funders),
            "transactions": sorted(
                (grant.funder.name, t.type, t.date, t.amount, t.currency, t.description)
                for grant in programme.grants.all()
                for t in grant.transactions.all()
            ),
            "locations": sorted(
                (
                    *(place.name, place.name_es or "", place.description, place.latitude, place.longitude),
                    *(place.country and place.country.code, place.reach, place.exactness, place.location_class),
                    *(place.feature_designation, place.admin_vocabulary, place.admin_level, place.admin_code),
                )
                for place in programme.locations.all()
            ),
            # As IATI carries them: an IATI type and an identifier (a follow-up, or no identifier, is not carried).
            "related": sorted(exported_links(programme)),
        }
    return view


def flush_programmes_partners_and_funding() -> None:
    """Delete every programme, organisation and grant (and what hangs off them), in an order PROTECT allows."""
    from funding.models import DonorAccount, PlannedDisbursement
    from partners.models import Agreement, OverviewPartner
    from programmes.models import OverviewEntry

    for model in [
        Transaction,
        PlannedDisbursement,
        Grant,
        Budget,
        DonorAccount,
        OverviewEntry,
        OverviewPartner,
        Agreement,
        Participation,
    ]:
        model.objects.all().delete()
    while Programme.objects.exists():  # phases before the programmes they belong to
        Programme.objects.exclude(pk__in=Programme.objects.filter(parent__isnull=False).values("parent")).delete()
    ProjectType.objects.all().delete()
    Organisation.objects.update(parent=None)  # departments before the bodies they are part of
    Organisation.objects.all().delete()


@pytest.mark.both_engines
def test_export_then_import_into_an_empty_database_reproduces_the_records() -> None:
    iati = pytest.importorskip("iati.writer")
    # Money the seed lacks, so that the round trip carries transactions, budgets and percentages too.
    grant = Grant.objects.get(programme__slug="counter-trafficking-dominican-republic-phase-two")
    Transaction.objects.create(
        grant=grant, type="2", date=datetime.date(2002, 9, 1), amount=Decimal("250000"), currency="USD"
    )
    Transaction.objects.create(
        grant=grant,
        type="3",
        date=datetime.date(2002, 10, 1),
        amount=Decimal("125000.50"),
        currency="USD",
        description="First tranche",
    )
    seminar = Programme.objects.get(code="T81-805")
    # The seminar's total budget goes out as its one IATI budget and comes back as the total; a
    # budget per period, as one.
    Budget.objects.create(
        programme=Programme.objects.get(slug="hiv-aids-and-mobile-populations"),
        period_start=datetime.date(2002, 11, 1),
        period_end=datetime.date(2002, 12, 31),
        amount=Decimal("80000"),
        currency="USD",
        status="2",
    )
    # A results framework of every kind: measured with a baseline and breakdowns, a percentage, qualitative.
    seminar.results.update(type=Result.Type.OUTCOME)
    trained = PeriodFactory(
        indicator__result=seminar.results.first(),
        indicator__title="Officials trained",
        indicator__unit_label="officials",
        indicator__baseline_year=2000,
        indicator__baseline_value=Decimal("0"),
        indicator__baseline_comment="None before the seminar",
        start=datetime.date(2001, 5, 28),
        end=datetime.date(2001, 6, 1),
        target_value=Decimal("40"),
        actual_value=Decimal("36"),
        actual_comment="Four could not travel",
    )
    DimensionFactory(period=trained, of="actual", name="country", value="JM")
    PeriodFactory(
        indicator__result__programme=seminar,
        indicator__result__type=Result.Type.OUTPUT,
        indicator__result__aggregation_status=False,
        indicator__measure=Indicator.Measure.PERCENTAGE,
        indicator__ascending=False,
        target_value=Decimal("12.5"),
    )
    PeriodFactory(
        indicator__result=seminar.results.last(),
        indicator__measure=Indicator.Measure.QUALITATIVE,
        indicator__baseline_year=2000,
        indicator__baseline_comment="No regional plan",
        target_comment="A regional plan",
        actual_comment="A work plan agreed",
    )
    # A located place with every IATI field, one named only, and links of each kind the file carries.
    Location.objects.create(
        programme=seminar, name="Kingston", name_es="Kingston (es)", description="The venue's city, as an example",
        latitude=Decimal("17.971200"), longitude=Decimal("-76.792800"), country=Country.objects.get(code="JM"),
        reach="1", exactness="2", location_class="2", feature_designation="PPLC",
        admin_vocabulary="G1", admin_level=1, admin_code="3489297", order=1,
    )  # fmt: skip
    Location.objects.create(programme=seminar, name="A hall the source names", order=2)
    from iati.activity import unwritable

    sibling = next(p for p in Programme.objects.published().exclude(pk=seminar.pk) if not unwritable(p))
    RelatedActivity.objects.create(programme=seminar, relation="3", related_programme=sibling)
    RelatedActivity.objects.create(
        programme=seminar, relation="4", iati_identifier="XM-EXAMPLE-1", title="XM-EXAMPLE-1"
    )
    seminar.country_links.filter(country__code="BZ").update(percentage=50)
    seminar.country_links.filter(country__code__in=["DO", "HT"]).update(percentage=25)
    before = {key: value for key, value in iati_view_of_the_records().items() if key in published_identifiers()}
    exported = b"".join(iati.iter_activities_xml(include_unwritable=True))
    seminar_identifier = "XM-DAC-47066-T81-805"
    published_file = b"".join(iati.iter_activities_xml())
    assert not check_schema(published_file) and not check_codelists(published_file)

    flush_programmes_partners_and_funding()
    assert not Programme.objects.exists() and not Organisation.objects.exists()
    report = iati_file_import(source=exported)

    assert report.ok, report.lines()
    assert report.created["programme"] == len(before)
    after = iati_view_of_the_records()
    assert after.keys() == before.keys()
    for identifier, record in before.items():
        assert after[identifier] == record, identifier
    assert len(before[seminar_identifier]["locations"]) == 2 and len(before[seminar_identifier]["related"]) == 2
    # Imported programmes wait unpublished for review; once published, they export as the same activities.
    Programme.objects.update(is_published=True)
    again = b"".join(iati.iter_activities_xml(include_unwritable=True))
    assert without_timestamps(again) == without_timestamps(exported)


def results_view(programme: Programme) -> list[tuple]:
    """The results IATI carries (those with a type and an indicator), all but the unit labels it has no place for."""
    from iati.results import written_results

    def period(p) -> tuple:
        breakdowns = sorted((d.of, d.name, d.value) for d in p.dimensions.all())
        return (p.start, p.end, p.target_value, p.target_comment, p.actual_value, p.actual_comment, breakdowns)

    return sorted(
        (
            r.type,
            r.title,
            r.description,
            r.aggregation_status,
            [
                (i.title, i.measure, i.ascending, i.baseline_year, i.baseline_value, i.baseline_comment, periods)
                for i in r.indicators.all()
                for periods in [[period(p) for p in i.periods.all()]]
            ],
        )
        for r in written_results(programme)
    )


def check_schema(data: bytes) -> list[str]:
    return pytest.importorskip("tests.iati").validate_schema(data)


def check_codelists(data: bytes) -> list[str]:
    return pytest.importorskip("tests.iati").check_codelists(data)


def published_identifiers() -> set[str]:
    from iati.activity import activity_identifier

    return {activity_identifier(programme) for programme in Programme.objects.published()}


def without_timestamps(data: bytes) -> list[str]:
    root = etree.fromstring(data)
    for element in root.iter():
        for name in ("generated-datetime", "last-updated-datetime"):
            element.attrib.pop(name, None)
        element.tail = None
    return sorted(etree.tostring(activity, encoding="unicode") for activity in root)


def test_importing_the_portals_own_export_changes_nothing() -> None:
    iati = pytest.importorskip("iati.writer")
    exported = b"".join(iati.iter_activities_xml(include_unwritable=True))
    before = counts()

    report = imported(exported)

    assert counts() == before
    assert not report.created and not report.updated


# Every refused file, through both doors (the command and the admin upload): a clear message, and
# the database exactly as it was, history included (any save would have left a history row).

DOCTYPE_ONLY = b'<?xml version="1.0"?>\n<!DOCTYPE iati-activities>\n<iati-activities version="2.03"/>\n'
REFUSED = [
    ("billion_laughs.xml", None, "declares a DOCTYPE or entities"),
    ("external_entity.xml", None, "declares a DOCTYPE or entities"),
    ("doctype.xml", DOCTYPE_ONLY, "declares a DOCTYPE or entities"),
    ("malformed.xml", None, "not well-formed XML"),
    ("wrong_root.xml", None, "This is not an IATI activities file: its root element is"),
    ("oversized.xml", None, "the largest file the portal imports is 1.0\xa0KB"),
]


def database_state() -> dict[str, int]:
    return counts() | {f"history of {model.__name__}": model.history.count() for model in MODELS}


def refused_file(name: str, data: bytes | None, settings) -> bytes:
    if name == "oversized.xml":
        settings.IATI_IMPORT_MAX_BYTES = 1024
        return sample()  # a good file, only too big
    return data if data is not None else sample(name)


@pytest.mark.parametrize(("name", "data", "message"), REFUSED, ids=[name for name, _, _ in REFUSED])
def test_the_command_refuses_each_hostile_or_broken_file_and_changes_nothing(
    tmp_path: Path, settings, name: str, data: bytes | None, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(refused_file(name, data, settings))
    before, out = database_state(), StringIO()

    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_iati", str(path), stdout=out, stderr=StringIO())

    assert message in out.getvalue()
    assert "root:" not in out.getvalue() and "/etc/passwd" not in out.getvalue()
    assert database_state() == before


@pytest.mark.both_engines
@pytest.mark.parametrize(("name", "data", "message"), REFUSED, ids=[name for name, _, _ in REFUSED])
def test_the_admin_upload_refuses_each_hostile_or_broken_file_and_changes_nothing(
    admin_client: Client, settings, name: str, data: bytes | None, message: str
) -> None:
    content = refused_file(name, data, settings)
    before = database_state()

    response = admin_client.post(IMPORT_URL, {"file": upload(content, name)})

    assertContains(response, message, status_code=400)
    assertContains(response, '<ul class="errorlist"', status_code=400)
    assertNotContains(response, "root:", status_code=400)
    assert database_state() == before


@pytest.mark.parametrize(("name", "data", "message"), REFUSED, ids=[name for name, _, _ in REFUSED])
def test_a_dry_run_of_a_refused_file_changes_nothing_either(
    tmp_path: Path, settings, name: str, data: bytes | None, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(refused_file(name, data, settings))
    before, out = database_state(), StringIO()

    with pytest.raises(CommandError):
        call_command("import_iati", str(path), "--dry-run", stdout=out, stderr=StringIO())

    assert message in out.getvalue()
    assert database_state() == before


# Admin edits an import replaces: the report says so (the admin's side is tests/test_edit_conflicts.py).


def edited_in_the_admin(client: Client, programme: Programme, **changes: str) -> None:
    from tests.helpers.admin_forms import form_data

    url = admin_url(Programme, "change", programme.pk)
    response = client.post(url, form_data(client.get(url)) | changes)
    assert response.status_code == 302


@pytest.mark.both_engines
def test_a_reimport_over_edits_made_in_the_admin_since_the_last_import_lists_them(editor_client: Client) -> None:
    imported(sample())
    centres = Programme.objects.get(code="IMP-0001")
    edited_in_the_admin(editor_client, centres, title_en="Labour migration centres", acronym="LMC")

    report = imported(sample())

    centres.refresh_from_db()
    assert (centres.title, centres.acronym) == ("Labour Migration Information Centres", "LMC")
    assert [(edit.identifier, edit.fields, edit.by) for edit in report.replaced] == [(CENTRES, ["title"], ["editor"])]
    assert (
        f"  Replaced edits made in the admin since the last import: {CENTRES}: the programme "
        "“Labour Migration Information Centres (IMP-0001)”: title (edited by editor)"
    ) in report.lines()
    assert not imported(sample()).replaced  # replaced once: the import is now the last word


def test_edits_of_what_the_file_does_not_carry_or_by_scripts_are_not_reported(editor_client: Client) -> None:
    imported(sample())
    centres = Programme.objects.get(code="IMP-0001")
    edited_in_the_admin(editor_client, centres, acronym="LMC")
    kingston = Programme.objects.get(slug="labour-migration-centres-kingston")
    kingston.title = "Changed by a script"  # no user: not an edit made in the admin
    kingston.save()

    report = imported(sample())

    assert report.replaced == []
    assert Programme.objects.get(pk=kingston.pk).title != "Changed by a script"


def test_a_first_import_over_a_programme_made_in_the_admin_reports_the_values_it_replaces(admin_client: Client) -> None:
    programme = ProgrammeFactory(slug="new-centre", code="NC-0001", title="New centre")
    edited_in_the_admin(admin_client, programme, title_en="The new centre", status="pipeline")

    report = imported(activity_file(activity("XM-DAC-47066-new-centre", title="New centre", status="2")))

    [edit] = report.replaced
    assert (edit.identifier, edit.fields, edit.by) == ("XM-DAC-47066-new-centre", ["title", "status"], ["admin"])


def test_the_admin_upload_shows_the_edits_a_file_replaces_or_would_replace(admin_client: Client) -> None:
    imported(sample())
    edited_in_the_admin(admin_client, Programme.objects.get(code="IMP-0001"), title_en="Labour migration centres")

    dry_run = admin_client.post(IMPORT_URL, {"file": upload(sample()), "dry_run": "on"})
    assertContains(dry_run, "Edits made in the admin that the file would replace")
    assertContains(
        dry_run, f"{CENTRES}: the programme “Labour Migration Information Centres (IMP-0001)”: title (edited by admin)"
    )
    assert Programme.objects.get(code="IMP-0001").title == "Labour migration centres"

    response = admin_client.post(IMPORT_URL, {"file": upload(sample())})
    assertContains(response, "Edits made in the admin that the file replaced")
    assert Programme.objects.get(code="IMP-0001").title == "Labour Migration Information Centres"
