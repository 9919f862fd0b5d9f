"""The IATI export: every published programme IATI can take, valid against the schema, the
codelists and the rules, streamed with flat memory and a fixed number of queries per batch."""

from __future__ import annotations

import datetime
import tracemalloc
from decimal import Decimal

import pytest
from django.urls import reverse

from iati import activity, codelists, views, writer
from iomcaribbean.content_version import bump_content_version
from partners.models import Organisation, Participation
from programmes.models import Country, Indicator, Programme, ProgrammeCountry, Result
from tests import iati as check
from tests.factories import (
    BudgetFactory,
    CountryFactory,
    DimensionFactory,
    GrantFactory,
    IndicatorFactory,
    OrganisationFactory,
    ParticipationFactory,
    PeriodFactory,
    ProgrammeCountryFactory,
    ProgrammeFactory,
    ProjectTypeFactory,
    TransactionFactory,
)

pytestmark = pytest.mark.django_db

FEED = reverse("programmes:iati_activities")
TODAY = datetime.date.today()
SEMINAR = "XM-DAC-47066-T81-805"


def activity_url(programme: Programme) -> str:
    return reverse("programmes:iati_activity", kwargs={"slug": programme.slug})


def feed(client) -> bytes:
    response = client.get(FEED)
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def assert_valid(xml: bytes) -> None:
    assert check.validate_schema(xml) == []
    assert check.check_codelists(xml) == []
    assert check.check_rules(xml) == []


def codes(activity, path: str) -> list[str]:
    return activity.xpath(path)


# The seed programmes ---------------------------------------------------------------------------


def test_the_seed_feed_is_valid_against_the_schema_the_codelists_and_the_rules(client) -> None:
    xml = feed(client)

    assert_valid(xml)
    assert xml.startswith(
        b'<?xml version="1.0" encoding="utf-8"?>\n<iati-activities version="2.03" generated-datetime='
    )
    # 6 of the 14 seed programmes have a start date known at least to the year; the others say on
    # their pages why they are not in the file.
    assert check.activity_count(xml) == 6


def test_the_feed_holds_exactly_the_published_programmes_iati_can_take(client) -> None:
    writable = [p for p in writer.export_queryset() if not activity.unwritable(p)]
    ProgrammeFactory(is_published=False, code="DRAFT-1")

    found = set(check.activities(feed(client)))

    assert found == {activity.activity_identifier(p) for p in writable}
    assert "XM-DAC-47066-DRAFT-1" not in found
    assert "XM-DAC-47066-third-country-return" not in found  # no start date


def test_the_seminar_activity_says_what_the_project_record_says(client) -> None:
    seminar = check.activities(feed(client))[SEMINAR]

    assert seminar.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert seminar.get("default-currency") == "USD"
    assert codes(seminar, "reporting-org/@ref") == ["XM-DAC-47066"]
    assert codes(seminar, "title/narrative[@xml:lang='en']/text()") == [
        "International Migration Policy Seminar for the Caribbean Region"
    ]
    assert codes(seminar, "other-identifier[@type='A1']/@ref") == ["T81-805"]
    assert codes(seminar, "activity-status/@code") == ["3"]  # completed
    # The project record gives the years only ("Start Date 2001", "End Date 2001"): the period's
    # first and last days, with a narrative that says so, never a made-up day.
    assert [(d.get("type"), d.get("iso-date"), d.findtext("narrative")) for d in seminar.findall("activity-date")] == [
        ("2", "2001-01-01", "2001: known only to the year."),
        ("4", "2001-12-31", "2001: known only to the year."),
    ]
    assert codes(seminar, "activity-scope/@code") == ["2"]  # regional
    # Jamaica was only the venue; no source gives the shares, so none is written.
    assert [(c.get("code"), c.get("percentage")) for c in seminar.findall("recipient-country")] == [
        ("BZ", None),
        ("DO", None),
        ("HT", None),
    ]
    # Its one figure: the budget of USD 37,450.00 over its life, a year.
    assert [
        (b.find("period-start").get("iso-date"), b.find("period-end").get("iso-date"), b.findtext("value"))
        for b in seminar.findall("budget")
    ] == [("2001-01-01", "2001-12-31", "37450.00")]
    assert codes(seminar, "budget/value/@currency") == ["USD"]
    assert not seminar.findall("recipient-region")
    assert [(s.get("vocabulary"), s.get("code")) for s in seminar.findall("sector")] == [
        ("1", "15190"),
        ("99", "migration-policy-activities"),
    ]
    assert codes(seminar, "sector[@vocabulary='99']/narrative[@xml:lang='en']/text()") == [
        "Migration Policy Activities"
    ]
    assert [(o.get("role"), o.findtext("narrative")) for o in seminar.findall("participating-org")] == [
        ("1", "IOM Development Fund"),  # the fund behind the project record
        ("2", "International Organization for Migration"),
        ("4", "International Migration Policy Programme"),
    ]
    assert codes(seminar, "participating-org[@role='2']/@ref") == ["XM-DAC-47066"]
    assert codes(seminar, "participating-org[@role='4']/@ref") == []  # IMP has no IATI identifier
    # The seminar's two outcomes are recorded without a type (the source gives none), which IATI requires.
    assert not seminar.findall("result")


