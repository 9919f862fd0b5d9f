"""Reading an IATI 2.03 activities file into plain records, checked one activity at a time.

Nothing here touches the database: ``parse_iati_file`` turns untrusted bytes (read and parsed
safely by ``iati.safe_xml``) into ``ActivityData`` records (``iati.records``) and a list of
``Rejection``s, and raises ``IatiFileError`` when the file as a whole cannot be read.
``iati.importer.iati_file_import`` writes the records.
"""

from __future__ import annotations

import re

from django.conf import settings
from lxml import etree

from iati.documents import read_document_links
from iati.elements import (
    XML_LANG,
    child_attr,
    narrative,
    parse_amount,
    parse_currency,
    parse_date,
    parse_organisation,
    partial_date_of,
    text,
    translations,
)
from iati.locations import read_locations
from iati.records import (
    ActivityData,
    BudgetData,
    CountryShare,
    ParsedFile,
    PartialDate,
    ParticipantData,
    Rejection,
    TransactionData,
)
from iati.related import read_related_activities
from iati.results import parse_results
from iati.safe_xml import IatiFileError, parse_xml
from partners.models import Participation
from programmes.models import Programme

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
STATUSES = {code: status for status, code in Programme.IATI_STATUS.items()} | {
    "4": Programme.Status.COMPLETED  # post-completion: the work itself is finished
}
SCOPES = {code: coverage for coverage, code in Programme.IATI_SCOPE.items()}
ROLES = set(Participation.Role.values)
TRANSACTION_TYPES = {"2", "3", "4"}  # outgoing commitment, disbursement, expenditure (funding.Transaction.Type)
BUDGET_STATUSES = {"1", "2"}


def parse_iati_file(data: bytes) -> ParsedFile:
    root = parse_xml(data)
    if root.tag != "iati-activities":
        raise IatiFileError(
            f"This is not an IATI activities file: its root element is <{etree.QName(root).localname}>"
            f"{' in a namespace' if etree.QName(root).namespace else ''}, not <iati-activities>."
        )
    version = root.get("version", "")
    if version and not version.startswith("2."):
        raise IatiFileError(f"The file is IATI version {version}; the portal imports IATI 2.03 (2.0x) files.")
    elements = root.findall("iati-activity")
    if not elements:
        raise IatiFileError("The file contains no <iati-activity> element.")
    activities: list[ActivityData] = []
    rejections: list[Rejection] = []
    seen: dict[str, int | None] = {}
    for element in elements:
        identifier = text(element.find("iati-identifier")) or "(no identifier)"
        reasons: list[str] = []
        if identifier in seen:
            reasons.append(f"the identifier appears twice in the file (first at line {seen[identifier]})")
        else:
            seen[identifier] = element.sourceline
        activity = parse_activity(element, identifier, reasons)
        if reasons:
            rejections.append(Rejection(identifier, element.sourceline, "; ".join(reasons) + "."))
        else:
            activities.append(activity)
    return ParsedFile(activities, rejections, len(elements))


def split_identifier(identifier: str, code: str, reasons: list[str]) -> str:
    """The slug the identifier carries, if any: XM-DAC-47066-<code> or XM-DAC-47066-<slug>."""
    prefix = f"{settings.IATI_REPORTING_ORG_REF}-"
    if not identifier.startswith(prefix) or identifier == prefix:
        reasons.append(f"the identifier does not start with {prefix}; the portal imports only activities IOM reports")
        return ""
    suffix = identifier.removeprefix(prefix)
    if suffix == code or not SLUG_PATTERN.match(suffix):
        return ""
    return suffix


