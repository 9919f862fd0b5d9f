"""Reading an IATI 2.03 activities file into plain records, checked one activity at a time.

Nothing here touches the database: ``parse_iati_file`` turns untrusted bytes into
``ActivityData`` records and a list of ``Rejection``s, and raises ``IatiFileError`` when the
file as a whole cannot be read. ``funding.services.iati_file_import`` writes the records.

The file comes from outside, so the parser is locked down: no DTD (a DOCTYPE or ENTITY
declaration rejects the file before and after parsing), no entity is ever expanded, nothing
is fetched from the network or the disk, and libxml2's limits on huge documents stay on.
"""

from __future__ import annotations

import datetime
import os
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from lxml import etree

from partners.models import Organisation, Participation
from programmes.models import DatePrecision, Programme
from programmes.translation import OTHER_LANGUAGES

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")

STATUSES = {code: status for status, code in Programme.IATI_STATUS.items()} | {
    "4": Programme.Status.COMPLETED  # post-completion: the work itself is finished
}
SCOPES = {code: coverage for coverage, code in Programme.IATI_SCOPE.items()}
ORGANISATION_TYPES = set(Organisation.Type.values)
# The portal's list has one private-sector type; IATI 2.03 splits it by where the company is.
ORGANISATION_TYPE_ALIASES = {"71": "70", "72": "70", "73": "70"}
ROLES = set(Participation.Role.values)
TRANSACTION_TYPES = {"2", "3", "4"}  # outgoing commitment, disbursement, expenditure (funding.Transaction.Type)
BUDGET_STATUSES = {"1", "2"}
MONTHS = {datetime.date(2000, month, 1).strftime("%B"): month for month in range(1, 13)}


class IatiFileError(Exception):
    """The file as a whole cannot be imported; the message says why, in plain words."""