def test_seed_programmes_without_a_code_use_the_slug_and_a_withdrawn_country_is_left_out(client) -> None:
    activities = check.activities(feed(client))
    trafficking = activities["XM-DAC-47066-counter-trafficking-dominican-republic"]

    assert codes(trafficking, "other-identifier") == []
    # The Netherlands Antilles (AN, withdrawn from IATI) and Argentina are destinations, not recipients.
    assert [(c.get("code"), c.get("percentage")) for c in trafficking.findall("recipient-country")] == [
        ("DO", "100.00")
    ]
    assert codes(trafficking, "activity-date/@type") == ["2"]  # since 2000: an actual start
    # Phase one is in the file; phase two, with no start date known, is not, so it is not linked.
    assert codes(trafficking, "related-activity/@ref") == [
        "XM-DAC-47066-counter-trafficking-dominican-republic-phase-one"
    ]
    phase_one = activities["XM-DAC-47066-counter-trafficking-dominican-republic-phase-one"]
    assert phase_one.get("hierarchy") == "2"
    assert codes(phase_one, "related-activity[@type='1']/@ref") == [
        "XM-DAC-47066-counter-trafficking-dominican-republic"
    ]
    # IOM's own funds for the information campaign: IOM is also a funder.
    assert codes(phase_one, "participating-org[@role='1']/@ref") == ["XM-DAC-47066"]


def test_a_programme_without_a_benefiting_country_goes_to_the_caribbean_region(client) -> None:
    centre = check.activities(feed(client))["XM-DAC-47066-technical-cooperation-center-for-the-caribbean"]

    assert centre.findall("recipient-country") == []
    assert [(r.get("code"), r.get("vocabulary"), r.get("percentage")) for r in centre.findall("recipient-region")] == [
        ("1031", "1", "100")
    ]
    assert codes(centre, "activity-date/@type") == ["1"]  # pipeline: a planned start


# Generated programmes --------------------------------------------------------------------------


def country(code: str) -> Country:
    return CountryFactory(code=code, name=f"Country {code}", slug=f"country-{code.lower()}")


