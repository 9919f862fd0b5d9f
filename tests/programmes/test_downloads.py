"""CSV and XLSX downloads of the public programme list: same programmes, same order, chosen columns."""

from __future__ import annotations

import csv
import datetime
import html
import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from programmes.downloads import COLUMNS, DEFAULT_COLUMNS
from programmes.models import Programme
from tests.factories import CountryFactory, ProgrammeCountryFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

LIST = reverse("programmes:list")
CSV = reverse("programmes:list_csv")
XLSX = reverse("programmes:list_xlsx")


def read_csv(response) -> list[list[str]]:
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="programmes.csv"'
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def read_xlsx(response) -> list[list]:
    assert response.status_code == 200, response.content
    assert response["Content-Disposition"] == 'attachment; filename="programmes.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content))["Programmes"]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def page_titles(client, params: dict) -> list[str]:
    """The titles of the list page's cards, in the order shown."""
    page = " ".join(html.unescape(client.get(LIST, params).content.decode()).split())
    return re.findall(r'<h3 class="card__title"> <a href="[^"]+">([^<]+)</a>', page)


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"country": "haiti"},
        {"area": "irregular-flows", "sort": "title"},
        {"status": "pipeline"},
        {"year_from": "2001", "year_to": "2002", "sort": "start"},
        {"q": "trafficking", "sort": "status"},
        {"funder": "united-states-government"},
        {"partner": "iom", "coverage": "regional"},
    ],
)
def test_the_files_hold_the_pages_programmes_in_the_pages_order(client, params):
    expected = page_titles(client, params)
    assert expected
    csv_rows = read_csv(client.get(CSV, params))
    xlsx_rows = read_xlsx(client.get(XLSX, params))
    assert [row[0] for row in csv_rows[1:]] == expected
    assert [row[0] for row in xlsx_rows[1:]] == expected


def test_the_files_hold_every_page_of_the_list(client, settings):
    settings.PROGRAMMES_PER_PAGE = 5
    rows = read_csv(client.get(CSV, {"page": "2"}))
    assert len(rows) - 1 == Programme.objects.published().count() == 14


def test_the_default_columns(client):
    header, *rows = read_csv(client.get(CSV))
    assert header == [COLUMNS[name].label for name in DEFAULT_COLUMNS]
    seminar = next(row for row in rows if row[0].startswith("International Migration Policy Seminar"))
    record = dict(zip(header, seminar, strict=True))
    assert record["IOM project code"] == "T81-805"
    assert record["Status"] == "Completed"
    # Known to the year only, as the project record gives them: never a made-up day.
    assert record["Start date"] == "2001"
    assert record["End date"] == "2001"
    assert record["Total budget"] == "37450.00"
    assert record["Total budget currency"] == "USD"
    third = next(row for row in rows if row[0] == "Third Country Return")
    assert dict(zip(header, third, strict=True))["Status"] == "Completed (estimate)"
    assert (
        "Status: The overview (October 2002) lists it"
        in dict(zip(header, third, strict=True))["Estimates (what they rest on)"]
    )
    assert "Belize" in record["Countries"].split("; ")
    assert record["Page"] == "http://testserver/programmes/international-migration-policy-seminar-caribbean/"


def test_codes_as_well_as_names_in_the_chosen_order(client):
    programme = ProgrammeFactory(
        title="Coded", code="CD-1", status=Programme.Status.COMPLETED, coverage=Programme.Coverage.REGIONAL
    )
    country = CountryFactory(name="Codeland", code="QQ")
    ProgrammeCountryFactory(programme=programme, country=country)
    # The same country in a second role is still one country.
    ProgrammeCountryFactory(programme=programme, country=country, role="venue")
    columns = "title,status_code,status,country_codes,countries,iati_identifier,dac_sector,coverage"
    header, *rows = read_csv(client.get(CSV, {"columns": columns, "q": "Coded"}))
    assert header == [
        "Title",
        "Status code (IATI ActivityStatus)",
        "Status",
        "Country codes (ISO 3166-1)",
        "Countries",
        "IATI identifier",
        "DAC sector code",
        "Coverage",
    ]
    assert rows == [["Coded", "3", "Completed", "QQ", "Codeland", "XM-DAC-47066-CD-1", "15190", "Regional"]]


