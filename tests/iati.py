"""Checks of IATI activities and organisation files against the official IATI 2.03 material beside the project.

Shared by the tests of the portal's IATI export (tests/programmes/test_iati_export.py) and of the
IATI importer (tests/funding/): each check takes the file's bytes and returns its problems as
plain strings, an empty list when the file passes.

- ``validate_schema(xml_bytes)``: the official schema, ../shared/iati-2.03/iati-activities-schema.xsd
  (loaded once per test session), or iati-organisations-schema.xsd for an organisation file;
- ``check_codelists(xml_bytes)``: every coded attribute, as ``codelists/mapping.xml`` maps it for the
  file's kind (activities or organisations), is an active (not withdrawn) member of its codelist;
- ``check_rules(xml_bytes, today=None)``: the IATI Standard ruleset's checks that apply to activities
  (identifier prefixed with the reporting-org ref, a start date, no actual date in the future,
  percentages summing to 100, budgets of a year or less...);
- ``check_organisation_rules(xml_bytes)``: those that apply to an organisation file (its identifier is
  the reporting-org's, budgets of a year or less that end after they start).

The material is read from ../shared, which only tests may use: the portal never reads it.
"""

from __future__ import annotations

import datetime
import functools
import re
from decimal import Decimal
from pathlib import Path

from lxml import etree

IATI_DIR = Path(__file__).resolve().parents[2] / "shared" / "iati-2.03"
CODELISTS_DIR = IATI_DIR / "codelists"

# Codelists mapping.xml names for what the export writes that are not among ../shared's files;
# their codes as the IATI 2.03 Standard lists them (LocationType, GeoNames' feature codes, only
# in the part the portal offers).
MISSING_CODELISTS = {
    "OtherIdentifierType": {"A1", "A2", "A3", "B1", "B9"},
    "ResultType": {"1", "2", "3", "9"},
    "IndicatorMeasure": {"1", "2", "3", "4", "5"},
    "GeographicLocationReach": {"1", "2"},
    "GeographicExactness": {"1", "2"},
    "GeographicLocationClass": {"1", "2", "3", "4"},
    "GeographicVocabulary": {"A1", "A2", "A3", "A4", "G1", "G2"},
    "LocationType": {"PPLC", "PPLA", "PPL", "PCLI", "ADM1", "ADM2", "ISL", "PRT", "AIRP", "BLDG", "HTL"},
    # FileFormat is IANA's list of media types; these are the registered types documents may have.
    "FileFormat": {
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.oasis.opendocument.text",
        "application/vnd.oasis.opendocument.spreadsheet",
        "text/csv",
        "text/plain",
        "text/html",
        "image/png",
        "image/jpeg",
    },
}
# Characters the ruleset forbids in identifiers and organisation references.
FORBIDDEN = re.compile(r"[/&|?]")


ORGANISATIONS = "iati-organisations"


@functools.cache
def _schema(root: str = "iati-activities") -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(IATI_DIR / f"{root}-schema.xsd")))


def _parse(xml_bytes: bytes) -> etree._ElementTree:
    return etree.ElementTree(etree.fromstring(xml_bytes))


def validate_schema(xml_bytes: bytes) -> list[str]:
    tree = _parse(xml_bytes)
    schema = _schema(ORGANISATIONS if tree.getroot().tag == ORGANISATIONS else "iati-activities")
    if schema.validate(tree):
        return []
    return [f"line {error.line}: {error.message}" for error in schema.error_log]


@functools.cache
def codelist(name: str) -> frozenset[str] | None:
    """The active codes of a codelist, or None when ../shared does not have it."""
    path = CODELISTS_DIR / f"{name}.xml"
    if not path.exists():
        return frozenset(MISSING_CODELISTS[name]) if name in MISSING_CODELISTS else None
    items = etree.parse(str(path)).getroot().find("codelist-items")
    return frozenset(item.findtext("code") for item in items if item.get("status") != "withdrawn")


@functools.cache
def _mappings(organisations: bool = False) -> list[tuple[str, str, str | None]]:
    """(path, codelist, condition) for every attribute mapping.xml maps in an activities file (or an
    organisation file)."""
    root = etree.parse(str(CODELISTS_DIR / "mapping.xml")).getroot()
    mappings = []
    for mapping in root.iter("mapping"):
        path = mapping.findtext("path")
        if path.startswith(("//iati-organisation/", "//iati-organisations/")) != organisations:
            continue
        mappings.append((path, mapping.find("codelist").get("ref"), mapping.findtext("condition")))
    return mappings


def check_codelists(xml_bytes: bytes) -> list[str]:
    tree = _parse(xml_bytes)
    problems = []
    for path, name, condition in _mappings(tree.getroot().tag == ORGANISATIONS):
        for value in tree.xpath(path):
            element = value.getparent()  # the element that holds the attribute or text
            if condition and not element.xpath(condition):
                continue
            codes = codelist(name)
            if codes is None:
                problems.append(f"{path}: no {name} codelist to check “{value}” against")
            elif str(value) not in codes:
                problems.append(f"{path}: “{value}” is not an active {name} code")
    return problems


def _dates(activity: etree._Element, path: str) -> list[datetime.date]:
    return [datetime.date.fromisoformat(value) for value in activity.xpath(path)]


def _percentages(activity: etree._Element, path: str) -> list[Decimal]:
    return [Decimal(value) for value in activity.xpath(path)]