def max_bytes() -> int:
    return int(getattr(settings, "IATI_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES))


def too_large_message(size: int | None, limit: int) -> str:
    what = f"The file is {filesizeformat(size)}" if size else "The file is too large"
    return f"{what}; the largest file the portal imports is {filesizeformat(limit)}."


@dataclass
class Rejection:
    identifier: str
    line: int | None
    reason: str


# A text's translations from a file's narratives: language -> text, for the portal's languages
# other than English (English is the field itself).
Translations = dict[str, str]


@dataclass
class OrganisationData:
    ref: str
    name: str
    type: str  # OrganisationType code, or "" when the file does not say
    names: Translations = field(default_factory=dict)

    def __str__(self) -> str:
        return self.name or self.ref


@dataclass
class ParticipantData:
    organisation: OrganisationData
    role: str


@dataclass
class CountryShare:
    code: str
    percentage: Decimal | None


@dataclass
class BudgetData:
    period_start: datetime.date
    period_end: datetime.date
    amount: Decimal
    currency: str
    status: str  # "" when the file gives none


@dataclass
class TransactionData:
    type: str
    date: datetime.date
    amount: Decimal
    currency: str
    provider: OrganisationData
    description: str


@dataclass
class ActivityData:
    identifier: str
    line: int | None
    code: str  # IOM project code, "" when the activity has none
    slug: str  # the portal's slug when the identifier carries one, else ""
    title: str
    description: str = ""
    status: str = ""
    coverage: str = ""
    start: PartialDate = field(default_factory=lambda: PartialDate(None))
    end: PartialDate = field(default_factory=lambda: PartialDate(None))
    dac_sector: str = ""
    project_type: tuple[str, str] | None = None  # (slug, name)
    parent_identifier: str = ""
    default_currency: str = ""
    countries: list[CountryShare] = field(default_factory=list)
    participants: list[ParticipantData] = field(default_factory=list)
    budgets: list[BudgetData] = field(default_factory=list)
    transactions: list[TransactionData] = field(default_factory=list)
    results: list[str] = field(default_factory=list)
    # The title's and description's translations; each result's, in the order of ``results``.
    title_translations: Translations = field(default_factory=dict)
    description_translations: Translations = field(default_factory=dict)
    result_translations: list[Translations] = field(default_factory=list)


@dataclass
class ParsedFile:
    activities: list[ActivityData]
    rejections: list[Rejection]
    total: int


def read_source(source: str | Path | bytes | IO[bytes], limit: int | None = None) -> bytes:
    """The file's bytes, never reading more than the limit (plus one byte, to tell that it is over)."""
    limit = max_bytes() if limit is None else limit
    size: int | None = None
    if isinstance(source, bytes):
        data, size = source, len(source)
    elif isinstance(source, str | Path):
        try:
            with open(source, "rb") as handle:
                size = os.fstat(handle.fileno()).st_size
                data = handle.read(limit + 1)
        except OSError as error:
            raise IatiFileError(f"The file cannot be read: {error.strerror or error}.") from error
    else:
        if hasattr(source, "seek"):
            source.seek(0)
        size = getattr(source, "size", None)
        data = source.read(limit + 1)
    if len(data) > limit:
        raise IatiFileError(too_large_message(size, limit))
    if not data.strip():
        raise IatiFileError("The file is empty.")
    return data


DTD_REFUSED = (
    "The file declares a DOCTYPE or entities, which IATI files never need; "
    "the portal refuses such files because entities can expand or read other files."
)


def _refuse_dtd(data: bytes) -> None:
    # Dropping NUL bytes finds the markup in UTF-16 and UTF-32 too; rarer encodings are caught after parsing.
    ascii_view = data.replace(b"\x00", b"")
    if b"<!DOCTYPE" in ascii_view or b"<!ENTITY" in ascii_view:
        raise IatiFileError(DTD_REFUSED)


def parse_xml(data: bytes) -> etree._Element:
    """The root element of untrusted XML, parsed without DTDs, entities or network access."""
    _refuse_dtd(data)
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        if "entity" in (error.msg or "").lower():
            # libxml2's own guards (amplification, undefined entities) speak its language, not the staff's.
            raise IatiFileError(DTD_REFUSED) from error
        where = f" (line {error.lineno})" if error.lineno else ""
        raise IatiFileError(f"The file is not well-formed XML{where}: {error.msg}.") from error
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise IatiFileError(DTD_REFUSED)
    if any(isinstance(node, etree._Entity) for node in root.iter()):
        raise IatiFileError(DTD_REFUSED)
    return root


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


def text(element: etree._Element | None) -> str:
    return " ".join((element.text or "").split()) if element is not None else ""


def narrative(element: etree._Element | None, activity_lang: str = "en", keep_lines: bool = False) -> str:
    """The English narrative of an element (or the only one there is)."""
    narratives = [] if element is None else element.findall("narrative")
    if not narratives:
        return ""
    chosen = next((n for n in narratives if narrative_language(n, activity_lang) == "en"), narratives[0])
    return narrative_text(chosen, keep_lines)


def translations(
    element: etree._Element | None, activity_lang: str = "en", keep_lines: bool = False, max_length: int = 0
) -> Translations:
    """The element's narratives in the portal's other languages (by ``xml:lang``, else the activity's).

    The first narrative of a language counts; an empty one, or one too long for the field, is left out.
    """
    found: Translations = {}
    for node in [] if element is None else element.findall("narrative"):
        language = narrative_language(node, activity_lang)
        if language not in OTHER_LANGUAGES or language in found:
            continue
        value = narrative_text(node, keep_lines)
        if value and not (max_length and len(value) > max_length):
            found[language] = value
    return found


def narrative_language(node: etree._Element, activity_lang: str) -> str:
    """A narrative's language: its ``xml:lang``, else the activity's, else English; "en-GB" is "en"."""
    return re.split(r"[-_]", (node.get(XML_LANG) or activity_lang or "en").lower(), maxsplit=1)[0]


def narrative_text(node: etree._Element, keep_lines: bool) -> str:
    """A narrative's text: on one line, or with its line breaks (its paragraphs) when ``keep_lines``."""
    value = "".join(node.itertext())
    return normalise_text(value) if keep_lines else " ".join(value.split())


def normalise_text(value: str) -> str:
    """Text with its line breaks (so its paragraphs) but no runs of spaces inside a line."""
    return "\n".join(" ".join(line.split()) for line in value.strip().splitlines()).strip()


def parse_date(value: str | None, what: str, reasons: list[str]) -> datetime.date | None:
    if not value:
        reasons.append(f"{what} has no iso-date")
        return None
    try:
        if not ISO_DATE.match(value):
            raise ValueError
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        reasons.append(f"{what} has the date '{value}', which is not a date like 2001-05-28")
        return None


def parse_amount(value: str | None, what: str, reasons: list[str], positive: bool) -> Decimal | None:
    try:
        amount = Decimal((value or "").strip().replace(",", ""))
        if not amount.is_finite():
            raise InvalidOperation
    except InvalidOperation:
        reasons.append(f"{what} has the value '{(value or '').strip()}', which is not a number")
        return None
    if amount.as_tuple().exponent < -2 or abs(amount) >= Decimal(10) ** 12:
        reasons.append(f"{what} has the value {amount}, which the portal cannot store (at most 12 digits and cents)")
        return None
    if amount < 0 or (positive and amount == 0):
        need = "greater than zero" if positive else "zero or more"
        reasons.append(f"{what} has the value {amount}; the portal records only amounts {need}")
        return None
    return amount


def parse_currency(element: etree._Element, default: str, what: str, reasons: list[str]) -> str:
    currency = (element.get("currency") or default).strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", currency):
        reasons.append(f"{what} has no currency (neither its own nor the activity's default-currency)")
    return currency


def parse_organisation(element: etree._Element, lang: str, what: str, reasons: list[str]) -> OrganisationData:
    ref = " ".join((element.get("ref") or "").split())
    name = narrative(element, lang)
    names = translations(element, lang, max_length=200)
    type_ = (element.get("type") or "").strip()
    type_ = ORGANISATION_TYPE_ALIASES.get(type_, type_)
    if not ref and not name:
        reasons.append(f"{what} has neither a ref nor a name")
    if type_ and type_ not in ORGANISATION_TYPES:
        reasons.append(f"{what} '{name or ref}' has the organisation type {type_}, which is not an IATI code")
    if len(name) > 200 or len(ref) > 100:
        reasons.append(f"{what} '{name[:40]}…' has a name or ref too long for the portal")
    return OrganisationData(ref=ref, name=name, type=type_, names=names)


@dataclass(frozen=True)
class PartialDate:
    date: datetime.date | None
    precision: str = DatePrecision.DAY
    estimate: str = ""  # what an estimated date rests on, as the narrative says it


ESTIMATED = "Estimated:"


def partial_date_of(element: etree._Element, date: datetime.date | None, lang: str) -> PartialDate:
    """A date with what its narrative says of it: the portal's export writes "2001: known only to
    the year." or "2002-08: ..." (a start as the period's first day, an end as its last), then
    "Estimated: <what it rests on>"; other publishers write '2001' or 'October 2001'. The date is
    stored as the first day of the period it stands for."""
    said = narrative(element, lang)
    if date is None or not said:
        return PartialDate(date)
    head, _, rest = said.partition(ESTIMATED)
    estimate = rest.strip()
    known = head.split(":", 1)[0].strip()
    if known == str(date.year):
        return PartialDate(date.replace(month=1, day=1), DatePrecision.YEAR, estimate)
    if known in (f"{date:%Y-%m}", f"{date:%B} {date.year}"):
        return PartialDate(date.replace(day=1), DatePrecision.MONTH, estimate)
    return PartialDate(date, DatePrecision.DAY, estimate)


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

    for related in element.findall("related-activity"):
        if related.get("type") == "1":
            activity.parent_identifier = (related.get("ref") or "").strip()
            if activity.parent_identifier == identifier:
                reasons.append("it names itself as its parent (related-activity type 1)")

    for org in element.findall("participating-org"):
        role = (org.get("role") or "").strip()
        organisation = parse_organisation(org, lang, "a participating-org", reasons)
        if role not in ROLES:
            reasons.append(f"participating-org '{organisation}' has the role '{role}', not 1-4")
        activity.participants.append(ParticipantData(organisation, role))

    for budget in element.findall("budget"):
        what = "a budget"
        start = parse_date(_attr(budget, "period-start", "iso-date"), f"{what}'s period-start", reasons)
        end = parse_date(_attr(budget, "period-end", "iso-date"), f"{what}'s period-end", reasons)
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
        type_ = _attr(tx, "transaction-type", "code") or ""
        if type_ not in TRANSACTION_TYPES:
            reasons.append(
                f"{what} has the transaction-type '{type_}'; the portal records 2 (commitment), "
                "3 (disbursement) and 4 (expenditure)"
            )
        date = parse_date(_attr(tx, "transaction-date", "iso-date"), f"{what}'s transaction-date", reasons)
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

    for result in element.findall("result"):
        result_title = narrative(result.find("title"), lang)
        if not result_title:
            reasons.append(f"the result at line {result.sourceline} has no title")
        elif len(result_title) > 500:
            reasons.append(f"the result at line {result.sourceline} has a title longer than 500 characters")
        else:
            activity.results.append(result_title)
            activity.result_translations.append(translations(result.find("title"), lang, max_length=500))
    return activity


def _attr(element: etree._Element, child: str, attribute: str) -> str | None:
    found = element.find(child)
    return found.get(attribute) if found is not None else None