def test_generated_programmes_of_every_shape_are_valid(client) -> None:
    project_type = ProjectTypeFactory(name="Counter-trafficking")
    shared = ProgrammeFactory(code="GEN-SHARES", project_type=project_type, coverage="regional")
    for code, share in (("LC", "50"), ("VC", "30"), ("GD", "20")):
        ProgrammeCountryFactory(programme=shared, country=country(code), percentage=Decimal(share))
    equal = ProgrammeFactory(code="GEN-EQUAL")
    for code in ("AG", "DM", "KN"):
        ProgrammeCountryFactory(programme=equal, country=country(code))
    ProgrammeCountryFactory(programme=equal, country=country("CU"), role=ProgrammeCountry.Role.VENUE)
    ProgrammeFactory(code="GEN-REGION", coverage="regional")
    money = ProgrammeFactory(code="GEN-MONEY", budget_currency="EUR")
    BudgetFactory(programme=money, period_start=datetime.date(2010, 1, 1), period_end=datetime.date(2010, 12, 31))
    BudgetFactory(programme=money, period_start=datetime.date(2011, 1, 1), period_end=datetime.date(2012, 6, 30))
    funder = OrganisationFactory(name="Kingdom of Testland", iati_identifier="XM-TEST-1", type="10")
    grant = GrantFactory(programme=money, funder=funder)
    TransactionFactory(grant=grant, type="2", date=datetime.date(2010, 4, 1), amount=Decimal("900.50"))
    TransactionFactory(grant=grant, type="3", date=datetime.date(2010, 5, 1))
    TransactionFactory(grant=grant, type="4", date=TODAY + datetime.timedelta(days=30))
    roles = ProgrammeFactory(code="GEN-ROLES")
    for role in Participation.Role.values:
        ParticipationFactory(programme=roles, role=role)
    ParticipationFactory(programme=roles, organisation=funder, role="1")
    GrantFactory(programme=roles, funder=funder)
    results = ProgrammeFactory(code="GEN-RESULTS", status="completed", end_date=datetime.date(2011, 2, 1))
    measured = PeriodFactory(
        indicator__result__programme=results,
        indicator__result__type=Result.Type.OUTPUT,
        indicator__baseline_year=2009,
        indicator__baseline_value=Decimal("4"),
        target_value=Decimal("40"),
        actual_value=Decimal("12.5"),
    )
    DimensionFactory(period=measured, of="actual", name="sex", value="female")
    PeriodFactory(
        indicator__result__programme=results,
        indicator__result__type=Result.Type.IMPACT,
        indicator__measure=Indicator.Measure.QUALITATIVE,
        target_comment="Agencies meet every quarter",
    )
    IndicatorFactory(
        result__programme=results, result__type=Result.Type.OUTCOME, result__title="A <b>bold</b> & risky aim"
    )
    IndicatorFactory(result__programme=results, result__title="No source says which kind")  # no type: left out

    xml = feed(client)
    assert_valid(xml)
    activities = check.activities(xml)

    shares = activities["XM-DAC-47066-GEN-SHARES"]
    assert [(c.get("code"), c.get("percentage")) for c in shares.findall("recipient-country")] == [
        ("GD", "20.00"),
        ("LC", "50.00"),
        ("VC", "30.00"),
    ]
    assert codes(shares, "sector[@vocabulary='99']/@code") == [project_type.slug]
    # No shares given: none written, never an equal split nobody stated.
    assert codes(activities["XM-DAC-47066-GEN-EQUAL"], "recipient-country/@percentage") == []
    assert codes(activities["XM-DAC-47066-GEN-EQUAL"], "recipient-country/@code") == ["AG", "DM", "KN"]
    assert codes(activities["XM-DAC-47066-GEN-REGION"], "recipient-region/@code") == ["1031"]

    money_activity = activities["XM-DAC-47066-GEN-MONEY"]
    assert money_activity.get("default-currency") == "EUR"
    # The 18-month budget is longer than IATI allows: left out.
    assert [
        (b.find("period-start").get("iso-date"), b.findtext("value"), b.get("type"), b.get("status"))
        for b in money_activity.findall("budget")
    ] == [("2010-01-01", "1000.00", "1", "1")]
    # The future expenditure is left out until its date.
    assert codes(money_activity, "transaction/transaction-type/@code") == ["2", "3"]
    assert codes(money_activity, "transaction/value/text()") == ["900.50", "5000.00"]
    assert codes(money_activity, "transaction/provider-org/@ref") == ["XM-TEST-1", "XM-TEST-1"]
    assert codes(money_activity, "transaction/receiver-org/@ref") == ["XM-DAC-47066", "XM-DAC-47066"]

    roles_activity = activities["XM-DAC-47066-GEN-ROLES"]
    assert codes(roles_activity, "participating-org/@role") == ["1", "1", "2", "3", "4"]
    assert codes(roles_activity, "participating-org[@ref='XM-TEST-1']/@role") == ["1"]  # a funder once

    results_activity = activities["XM-DAC-47066-GEN-RESULTS"]
    assert codes(results_activity, "result/@type") == ["1", "3", "2"]
    assert codes(results_activity, "result/indicator/@measure") == ["1", "5", "1"]
    assert codes(results_activity, "result/indicator/baseline/@year") == ["2009"]
    assert codes(results_activity, "result/indicator/baseline/@value") == ["4"]
    assert codes(results_activity, "result/indicator/period/target/@value") == ["40"]
    assert codes(results_activity, "result/indicator/period/actual/@value") == ["12.5"]
    assert codes(results_activity, "result/indicator/period/actual/dimension/@value") == ["female"]
    assert codes(results_activity, "result/indicator/period/target/comment/narrative/text()") == [
        "Agencies meet every quarter"
    ]
    assert "A <b>bold</b> & risky aim" in codes(results_activity, "result/title/narrative/text()")