def test_countries_are_where_it_works_and_the_places_named_are_a_column_of_their_own(client):
    columns = "title,countries,other_places"
    for read, address in ((read_csv, CSV), (read_xlsx, XLSX)):
        header, *rows = read(client.get(address, {"columns": columns, "q": "T81-805"}))
        assert header == ["Title", "Countries", "Venue and places named"]
        assert rows == [
            [
                "International Migration Policy Seminar for the Caribbean Region",
                "Belize; Dominican Republic; Haiti",
                "Jamaica (Venue)",
            ]
        ]
    header, *rows = read_csv(client.get(CSV, {"columns": columns, "q": "Counter-Trafficking Assistance"}))
    assert rows == [
        [
            "Counter-Trafficking Assistance in the Dominican Republic",
            "Dominican Republic",
            "Argentina (Destination named in the narrative); Netherlands Antilles (Destination named in the narrative)",
        ]
    ]
    # Not in the default columns, and a programme that names no other place leaves it empty.
    assert "other_places" not in DEFAULT_COLUMNS
    assert read_csv(client.get(CSV, {"columns": "other_places", "q": "HTAP"})) == [["Venue and places named"], [""]]


def test_columns_may_come_as_a_forms_checkboxes(client):
    response = client.get(f"{CSV}?columns=code&columns=title&columns=code&q=Seminar+for+the+Caribbean")
    assert read_csv(response) == [
        ["IOM project code", "Title"],
        ["T81-805", "International Migration Policy Seminar for the Caribbean Region"],
    ]


def test_an_unknown_column_answers_400_naming_it_and_the_choices(client):
    for url in (CSV, XLSX):
        response = client.get(url, {"columns": "title,salary"})
        assert response.status_code == 400
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        message = response.content.decode()
        assert "Unknown column 'salary'." in message
        assert ", ".join(COLUMNS) in message


def test_a_bad_filter_answers_400_with_the_reason(client):
    response = client.get(CSV, {"country": "atlantis", "year_from": "2005", "year_to": "2001"})
    assert response.status_code == 400
    message = response.content.decode()
    assert message.startswith("Some filters could not be used.")
    assert "country: Select a valid choice." in message
    assert "The last year cannot be before the first year." in message


def test_dates_with_their_precision_and_planned_or_actual(client):
    today = datetime.date.today()
    ProgrammeFactory(
        title="Running",
        start_date=datetime.date(2001, 1, 1),
        start_precision="year",
        end_date=today.replace(year=today.year + 2, month=1, day=1),
        end_precision="month",
        budget_amount=Decimal("1234.50"),
        budget_currency="EUR",
    )
    ProgrammeFactory(title="Proposed", status=Programme.Status.PIPELINE, start_date=datetime.date(2003, 1, 1))
    ProgrammeFactory(title="Done", status=Programme.Status.COMPLETED, end_date=datetime.date(2011, 5, 31))
    columns = ",".join(
        (
            "title",
            "start_date",
            "start_precision",
            "end_date",
            "end_precision",
            "planned_start",
            "actual_start",
            "planned_end",
            "actual_end",
            "budget_amount",
            "budget_currency",
        )
    )
    rows = {row[0]: row[1:] for row in read_xlsx(client.get(XLSX, {"columns": columns, "sort": "title"}))[1:]}
    # Dates known to the year or month are written so ("2001", "2028-01"); a day is a date.
    future = f"{today.year + 2}-01"
    assert rows["Running"] == ["2001", "year", future, "month", None, "2001", future, None, 1234.5, "EUR"]
    # A pipeline programme's dates are all planned, even a past one.
    assert rows["Proposed"][4:8] == [datetime.datetime(2003, 1, 1), None, None, None]
    assert rows["Done"][4:8] == [None, datetime.datetime(2010, 3, 1), None, datetime.datetime(2011, 5, 31)]


