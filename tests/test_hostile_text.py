"""Text staff type is shown as text everywhere: escaped in HTML, XML and JSON, defused in CSV/XLSX.

A programme, its funder, partner, grant, transaction, component and country, and the overview
hold markup, an XML section end, spreadsheet formulas, unicode and control characters. Each
channel is checked through its real URL: the public pages, the browsable API, the donor pages
and the admin (HTML); IATI and the Atom feed (XML); the API (JSON); the list, funder and donor
downloads (CSV and XLSX).
"""

from __future__ import annotations

import csv
import datetime
import io
import json

import pytest
from django.test import Client
from lxml import etree
from openpyxl import load_workbook

from iomcaribbean.exports import XML_INVALID, safe_cell
from programmes.models import Overview, OverviewEntry
from tests.factories import (
    ComponentFactory,
    CountryFactory,
    DonorAccountFactory,
    GrantFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProgrammeCountryFactory,
    ProgrammeFactory,
    TransactionFactory,
)
from tests.helpers.kept import forget_kept_pages

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(2)>'
UNICODE = "Ünïcödé – 中文 – עברית \u202e 🙂"
CONTROL = "bell\x07 unit\x1f noncharacter\uffff end"
HIDDEN_FORMULA = "\x07=1+2"  # a control character before a formula's first character
# A title that is at once a formula, markup, an XML section end, unicode and control characters.
TITLE = f'=HYPERLINK("http://example.invalid","x") {SCRIPT} {IMG} & ]]> {UNICODE} {CONTROL}'
SUMMARY = f"@SUM(1+1) {SCRIPT} & ]]>"
ACRONYM = "+cmd|' /C calc'!A0"[:20]
CODE = "-1+1"
FUNDER = f"@SUM(A1) {SCRIPT} & Co"
SHOWN_FUNDER = f"{FUNDER} (=1+1)"  # with its acronym, as the donor's downloads name it
PURPOSE = f'=HYPERLINK("http://example.invalid") {IMG}'
TRANSACTION = f"-2+3 {SCRIPT}"
COMPONENT = f"+SUM(1) {IMG}"
COUNTRY = f"{SCRIPT} Land"
PARTNER = f"-Partner {IMG}"
ALL_TEXTS = [TITLE, SUMMARY, ACRONYM, CODE, FUNDER, PURPOSE, TRANSACTION, COMPONENT, COUNTRY, PARTNER]
# What must never reach a page unescaped.
RAW = [SCRIPT, "<img src=x", "<script>"]
FORMULA_STARTS = ("=", "+", "-", "@")


@pytest.fixture
def hostile(db) -> dict:
    country = CountryFactory(name=COUNTRY, slug="hostile-land")
    programme = ProgrammeFactory(
        title=TITLE,
        slug="hostile",
        code=CODE,
        acronym=ACRONYM,
        summary=SUMMARY,
        description=f"{SCRIPT}\n\n{IMG} & ]]> {CONTROL}",
    )
    ProgrammeCountryFactory(programme=programme, country=country)
    component = ComponentFactory(programme=programme, title=COMPONENT)
    funder = OrganisationFactory(name=FUNDER, slug="hostile-funder", acronym="=1+1", description=SCRIPT)
    partner = OrganisationFactory(name=PARTNER, slug="hostile-partner")
    ParticipationFactory(programme=programme, organisation=partner, description=f"@{SCRIPT}")
    grant = GrantFactory(programme=programme, funder=funder, purpose=PURPOSE, component=component)
    TransactionFactory(grant=grant, description=TRANSACTION, date=datetime.date(2010, 5, 1))
    TransactionFactory(grant=grant, description=HIDDEN_FORMULA, date=datetime.date(2010, 6, 1))
    overview = Overview.objects.filter(is_current=True).first()
    if overview is not None:
        overview.introduction = f"{SCRIPT} {IMG} & ]]>"
        overview.save()
        OverviewEntry.objects.create(
            overview=overview, programme=programme, section=OverviewEntry.Section.CURRENT, heading=TITLE
        )
    account = DonorAccountFactory(funders=[funder])
    donor = Client()
    donor.force_login(account.user)
    return {"programme": programme, "funder": funder, "partner": partner, "grant": grant, "donor": donor}