def test_actual_dates_are_never_in_the_future(client) -> None:
    soon = TODAY + datetime.timedelta(days=10)
    ProgrammeFactory(code="GEN-EARLY", status="ongoing", start_date=soon, end_date=soon + datetime.timedelta(days=9))
    ProgrammeFactory(
        code="GEN-DONE", status="completed", start_date=datetime.date(2010, 1, 1), end_date=soon
    )  # says completed, ends later
    ProgrammeFactory(code="GEN-PIPELINE", status="pipeline", start_date=datetime.date(2010, 1, 1))

    xml = feed(client)
    assert_valid(xml)
    activities = check.activities(xml)

    assert codes(activities["XM-DAC-47066-GEN-EARLY"], "activity-date/@type") == ["1", "3"]
    assert codes(activities["XM-DAC-47066-GEN-DONE"], "activity-date/@type") == ["2", "3"]
    assert codes(activities["XM-DAC-47066-GEN-PIPELINE"], "activity-date/@type") == ["1"]


def test_programmes_iati_cannot_take_are_left_out_and_say_why(client) -> None:
    undated = ProgrammeFactory(code="GEN-UNDATED", start_date=None)
    uneven = ProgrammeFactory(code="GEN-UNEVEN")
    ProgrammeCountryFactory(programme=uneven, country=country("LC"), percentage=Decimal("60"))
    ProgrammeCountryFactory(programme=uneven, country=country("VC"), percentage=Decimal("30"))
    partial = ProgrammeFactory(code="GEN-PARTIAL")
    ProgrammeCountryFactory(programme=partial, country=country("LC"), percentage=Decimal("100"))
    ProgrammeCountryFactory(programme=partial, country=country("VC"))

    xml = feed(client)

    assert_valid(xml)
    assert not {"XM-DAC-47066-GEN-UNDATED", "XM-DAC-47066-GEN-UNEVEN", "XM-DAC-47066-GEN-PARTIAL"} & set(
        check.activities(xml)
    )
    queryset = writer.export_queryset(Programme.objects.filter(code__startswith="GEN-"))
    assert {p.code: activity.unwritable(p) for p in queryset} == {
        "GEN-UNDATED": ["start_date"],
        "GEN-UNEVEN": ["countries"],
        "GEN-PARTIAL": ["countries"],
    }
    assert client.get(activity_url(undated)).status_code == 404


def test_a_programme_with_no_organisation_recorded_has_iom_as_accountable(client) -> None:
    ProgrammeFactory(code="GEN-ALONE")

    activity = check.activities(feed(client))["XM-DAC-47066-GEN-ALONE"]

    assert [(o.get("role"), o.get("ref"), o.get("type")) for o in activity.findall("participating-org")] == [
        ("2", "XM-DAC-47066", "40")
    ]


def test_text_is_escaped_and_characters_xml_cannot_carry_are_dropped(client) -> None:
    ProgrammeFactory(code="GEN-TEXT", title='Rights & "returns" <2003>', summary="Line\x0bbreak", description="")

    xml = feed(client)

    assert_valid(xml)
    activity = check.activities(xml)["XM-DAC-47066-GEN-TEXT"]
    assert codes(activity, "title/narrative/text()") == ['Rights & "returns" <2003>']
    assert codes(activity, "description/narrative/text()") == ["Linebreak"]


# One activity ----------------------------------------------------------------------------------


def test_one_programme_has_its_own_valid_file(client) -> None:
    seminar = Programme.objects.get(code="T81-805")

    response = client.get(activity_url(seminar))

    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert_valid(response.content)
    assert list(check.activities(response.content)) == [SEMINAR]
    alone = writer.activity_xml(writer.export_queryset().get(pk=seminar.pk))
    assert alone.startswith(b"<iati-activity ")
    assert check.validate_schema(b'<iati-activities version="2.03">' + alone + b"</iati-activities>") == []


def test_the_public_gets_no_file_for_an_unpublished_programme_and_staff_a_preview(client, admin_client) -> None:
    draft = ProgrammeFactory(is_published=False, code="GEN-DRAFT")
    undated = Programme.objects.get(slug="third-country-return")

    assert client.get(activity_url(draft)).status_code == 404
    assert client.get(activity_url(undated)).status_code == 404
    preview = admin_client.get(activity_url(draft))
    assert preview.status_code == 200
    assert "no-store" in preview["Cache-Control"]
    assert list(check.activities(preview.content)) == ["XM-DAC-47066-GEN-DRAFT"]
    assert admin_client.get(activity_url(undated)).status_code == 200


def test_the_programme_page_links_its_iati_file_only_when_iati_can_take_it(client) -> None:
    seminar = Programme.objects.get(code="T81-805")
    undated = Programme.objects.get(slug="third-country-return")

    assert f'href="{activity_url(seminar)}"' in client.get(seminar.get_absolute_url()).content.decode()
    page = client.get(undated.get_absolute_url()).content.decode()
    assert activity_url(undated) not in page
    assert "Not in the IATI file." in page
    assert "no start date is known, not even its year" in page.lower()


