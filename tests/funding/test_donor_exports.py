"""The donor downloads: the CSV is the grants table as shown; the XLSX adds transactions, schedule and totals."""

from __future__ import annotations

import csv
import datetime
import io
import re
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from funding.donor.exports import GRANT_COLUMNS
from funding.models import Grant, Transaction
from funding.selectors import schedule_ahead
from iomcaribbean.exports import FORMULA_STARTS, XLSX_TYPE
from programmes.models import DatePrecision
from tests.helpers.donors import FORMULA, GRANTS, heading_table, read_xlsx, table
from tests.helpers.roles import client_for

pytestmark = pytest.mark.django_db

DASHBOARD, CSV, XLSX = reverse("donor:dashboard"), reverse("donor:export_csv"), reverse("donor:export_xlsx")
NUMBER = re.compile(r"-?\d+(\.\d+)?")


def read_csv(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # so that spreadsheet programs read UTF-8
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def as_shown(cell: Any) -> str:
    """A downloaded cell as the page prints it: numbers with two decimals and thousands, text un-defused."""
    if cell is None:
        return ""
    if isinstance(cell, (int, float, Decimal)) or NUMBER.fullmatch(str(cell)):
        return f"{Decimal(str(cell)):,.2f}"
    text = str(cell)
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


def same_as_page(rows: list[list[Any]], page) -> list[list[str]]:
    """The download's rows in the page's columns: programme and status, what it funds, then the
    currency and amounts (the download adds publication, funder and the period's two dates)."""
    shown = [[as_shown(cell) for cell in row] for row in rows]
    return [[row[0], row[1], row[4], *row[7:]] for row in shown]


def page_rows(page) -> list[list[str]]:
    return [[row[0].removesuffix(" Not yet published"), row[1], row[2], *row[4:]] for row in table(page, GRANTS)]


def test_the_csv_is_the_grants_table_as_shown(donor_a, world):
    page = donor_a.get(DASHBOARD)
    response = donor_a.get(CSV)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert re.fullmatch(r'attachment; filename="grants-\d{4}-\d{2}-\d{2}\.csv"', response["Content-Disposition"])
    header, *rows = read_csv(response)
    assert header == GRANT_COLUMNS
    assert same_as_page(rows, page) == page_rows(page)
    assert len(rows) == 4


def test_the_csv_keeps_numbers_as_numbers_dates_plain_and_defuses_formulas(donor_a, world):
    _, water, pipeline, pipeline_usd, survey = read_csv(donor_a.get(CSV))

    assert water[1:] == [
        *("Ongoing", "yes", "Alpha Relief Fund", "Wells and pumps", "2021-01-01", "2023-12-31"),
        *("USD", "5000.00", "5000.00", "3500.00", "1000.00"),
    ]
    assert pipeline[4] == "'" + FORMULA  # a spreadsheet shows it as text and never runs it
    assert pipeline[2] == "no"  # not yet published
    assert pipeline_usd[7:9] == ["USD", ""]
    assert survey[8] == "Amount not published"


def test_the_xlsx_has_the_four_sheets_each_matching_the_page_or_the_database(donor_a, world):
    page = donor_a.get(DASHBOARD)
    response = donor_a.get(XLSX)

    assert response["Content-Type"] == XLSX_TYPE
    assert re.fullmatch(r'attachment; filename="grants-\d{4}-\d{2}-\d{2}\.xlsx"', response["Content-Disposition"])
    sheets = read_xlsx(response)
    assert list(sheets) == ["Grants", "Transactions", "Schedule ahead", "Totals"]

    header, *rows = sheets["Grants"]
    assert header == GRANT_COLUMNS
    assert same_as_page(rows, page) == page_rows(page)

    header, *rows = sheets["Transactions"]
    assert header == ["Programme", "Funder", "Date", "Type", "Description", "Currency", "Amount"]
    expected = Transaction.objects.filter(grant__funder=world.alpha).order_by("grant__programme__title", "date", "pk")
    assert rows == [
        [
            t.grant.programme.title,
            "Alpha Relief Fund",
            datetime.datetime.combine(t.date, datetime.time()),
            t.get_type_display(),
            None,
            t.currency,
            t.amount,
        ]
        for t in expected
    ]
    assert len(rows) == 6

    header, *rows = sheets["Schedule ahead"]
    assert header == ["Programme", "Funder", "Period start", "Period end", "Currency", "Amount"]
    planned = schedule_ahead(world.a.grants(), after=world.today)
    assert [[row[0], row[1], row[2].date(), row[3].date(), row[4], Decimal(str(row[5]))] for row in rows] == [
        [p.grant.programme.title, "Alpha Relief Fund", p.period_start, p.period_end, p.currency, p.amount]
        for p in planned
    ]
    assert len(rows) == 1

    header, *rows = sheets["Totals"]
    assert header == [
        "Currency",
        "Grants",
        "Amounts not published",
        "Granted",
        "Committed",
        "Disbursed",
        "Scheduled ahead",
    ]
    # The grant without a published amount has no currency: its own row, last.
    assert rows == [
        ["EUR", 1, 0, 2000, 2000, 800, 0],
        ["USD", 1, 0, 5000, 5300, 3500, 1000],
        [None, 1, 1, "Amount not published", 0, 0, 0],
    ]
    # The page counts that grant under the table instead of in a row of no currency.
    shown = heading_table(page, "totals")
    assert [[row[0], str(row[1]), as_shown(row[3]), *map(as_shown, row[4:])] for row in rows[:-1]] == [
        [cells[0], cells[1], cells[2].split(" and ")[0], *cells[3:]] for cells in shown
    ]


def test_the_xlsx_defuses_formulas_and_bolds_and_freezes_its_headers(donor_a, world):
    workbook = load_workbook(io.BytesIO(donor_a.get(XLSX).content))
    grants = workbook["Grants"]

    purposes = [cell for cell in grants["E"] if isinstance(cell.value, str) and "HYPERLINK" in cell.value]
    assert [(cell.value, cell.data_type) for cell in purposes] == [("'" + FORMULA, "s")] * 2
    assert all(cell.font.bold for cell in grants[1])
    assert grants.freeze_panes == "A2"


def test_staff_viewing_as_a_donor_download_exactly_what_the_donor_downloads(admin_client, donor_a, world):
    as_donor = admin_client.get(CSV, {"as": world.a.pk})

    assert as_donor.content == donor_a.get(CSV).content
    assert read_xlsx(admin_client.get(XLSX, {"as": world.a.pk})) == read_xlsx(donor_a.get(XLSX))


def test_a_donor_with_no_grants_downloads_just_the_headers(world):
    client = client_for(world.b.user)
    world.b.funders.clear()

    assert read_csv(client.get(CSV))[1:] == []
    assert [len(rows) for rows in read_xlsx(client.get(XLSX)).values()] == [1, 1, 1, 1]


def test_the_xlsx_amounts_are_numbers_in_their_currency_dates_are_dates_at_their_precision(donor_a, world):
    Grant.objects.filter(pk=world.published.pk).update(start_precision=DatePrecision.YEAR)
    workbook = load_workbook(io.BytesIO(donor_a.get(XLSX).content))
    grants, transactions = workbook["Grants"], workbook["Transactions"]

    water, pipeline = (dict(zip(GRANT_COLUMNS, grants[row], strict=True)) for row in (2, 3))
    assert (water["Amount"].value, water["Amount"].data_type) == (5000, "n")
    assert water["Amount"].number_format == water["Disbursed"].number_format == '#,##0.00 "USD"'
    assert pipeline["Amount"].number_format == '#,##0.00 "EUR"'
    # Only the year of the start is known: a date cell that shows the year alone.
    assert water["Start"].is_date and water["Start"].number_format == "yyyy"
    assert water["End"].is_date and water["End"].number_format == "yyyy-mm-dd"
    assert all(cell.is_date and cell.number_format == "yyyy-mm-dd" for cell in transactions["C"][1:])
    assert {cell.number_format for cell in transactions["G"][1:]} == {'#,##0.00 "USD"', '#,##0.00 "EUR"'}
    # Each column as wide as its widest cell: the longest programme title fits.
    assert grants.column_dimensions["A"].width >= len("Alpha clean water programme")
    assert read_csv(donor_a.get(CSV))[1][5] == "2021"  # the CSV writes the known part, plainly