def get(client: Client, url: str) -> bytes:
    forget_kept_pages()
    response = client.get(url)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_html_pages_show_the_text_escaped(client: Client, admin_client: Client, hostile: dict) -> None:
    grant = hostile["grant"]
    pages = {
        client: [
            "/",
            "/programmes/",
            "/programmes/?q=script",
            "/programmes/hostile/",
            "/countries/hostile-land/",
            "/countries/",
            "/partners/",
            "/partners/hostile-partner/",
            "/partners/hostile-funder/",
            "/funders/",
            "/funders/hostile-funder/",
            "/api/programmes/hostile/?format=api",
        ],
        hostile["donor"]: ["/donor/", f"/donor/grants/{grant.pk}/"],
        admin_client: [
            "/admin/programmes/programme/",
            f"/admin/programmes/programme/{hostile['programme'].pk}/change/",
            f"/admin/funding/grant/{grant.pk}/change/",
            "/admin/funding/grant/",
            "/admin/partners/organisation/",
        ],
    }
    for visitor, urls in pages.items():
        for url in urls:
            text = get(visitor, url).decode()
            assert not [raw for raw in RAW if raw in text], url
            assert "&lt;script&gt;" in text or "&lt;img src=x" in text, f"{url} shows none of the hostile text"


def test_the_api_returns_the_text_exactly_and_inert(client: Client, hostile: dict) -> None:
    for url in ("/api/programmes/hostile/", "/api/programmes/?q=script", "/api/funders/hostile-funder/"):
        content = get(client, url)
        # <, > and & travel as \\u escapes: the document stays inert if a browser sniffs it as HTML.
        assert b"<" not in content and b">" not in content and b"&" not in content, url
    programme = json.loads(get(client, "/api/programmes/hostile/"))

    assert (programme["title"], programme["summary"], programme["code"]) == (TITLE, SUMMARY, CODE)
    assert programme["grants"][0]["purpose"] == PURPOSE
    assert programme["grants"][0]["funder"]["name"] == FUNDER
    assert programme["countries"][0]["name"] == COUNTRY


def test_iati_files_carry_the_text_as_well_formed_xml(client: Client, hostile: dict) -> None:
    for url in ("/programmes/hostile/iati.xml", "/iati/activities.xml"):
        root = etree.fromstring(get(client, url))  # raises if the file is not well-formed
        activity = root.xpath("//iati-activity[other-identifier/@ref=$code]", code=CODE)[0]

        # XML 1.0 cannot carry control characters at all: they are left out, the rest is kept.
        assert activity.findtext("title/narrative") == XML_INVALID.sub("", TITLE)
        funders = activity.xpath("participating-org[@role='1']/narrative/text()")
        assert FUNDER in funders


def test_the_feed_carries_the_text_as_well_formed_xml(client: Client, hostile: dict) -> None:
    root = etree.fromstring(get(client, "/feeds/programmes.atom"))
    titles = root.xpath("//atom:entry/atom:title/text()", namespaces={"atom": "http://www.w3.org/2005/Atom"})

    assert XML_INVALID.sub("", f"{TITLE} ({CODE})") in titles


