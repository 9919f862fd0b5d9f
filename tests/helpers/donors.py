"""Two donors' worlds as the donor views' tests build them; those views' tables and downloads as read."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import lxml.html
from django.utils import timezone
from openpyxl import load_workbook

from funding.models import Transaction
from tests.factories import (
    DonorAccountFactory,
    GrantFactory,
    OrganisationFactory,
    PlannedDisbursementFactory,
    ProgrammeFactory,
    TransactionFactory,
)

FORMULA = '=HYPERLINK("http://evil.example/","click me")'
COMMITMENT, DISBURSEMENT = Transaction.Type.COMMITMENT, Transaction.Type.DISBURSEMENT


def donor_world() -> SimpleNamespace:
    """Two donors. A funds a published programme (USD), a pipeline one (EUR, with some USD money) and
    one whose amount is not published; B funds one pipeline programme whose figures A must never see."""
    today = timezone.localdate()
    alpha = OrganisationFactory(name="Alpha Relief Fund")
    beta = OrganisationFactory(name="Beta Development Bank")

    published = GrantFactory(
        funder=alpha,
        programme=ProgrammeFactory(title="Alpha clean water programme"),
        amount=Decimal("5000.00"),
        purpose="wells and pumps",
        start_date=datetime.date(2021, 1, 1),
        end_date=datetime.date(2023, 12, 31),
    )
    TransactionFactory(grant=published, type=COMMITMENT, date=datetime.date(2021, 3, 1), amount=Decimal("5000"))
    TransactionFactory(grant=published, type=DISBURSEMENT, date=datetime.date(2021, 6, 1), amount=Decimal("2000"))
    TransactionFactory(grant=published, type=DISBURSEMENT, date=datetime.date(2022, 2, 1), amount=Decimal("1500"))
    PlannedDisbursementFactory(grant=published, period_start=today, period_end=today + datetime.timedelta(days=90))
    PlannedDisbursementFactory(  # a period that has ended: not in the schedule ahead
        grant=published,
        period_start=datetime.date(2020, 1, 1),
        period_end=datetime.date(2020, 12, 31),
        amount=Decimal("500"),
    )

    pipeline = GrantFactory(
        funder=alpha,
        programme=ProgrammeFactory(title="Alpha pipeline programme", is_published=False),
        amount=Decimal("2000.00"),
        currency="EUR",
        purpose=FORMULA,
    )
    TransactionFactory(
        grant=pipeline, type=COMMITMENT, date=datetime.date(2022, 5, 1), amount=Decimal("2000"), currency="EUR"
    )
    TransactionFactory(
        grant=pipeline, type=DISBURSEMENT, date=datetime.date(2022, 7, 1), amount=Decimal("800"), currency="EUR"
    )
    TransactionFactory(grant=pipeline, type=COMMITMENT, date=datetime.date(2022, 5, 1), amount=Decimal("300"))

    unpublished_amount = GrantFactory(
        funder=alpha, programme=ProgrammeFactory(title="Alpha survey programme"), amount=None, purpose="the survey"
    )

    secret = GrantFactory(
        funder=beta,
        programme=ProgrammeFactory(title="Beta secret programme", is_published=False),
        amount=Decimal("77777.77"),
        purpose="the beta plan",
    )
    TransactionFactory(grant=secret, type=COMMITMENT, amount=Decimal("77777.77"))
    PlannedDisbursementFactory(grant=secret, amount=Decimal("66666.66"))

    a = DonorAccountFactory(user__username="alpha", user__first_name="Alpha", funders=[alpha])
    b = DonorAccountFactory(user__username="beta", user__first_name="Beta", funders=[beta])
    return SimpleNamespace(
        a=a,
        b=b,
        alpha=alpha,
        beta=beta,
        published=published,
        pipeline=pipeline,
        unpublished_amount=unpublished_amount,
        secret=secret,
        today=today,
    )


GRANTS = '//table[@id="grants-table"]'
# What donor A must never see of donor B: its funder, programme, amounts and purpose.
B_SECRETS = ["Beta Development Bank", "Beta secret programme", "77,777.77", "77777.77", "66,666.66", "the beta plan"]


def as_wide(document: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The page less what only a phone shows (the currency a stacked row adds to its amount)."""
    for phone_only in document.xpath('//*[contains(concat(" ", @class, " "), " stack-only ")]'):
        phone_only.drop_tree()
    return document


def table(response, xpath: str) -> list[list[str]]:
    """A table's body as the reader sees it at full width: one list of cell texts per row."""
    document = as_wide(lxml.html.fromstring(response.content.decode()))
    (found,) = document.xpath(xpath)
    return [[" ".join(cell.text_content().split()) for cell in row.xpath("th|td")] for row in found.xpath("tbody/tr")]


def heading_table(response, heading_id: str) -> list[list[str]]:
    return table(response, f'//section[@aria-labelledby="{heading_id}"]//table')


def read_xlsx(response) -> dict[str, list[list[Any]]]:
    workbook = load_workbook(io.BytesIO(response.content))
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook}


def workbook_text(response) -> str:
    """Every cell of every sheet, for looking for what must not be there."""
    return "\n".join(str(cell) for rows in read_xlsx(response).values() for row in rows for cell in row)