def parse_activity(element: etree._Element, identifier: str, reasons: list[str]) -> ActivityData:
    lang = element.get(XML_LANG) or "en"
    default_currency = (element.get("default-currency") or "").strip().upper()
    if default_currency and not re.fullmatch(r"[A-Z]{3}", default_currency):
        reasons.append(f"its default-currency '{default_currency}' is not a three-letter code")
    if identifier == "(no identifier)":
        reasons.append("it has no iati-identifier")

    reporting = element.find("reporting-org")
    reporter = (reporting.get("ref") or "").strip() if reporting is not None else ""
    if reporter != settings.IATI_REPORTING_ORG_REF:
        reasons.append(f"it is reported by '{reporter or 'nobody'}', not by IOM ({settings.IATI_REPORTING_ORG_REF})")

    codes = [(o.get("ref") or "").strip() for o in element.findall("other-identifier") if o.get("type") == "A1"]
    code = codes[0] if codes else ""
    if len(code) > 20:
        reasons.append(f"its IOM project code '{code[:30]}' is longer than 20 characters")
    slug = split_identifier(identifier, code, reasons)
    if not code and not slug and not reasons:
        # XM-DAC-47066-T81-805 without an other-identifier: the suffix is a project code.
        code = identifier.removeprefix(f"{settings.IATI_REPORTING_ORG_REF}-")
        if len(code) > 20:
            reasons.append(f"its identifier '{identifier}' is neither a portal slug nor an IOM project code")

    title = narrative(element.find("title"), lang)
    if not title:
        reasons.append("it has no title")
    elif len(title) > 255:
        reasons.append("its title is longer than 255 characters")
    descriptions = [d for d in element.findall("description") if d.get("type", "1") == "1"]
    activity = ActivityData(
        identifier=identifier,
        line=element.sourceline,
        code=code,
        slug=slug,
        title=title,
        description=narrative(descriptions[0], lang, keep_lines=True) if descriptions else "",
        default_currency=default_currency,
        title_translations=translations(element.find("title"), lang, max_length=255),
        description_translations=translations(descriptions[0], lang, keep_lines=True) if descriptions else {},
    )

    if (status := element.find("activity-status")) is not None:
        activity.status = STATUSES.get(status.get("code", ""), "")
        if not activity.status:
            reasons.append(f"its activity-status '{status.get('code', '')}' has no equivalent in the portal")
    if (scope := element.find("activity-scope")) is not None:
        activity.coverage = SCOPES.get(scope.get("code", ""), "")
        if not activity.coverage:
            reasons.append(f"its activity-scope '{scope.get('code', '')}' is neither 4 (national) nor 2 (regional)")

    dates: dict[str, PartialDate] = {}
    for date_element in element.findall("activity-date"):
        type_ = date_element.get("type", "")
        if type_ not in {"1", "2", "3", "4"}:
            reasons.append(f"an activity-date has the type '{type_}', not 1-4")
            continue
        value = parse_date(date_element.get("iso-date"), f"the activity-date of type {type_}", reasons)
        dates[type_] = partial_date_of(date_element, value, lang)
    # Actual dates win over planned ones.
    activity.start = dates.get("2") or dates.get("1") or PartialDate(None)
    activity.end = dates.get("4") or dates.get("3") or PartialDate(None)
    start, end = activity.start.date, activity.end.date
    if start and end and end < start:
        reasons.append(f"it ends ({end}) before it starts ({start})")

    for country in element.findall("recipient-country"):
        country_code = (country.get("code") or "").strip().upper()
        percentage = None
        if country.get("percentage") not in (None, ""):
            percentage = parse_amount(country.get("percentage"), f"recipient-country {country_code}", reasons, False)
            if percentage is not None and percentage > 100:
                reasons.append(f"recipient-country {country_code} has a percentage over 100")
        activity.countries.append(CountryShare(country_code, percentage))
    activity.locations = read_locations(element, lang, reasons)

    for sector in element.findall("sector"):
        vocabulary = sector.get("vocabulary", "1")
        sector_code = (sector.get("code") or "").strip()
        if vocabulary == "1" and not activity.dac_sector:
            if not re.fullmatch(r"[0-9]{5}", sector_code):
                reasons.append(f"its DAC sector '{sector_code}' is not a 5-digit code")
            activity.dac_sector = sector_code
        elif vocabulary == "99" and activity.project_type is None:
            name = narrative(sector, lang)
            if not SLUG_PATTERN.match(sector_code) or not name:
                reasons.append(f"its project type (sector vocabulary 99) '{sector_code}' needs a slug code and a name")
            activity.project_type = (sector_code, name)
            activity.project_type_names = translations(sector, lang, max_length=100)

    for related in element.findall("related-activity"):
        if related.get("type") == "1":
            activity.parent_identifier = (related.get("ref") or "").strip()
            if activity.parent_identifier == identifier:
                reasons.append("it names itself as its parent (related-activity type 1)")
    activity.related = read_related_activities(element, identifier, reasons)

    for org in element.findall("participating-org"):
        role = (org.get("role") or "").strip()
        organisation = parse_organisation(org, lang, "a participating-org", reasons)
        if role not in ROLES:
            reasons.append(f"participating-org '{organisation}' has the role '{role}', not 1-4")
        activity.participants.append(ParticipantData(organisation, role))

    for budget in element.findall("budget"):
        what = "a budget"
        start = parse_date(child_attr(budget, "period-start", "iso-date"), f"{what}'s period-start", reasons)
        end = parse_date(child_attr(budget, "period-end", "iso-date"), f"{what}'s period-end", reasons)
        what = f"the budget from {start}" if start else "a budget"
        value = budget.find("value")
        amount = parse_amount(text(value), what, reasons, positive=False)
        currency = parse_currency(value if value is not None else budget, default_currency, what, reasons)
        status_code = budget.get("status", "")  # absent: indicative, or the portal's total budget
        if status_code and status_code not in BUDGET_STATUSES:
            reasons.append(f"{what} has the status '{status_code}', not 1 or 2")
        if start and end and amount is not None:
            if end < start:
                reasons.append(f"the budget from {start} ends before it starts")
            elif (end - start).days > 366:
                reasons.append(f"the budget from {start} to {end} covers more than a year (IATI rule)")
            activity.budgets.append(BudgetData(start, end, amount, currency, status_code))

    for number, tx in enumerate(element.findall("transaction"), start=1):
        what = f"transaction {number} (line {tx.sourceline})"
        type_ = child_attr(tx, "transaction-type", "code") or ""
        if type_ not in TRANSACTION_TYPES:
            reasons.append(
                f"{what} has the transaction-type '{type_}'; the portal records 2 (commitment), "
                "3 (disbursement) and 4 (expenditure)"
            )
        date = parse_date(child_attr(tx, "transaction-date", "iso-date"), f"{what}'s transaction-date", reasons)
        value = tx.find("value")
        amount = parse_amount(text(value), what, reasons, positive=True)
        currency = parse_currency(value if value is not None else tx, default_currency, what, reasons)
        provider_element = tx.find("provider-org")
        if provider_element is None:
            reasons.append(f"{what} has no provider-org, so the portal cannot tell which funder's grant it is")
            continue
        provider = parse_organisation(provider_element, lang, f"{what}'s provider-org", reasons)
        description = narrative(tx.find("description"), lang)[:300]
        if date and amount is not None:
            activity.transactions.append(TransactionData(type_, date, amount, currency, provider, description))

    activity.results = parse_results(element, lang, reasons)
    activity.documents = read_document_links(element, lang, reasons)
    return activity