def csv_cells(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def xlsx_cells(content: bytes) -> list:
    workbook = load_workbook(io.BytesIO(content))
    return [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]


def assert_defused(cells: list[str], typed: list[str], where: str) -> None:
    """No text cell starts a formula, and each typed text that would is there with an apostrophe."""
    texts = [cell for cell in cells if isinstance(cell, str)]
    assert not [cell for cell in texts if cell.startswith(FORMULA_STARTS)], where
    for value in typed:
        shown = "'" + value if value.startswith(FORMULA_STARTS) else value
        assert any(cell == shown or cell == XML_INVALID.sub("", shown) for cell in texts), f"{where}: {value!r}"


def test_csv_downloads_defuse_formulas(client: Client, hostile: dict) -> None:
    columns = "title,acronym,code,countries,url"
    rows = csv_cells(get(client, f"/programmes/export.csv?columns={columns}"))
    assert_defused([c for row in rows for c in row], [TITLE, ACRONYM, CODE, COUNTRY], "programme list")

    rows = csv_cells(get(client, "/funders/hostile-funder/funding.csv"))
    assert_defused([c for row in rows for c in row], [TITLE, PURPOSE[:1].upper() + PURPOSE[1:], COMPONENT], "funder")

    rows = csv_cells(get(hostile["donor"], "/donor/export.csv"))
    assert_defused([c for row in rows for c in row], [TITLE, SHOWN_FUNDER, PURPOSE], "donor")


def test_xlsx_downloads_defuse_formulas(client: Client, hostile: dict) -> None:
    for visitor, url, typed in [
        (client, "/programmes/export.xlsx?columns=title,acronym,code,countries", [TITLE, ACRONYM, CODE, COUNTRY]),
        (hostile["donor"], "/donor/export.xlsx", [TITLE, SHOWN_FUNDER, PURPOSE, TRANSACTION, "=1+2"]),
    ]:
        cells = xlsx_cells(get(visitor, url))

        assert not [cell.coordinate for cell in cells if cell.data_type == "f"], url
        assert_defused([cell.value for cell in cells], typed, url)


# A formula behind what a spreadsheet may skip (spaces of any width, line breaks, invisible control
# and format characters), or written with its sign in another width (OWASP, CSV injection).
DISGUISED_FORMULAS = [
    " =1+2",
    "  +1+2",
    "\n=1+2",
    "\r\n-1+2",
    "\t@SUM(A1)",
    "\u00a0=1+2",  # no-break space
    "\u3000=1+2",  # ideographic space
    "\u200b=1+2",  # zero-width space
    "\ufeff=1+2",  # byte order mark
    "\x07=1+2",
    "\x1f+1+2",
    "\x7f=1+2",
    "＝1+2",
    "＋1+2",
    "－1+2",
    "＠SUM(A1)",
    "﹦1+2",  # small equals sign
    " \n＝1+2",
]
# Text that only starts like the above stays as it was typed.
PLAIN = [" plain text", "\u200bplain text", "plain = text", "1+2"]


@pytest.mark.parametrize("value", DISGUISED_FORMULAS)
def test_a_formula_behind_spaces_control_characters_or_a_wide_sign_is_defused(value: str) -> None:
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", PLAIN)
def test_text_that_is_no_formula_is_left_as_typed(value: str) -> None:
    assert safe_cell(value) == value


@pytest.fixture
def disguised(db) -> dict[str, str]:
    """Programme title -> the disguised formula typed as its code."""
    typed = {f"Disguised {number:02d}": value for number, value in enumerate(DISGUISED_FORMULAS + PLAIN)}
    for title, value in typed.items():
        ProgrammeFactory(title=title, code=value)
    return typed


def test_csv_downloads_defuse_disguised_formulas(client: Client, disguised: dict[str, str]) -> None:
    rows = csv_cells(get(client, "/programmes/export.csv?columns=title,code&q=Disguised"))

    codes = {title: code for title, code in rows[1:]}
    assert codes == {title: safe_cell_expected(value) for title, value in disguised.items()}


def test_xlsx_downloads_defuse_disguised_formulas(client: Client, disguised: dict[str, str]) -> None:
    workbook = load_workbook(io.BytesIO(get(client, "/programmes/export.xlsx?columns=title,code&q=Disguised")))
    rows = list(workbook.active.iter_rows(min_row=2))

    assert not [cell.coordinate for row in rows for cell in row if cell.data_type == "f"]
    codes = {title.value: code.value for title, code in rows}
    # A worksheet cannot hold XML's forbidden control characters: they are left out, apostrophe kept.
    expected = {title: safe_cell_expected(XML_INVALID.sub("", value)) for title, value in disguised.items()}
    assert codes == expected


def safe_cell_expected(value: str) -> str:
    return value if value in PLAIN else "'" + value
