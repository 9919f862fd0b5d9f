"""Reading one element of an IATI activity: its narratives, dates, amounts, currencies and organisations.

Each ``parse_*`` function returns what the element says and adds to ``reasons`` what keeps it
from being imported, in plain words; ``iati.reader`` rejects an activity with any reason.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation

from lxml import etree

from iati.records import OrganisationData, PartialDate, Translations
from partners.models import Organisation
from programmes.models import DatePrecision
from programmes.translation import OTHER_LANGUAGES

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
ORGANISATION_TYPES = set(Organisation.Type.values)
# The portal's list has one private-sector type; IATI 2.03 splits it by where the company is.
ORGANISATION_TYPE_ALIASES = {"71": "70", "72": "70", "73": "70"}


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


def child_attr(element: etree._Element, child: str, attribute: str) -> str | None:
    found = element.find(child)
    return found.get(attribute) if found is not None else None