# Streaming, memory and queries -----------------------------------------------------------------


def test_the_view_streams_the_feed(rf) -> None:
    # The view itself: the page cache answers the client from the file it keeps of this stream.
    response = views.iati_activities(rf.get(FEED))

    assert response.streaming
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    chunks = list(response.streaming_content)
    assert len(chunks) == 2 + 6  # header, one per activity, footer


def make_programmes(count: int) -> None:
    """``count`` more published programmes, each with a country, a participation, a grant, a transaction, a budget."""
    first = Programme.objects.filter(code__startswith="BULK-").count()
    programmes = Programme.objects.bulk_create(
        ProgrammeFactory.build(slug=f"bulk-{n}", code=f"BULK-{n:04d}") for n in range(first, first + count)
    )
    jamaica = Country.objects.get(code="JM")
    iom = Organisation.objects.get(slug="iom")
    ProgrammeCountry.objects.bulk_create(ProgrammeCountry(programme=p, country=jamaica) for p in programmes)
    Participation.objects.bulk_create(Participation(programme=p, organisation=iom, role="2") for p in programmes)
    grants = Programme._meta.get_field("grants").related_model.objects.bulk_create(
        GrantFactory.build(programme=p, funder=iom) for p in programmes
    )
    transaction = grants[0]._meta.get_field("transactions").related_model
    transaction.objects.bulk_create(TransactionFactory.build(grant=g) for g in grants)
    budget = Programme._meta.get_field("budgets").related_model
    budget.objects.bulk_create(BudgetFactory.build(programme=p) for p in programmes)


def peak_memory_of_the_feed(batch_size: int) -> int:
    tracemalloc.start()
    try:
        for _chunk in writer.iter_activities_xml(writer.in_batches(writer.export_queryset(), batch_size)):
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_stays_flat_however_many_programmes() -> None:
    Programme.objects.filter(is_published=True).update(is_published=False)  # the seeds vary in size
    # Batches of 10 rather than the file's 50: the same reads, at a fifth of the test's time.
    make_programmes(10)
    peak_one_batch = peak_memory_of_the_feed(10)
    make_programmes(50)
    peak_six_batches = peak_memory_of_the_feed(10)

    assert peak_six_batches / peak_one_batch < 1.5, (peak_one_batch, peak_six_batches)


def test_the_feed_runs_a_fixed_number_of_queries_per_batch(client, django_assert_num_queries) -> None:
    Programme.objects.filter(is_published=True).update(is_published=False)
    make_programmes(10)
    bump_content_version()  # bulk_create sends no signal; the kept file of the seeds must not answer
    # The content version (iomcaribbean.caching); the published programmes, their kept activities,
    # rows made for those without and read back (iati.kept_activities); then per batch written: the
    # programmes, 10 prefetches and the activities kept (no request transaction).
    with django_assert_num_queries(1 + 4 + 12):
        feed(client)
    make_programmes(writer.BATCH_SIZE * 2)
    bump_content_version()
    with django_assert_num_queries(1 + 4 + 12 * 3):
        assert check.activity_count(feed(client)) == writer.BATCH_SIZE * 2 + 10


# The codes the portal writes down --------------------------------------------------------------


@pytest.mark.parametrize(
    ("codes_in_the_project", "name"),
    [(codelists.COUNTRY_CODES, "Country"), (codelists.CURRENCY_CODES, "Currency"), (codelists.SECTOR_CODES, "Sector")],
)
def test_the_code_tables_are_the_active_codes_of_the_official_codelists(codes_in_the_project, name) -> None:
    assert codes_in_the_project == check.codelist(name)


def test_the_few_codes_the_export_uses_are_active() -> None:
    assert codelists.CARIBBEAN_REGION in check.codelist("Region")
    assert "380" not in check.codelist("Region")  # West Indies, regional: withdrawn
    assert codelists.REPORTING_ORG_TYPE in check.codelist("OrganisationType")
    assert set(Programme.IATI_STATUS.values()) <= check.codelist("ActivityStatus")
    assert set(Programme.IATI_SCOPE.values()) <= check.codelist("ActivityScope")
    assert set(Participation.Role.values) - {Participation.Role.IN_DISCUSSIONS} <= check.codelist("OrganisationRole")
    assert check.codelist("OrganisationRole") >= codelists.IATI_ROLES
    assert set(Organisation.Type.values) <= check.codelist("OrganisationType")
    assert "AN" not in codelists.COUNTRY_CODES