def test_a_budget_that_is_not_published_is_empty_not_zero(client):
    ProgrammeFactory(title="No budget", budget_amount=None)
    rows = read_csv(client.get(CSV, {"columns": "title,budget_amount,budget_currency", "q": "No budget"}))
    assert rows[1] == ["No budget", "", ""]


def test_text_a_spreadsheet_would_run_as_a_formula_is_neutralised(client):
    ProgrammeFactory(title='=HYPERLINK("http://evil.example","click")', acronym="+1", code="-2")
    ProgrammeFactory(title="@SUM(A1)", acronym="")
    params = {"columns": "title,acronym,code", "q": "evil"}
    assert read_csv(client.get(CSV, params))[1] == ['\'=HYPERLINK("http://evil.example","click")', "'+1", "'-2"]
    assert read_xlsx(client.get(XLSX, params))[1] == ['\'=HYPERLINK("http://evil.example","click")', "'+1", "'-2"]
    assert read_csv(client.get(CSV, {"columns": "title", "q": "SUM"}))[1] == ["'@SUM(A1)"]


def test_unpublished_programmes_are_never_in_the_files(client):
    hidden = ProgrammeFactory(title="Hidden from the files", is_published=False)
    ProgrammeFactory(title="Phase of the hidden", parent=hidden)
    for rows in (read_csv(client.get(CSV)), read_xlsx(client.get(XLSX))):
        titles = {row[0] for row in rows}
        assert "Hidden from the files" not in titles
        assert "Phase of the hidden" not in titles


def test_the_list_page_links_the_downloads_with_its_filters(client):
    page = client.get(LIST, {"country": "haiti", "sort": "title", "page": "1"}).content.decode()
    assert f'<a href="{CSV}?country=haiti&amp;sort=title&amp;page=1" download>CSV</a>' in page
    assert f'<a href="{XLSX}?country=haiti&amp;sort=title&amp;page=1" download>Excel (XLSX)</a>' in page
    form = page[page.index('<form method="get" action="/programmes/export.csv"') :]
    form = form[: form.index("</form>")]
    assert '<input type="hidden" name="country" value="haiti">' in form
    assert '<input type="hidden" name="sort" value="title">' in form
    assert 'name="page"' not in form
    assert f'formaction="{XLSX}"' in form
    # Every column the download knows, and no other; the default ones ticked.
    boxes = re.findall(r'<input type="checkbox" name="columns" value="([a-z_]+)"( checked)?>', form)
    assert [name for name, _ in boxes] == list(COLUMNS)
    assert [name for name, checked in boxes if checked] == list(DEFAULT_COLUMNS)


def test_the_list_page_offers_no_download_when_its_filters_are_wrong(client):
    page = client.get(LIST, {"country": "atlantis"}).content.decode()
    assert CSV not in page


# PostgreSQL refuses a NUL in a string and a number beyond 64 bits where SQLite takes both.
HOSTILE = [
    "x" * 10_000,
    "Ünïcødé ☃ 漢字 \U0001f600",
    "-1",
    pytest.param("-99999999999999999999", marks=pytest.mark.both_engines),
    "' OR 1=1 --",
    "1; DROP TABLE programmes_programme;",
    pytest.param("\x00", marks=pytest.mark.both_engines),
    "<script>alert(1)</script>",
    "=cmd|' /C calc'!A0",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_parameters_never_cause_a_server_error(client, value):
    names = ("q", "country", "area", "status", "funder", "partner", "type", "year_from", "year_to", "sort", "page")
    for url in (CSV, XLSX):
        for name in (*names, "columns"):
            response = client.get(url, {name: value})
            assert response.status_code in (200, 400), (url, name, response.status_code)
        response = client.get(url, {"columns": value})
        assert response.status_code == 400
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        assert len(response.content) < 2_000
