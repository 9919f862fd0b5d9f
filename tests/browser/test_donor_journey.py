"""A donor signs in, reads its dashboard, opens a grant and downloads the spreadsheet."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from funding.models import Grant, Transaction
from partners.models import Organisation
from tests.factories import (
    DonorAccountFactory,
    GrantFactory,
    PlannedDisbursementFactory,
    ProgrammeFactory,
    TransactionFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seeded")]

HIV = "Regional initiative for the Caribbean on HIV/AIDS and mobile populations"
TRAFFICKING = "Program to Prevent and Combat Trafficking of Women in the Dominican Republic: phase two"
PIPELINE = "Migrant health desk pilot"


def test_a_donor_signs_in_reads_the_dashboard_and_downloads_the_xlsx(live_server, page, tmp_path):
    state = Organisation.objects.get(slug="us-state-department")
    DonorAccountFactory(user__username="state-donor", user__first_name="State Department", funders=[state])
    hiv = Grant.objects.get(funder=state, programme__title=HIV)
    TransactionFactory(grant=hiv, type=Transaction.Type.COMMITMENT, date=datetime.date(2003, 1, 15), amount=250000)
    TransactionFactory(grant=hiv, type=Transaction.Type.DISBURSEMENT, date=datetime.date(2003, 6, 1), amount=100000)
    pipeline = GrantFactory(funder=state, programme=ProgrammeFactory(title=PIPELINE, is_published=False))
    PlannedDisbursementFactory(grant=pipeline, amount=Decimal("1200"))

    # The dashboard sends an anonymous visitor to sign in, then back.
    page.goto(live_server.url + "/donor/")
    page.wait_for_url(re.compile(r"/accounts/login/\?next=/donor/$"))
    page.get_by_label("Username").fill("state-donor")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/donor/$"))

    main = page.locator("main")
    assert main.locator("h1").inner_text() == "Your grants"
    grants = page.locator("#grants-table tbody tr")
    assert grants.count() == 3
    text = main.inner_text()
    for fact in (HIV, TRAFFICKING, PIPELINE, "Not yet published", "250,000.00", "100,000.00", "1,200.00"):
        assert fact in text
    # The figures by year on a page of their own: one currency, one chart.
    page.get_by_role("link", name="Commitments and disbursements by year").click()
    page.wait_for_url(re.compile(r"/donor/years/\??$"))
    assert page.locator("section[aria-labelledby=years] svg").count() == 1
    page.go_back()

    # A grant's own page, and back.
    grants.filter(has_text=HIV).get_by_role("link", name=HIV).click()
    page.wait_for_url(re.compile(rf"/donor/grants/{hiv.pk}/$"))
    assert "Outgoing commitment" in page.locator("#transactions-table").inner_text()
    page.get_by_role("link", name="Your grants").first.click()
    page.wait_for_url(re.compile(r"/donor/$"))

    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile(r"Excel, XLSX")).click()
    download = download_info.value
    assert re.fullmatch(r"grants-\d{4}-\d{2}-\d{2}\.xlsx", download.suggested_filename)
    path = tmp_path / download.suggested_filename
    download.save_as(path)

    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Grants", "Transactions", "Schedule ahead", "Totals"]
    header, *rows = workbook["Grants"].iter_rows(values_only=True)
    assert header[:4] == ("Programme", "Status", "Published", "Funder")
    assert [(row[0], row[2], row[3]) for row in rows] == [
        (PIPELINE, "no", "U.S. State Department"),
        (TRAFFICKING, "yes", "U.S. State Department"),
        (HIV, "yes", "U.S. State Department"),
    ]  # in programme title order, as on the page
    hiv_row = next(row for row in rows if row[0] == HIV)
    assert hiv_row[7:] == ("USD", "Amount not published", 250000, 100000, 0)
    assert len(list(workbook["Transactions"].iter_rows())) == 1 + 2

    # Signing out is a button in the header; the visitor is back on the public overview.
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(live_server.url + "/")
    assert page.get_by_role("link", name="Sign in").is_visible()