def check_rules(xml_bytes: bytes, today: datetime.date | None = None) -> list[str]:
    """The IATI Standard ruleset (rulesets/standard.json), as far as it concerns activities."""
    today = today or datetime.date.today()
    root = _parse(xml_bytes).getroot()
    problems = []
    seen: set[str] = set()
    for activity in root.iter("iati-activity"):
        identifier = activity.findtext("iati-identifier") or ""
        problem = functools.partial(lambda ident, message: problems.append(f"{ident}: {message}"), identifier)
        reporting_ref = activity.find("reporting-org").get("ref", "")
        if not identifier.startswith(f"{reporting_ref}-"):
            problem(f"the identifier does not start with the reporting-org ref {reporting_ref}")
        if identifier in seen:
            problem("the identifier is used twice")
        seen.add(identifier)
        refs = [identifier, reporting_ref, *activity.xpath("participating-org/@ref | transaction/*/@ref")]
        if any(FORBIDDEN.search(ref) for ref in refs):
            problem("an identifier or organisation ref contains / & | or ?")
        if not activity.xpath("activity-date[@type='1' or @type='2']"):
            problem("no start date (planned or actual)")
        for date_type in ("2", "4"):
            if any(date > today for date in _dates(activity, f"activity-date[@type='{date_type}']/@iso-date")):
                problem(f"an actual date (type {date_type}) is in the future")
        for start, end in (("1", "3"), ("2", "4")):
            starts = _dates(activity, f"activity-date[@type='{start}']/@iso-date")
            ends = _dates(activity, f"activity-date[@type='{end}']/@iso-date")
            if starts and ends and min(starts) > max(ends):
                problem(f"activity-date type {start} is after type {end}")
        updated = activity.get("last-updated-datetime")
        if updated and datetime.datetime.fromisoformat(updated).date() > today:
            problem("last-updated-datetime is in the future")
        countries = _percentages(activity, "recipient-country/@percentage")
        regions = _percentages(activity, "recipient-region/@percentage")
        if countries and regions:
            problem("both recipient-country and recipient-region")
        if (countries or regions) and sum(countries + regions) != 100:
            problem(f"recipient percentages add up to {sum(countries + regions)}, not 100")
        if any(p < 0 for p in countries + regions + _percentages(activity, "sector/@percentage")):
            problem("a negative percentage")
        if not activity.xpath("sector | transaction/sector"):
            problem("no sector")
        for vocabulary in set(activity.xpath("sector/@vocabulary")) or {"1"}:
            shares = _percentages(activity, f"sector[@vocabulary='{vocabulary}']/@percentage")
            if shares and sum(shares) != 100:
                problem(f"sector percentages of vocabulary {vocabulary} add up to {sum(shares)}, not 100")
        if activity.xpath("sector[@vocabulary='98' or @vocabulary='99'][not(narrative)]"):
            problem("a reporting-organisation sector without a narrative")
        if activity.get("{http://www.w3.org/XML/1998/namespace}lang") is None and activity.xpath(
            ".//narrative[not(@xml:lang)]"
        ):
            problem("neither the activity nor every narrative states its language")
        if activity.get("default-currency") is None and activity.xpath(".//value[not(@currency)]"):
            problem("neither a default currency nor a currency on every value")
        for org in activity.xpath("participating-org | other-identifier/owner-org | transaction/provider-org"):
            if not (org.get("ref") or org.xpath("narrative")):
                problem(f"a {org.tag} with neither a ref nor a name")
        for budget in activity.xpath("budget"):
            start = datetime.date.fromisoformat(budget.find("period-start").get("iso-date"))
            end = datetime.date.fromisoformat(budget.find("period-end").get("iso-date"))
            if end < start:
                problem(f"a budget period ends before it starts ({start} – {end})")
            if (end - start).days > 365:
                problem(f"a budget period is longer than a year ({start} – {end})")
        for transaction in activity.xpath("transaction"):
            dates = _dates(transaction, "transaction-date/@iso-date | value/@value-date")
            if any(date > today for date in dates):
                problem("a transaction is dated in the future")
    return problems


def check_organisation_rules(xml_bytes: bytes) -> list[str]:
    """The IATI Standard ruleset (rulesets/standard.json), as far as it concerns organisation files."""
    problems = []
    for organisation in _parse(xml_bytes).getroot().iter("iati-organisation"):
        identifier = organisation.findtext("organisation-identifier") or ""
        if identifier != organisation.find("reporting-org").get("ref") or FORBIDDEN.search(identifier):
            problems.append(f"{identifier}: the identifier is not the reporting-org's ref, or contains / & | or ?")
        for budget in organisation.xpath("total-budget | recipient-org-budget | recipient-country-budget"):
            start = datetime.date.fromisoformat(budget.find("period-start").get("iso-date"))
            end = datetime.date.fromisoformat(budget.find("period-end").get("iso-date"))
            if not start <= end or (end - start).days > 365:
                problems.append(f"{identifier}: a {budget.tag} period is not of a year or less ({start} – {end})")
    return problems


def activity_count(xml_bytes: bytes) -> int:
    return len(_parse(xml_bytes).getroot().findall("iati-activity"))


def activities(xml_bytes: bytes) -> dict[str, etree._Element]:
    """Each activity of the file by its identifier."""
    return {a.findtext("iati-identifier"): a for a in _parse(xml_bytes).getroot().iter("iati-activity")}
